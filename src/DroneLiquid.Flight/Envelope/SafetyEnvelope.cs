using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Envelope;

/// <summary>
/// Turns a policy command into a setpoint that respects every configured limit, once per tick, allocating nothing.
/// Stages, in order (each records its bit in <see cref="EnvelopeInterventions"/>):
/// <list type="number">
/// <item>non-finite command or state: zero velocity and yaw rate (a stop overrides the acceleration limit);</item>
/// <item>body FRD to NED with the current yaw;</item>
/// <item>speed limits: horizontal speed scaled (direction kept), climb and descent clipped, yaw rate clipped;</item>
/// <item>clearance below the minimum: horizontal motion stops (the clearance has no direction, so stopping is the only safe choice);</item>
/// <item>acceleration: the change from the previous output is limited per axis group (horizontal, vertical);</item>
/// <item>fence, ceiling and floor: within <see cref="EnvelopeOptions.LimitMarginMetres"/> of a limit the outward
/// component is removed; past a limit the command is replaced by a return inside at
/// <see cref="EnvelopeOptions.BreachReturnSpeedMetresPerSecond"/>. Position limits come last, so they win over the
/// acceleration limit: staying inside matters more than smoothness.</item>
/// </list>
/// Every stage only shrinks a component or replaces it by one within the speed limits, so the output never exceeds
/// a speed or yaw-rate limit, whatever the input. Not thread-safe: one instance belongs to one tick loop.
/// </summary>
public sealed class SafetyEnvelope
{
    private readonly float _maxHorizontalSpeed;
    private readonly float _maxUp;
    private readonly float _maxDown;
    private readonly float _maxYawRate;
    private readonly float _maxHorizontalAcceleration;
    private readonly float _maxVerticalAcceleration;
    private readonly float _fenceRadius;
    private readonly float _minAltitude;
    private readonly float _maxAltitude;
    private readonly float _margin;
    private readonly float _returnSpeed;
    private readonly float _minClearance;
    private VelocityNed _previous;
    private bool _hasPrevious;

    /// <summary>Creates an envelope; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public SafetyEnvelope(EnvelopeOptions options)
    {
        OptionsCheck.ThrowIfAny(EnvelopeOptionsValidator.Collect(options));

        _maxHorizontalSpeed = options.MaxHorizontalSpeedMetresPerSecond;
        _maxUp = options.MaxSpeedUpMetresPerSecond;
        _maxDown = options.MaxSpeedDownMetresPerSecond;
        _maxYawRate = options.MaxYawRateRadiansPerSecond;
        _maxHorizontalAcceleration = options.MaxHorizontalAccelerationMetresPerSecondSquared;
        _maxVerticalAcceleration = options.MaxVerticalAccelerationMetresPerSecondSquared;
        _fenceRadius = options.GeofenceRadiusMetres;
        _minAltitude = options.MinAltitudeMetres;
        _maxAltitude = options.MaxAltitudeMetres;
        _margin = options.LimitMarginMetres;
        _returnSpeed = options.BreachReturnSpeedMetresPerSecond;
        _minClearance = options.MinClearanceMetres;
    }

    /// <summary>Starts the acceleration limit from <paramref name="current"/> (the vehicle's velocity when policy control begins).</summary>
    public void Reset(VelocityNed current)
    {
        _previous = current.IsFinite ? current : default;
        _hasPrevious = true;
    }

    /// <summary>
    /// The safe setpoint for <paramref name="command"/> given <paramref name="state"/>, <paramref name="elapsedSeconds"/>
    /// after the previous call (a non-finite or negative interval allows no change of velocity). Without a
    /// <see cref="Reset"/> the first call starts from the vehicle's measured velocity.
    /// </summary>
    public EnvelopeOutput Apply(in PolicyCommand command, in VehicleState state, float elapsedSeconds)
    {
        if (!state.PositionNed.IsFinite || !state.VelocityNed.IsFinite || !float.IsFinite(state.YawRadians))
        {
            return Stop(EnvelopeInterventions.NonFiniteState, default, float.NaN);
        }

        if (!float.IsFinite(command.X) || !float.IsFinite(command.Y) || !float.IsFinite(command.Z) || !float.IsFinite(command.YawRateRadiansPerSecond))
        {
            return Stop(EnvelopeInterventions.NonFiniteCommand, default, command.YawRateRadiansPerSecond);
        }

        if (!_hasPrevious)
        {
            Reset(state.VelocityNed);
        }

        // Doubles from here on: rotations and squares of huge floats overflow float but not double.
        double north = command.X, east = command.Y, down = command.Z;
        if (command.Frame == VelocityFrame.BodyFrd)
        {
            FrameConversion.BodyFrdToNed(command.X, command.Y, state.YawRadians, out north, out east);
        }

        var requested = new VelocityNed((float)north, (float)east, (float)down);
        var flags = EnvelopeInterventions.None;
        double horizontal = Math.Sqrt((north * north) + (east * east));
        if (horizontal > _maxHorizontalSpeed)
        {
            double scale = _maxHorizontalSpeed / horizontal;
            north *= scale;
            east *= scale;
            flags |= EnvelopeInterventions.HorizontalSpeed;
        }

        if (down < -_maxUp)
        {
            down = -_maxUp;
            flags |= EnvelopeInterventions.VerticalSpeedUp;
        }
        else if (down > _maxDown)
        {
            down = _maxDown;
            flags |= EnvelopeInterventions.VerticalSpeedDown;
        }

        float yawRate = Math.Clamp(command.YawRateRadiansPerSecond, -_maxYawRate, _maxYawRate);
        if (yawRate != command.YawRateRadiansPerSecond)
        {
            flags |= EnvelopeInterventions.YawRate;
        }

        if (float.IsFinite(state.MinClearanceMetres) && state.MinClearanceMetres < _minClearance && (north != 0 || east != 0))
        {
            north = 0;
            east = 0;
            flags |= EnvelopeInterventions.Clearance;
        }

        flags |= LimitAcceleration(ref north, ref east, ref down, elapsedSeconds);
        flags |= KeepInsideFence(state.PositionNed, ref north, ref east);
        flags |= KeepInsideAltitude(state.PositionNed.AltitudeMetres, ref down);

        var output = new VelocityNed((float)north, (float)east, (float)down);
        _previous = output;
        return new EnvelopeOutput(output, yawRate, flags, requested, command.YawRateRadiansPerSecond);
    }

    private EnvelopeOutput Stop(EnvelopeInterventions reason, VelocityNed requested, float requestedYawRate)
    {
        _previous = default;
        _hasPrevious = true;
        return new EnvelopeOutput(default, 0f, reason, requested, requestedYawRate);
    }

    private EnvelopeInterventions LimitAcceleration(ref double north, ref double east, ref double down, float elapsedSeconds)
    {
        double dt = float.IsFinite(elapsedSeconds) && elapsedSeconds > 0 ? elapsedSeconds : 0;
        var flags = EnvelopeInterventions.None;
        double dn = north - _previous.NorthMetresPerSecond, de = east - _previous.EastMetresPerSecond;
        double change = Math.Sqrt((dn * dn) + (de * de));
        double maxChange = _maxHorizontalAcceleration * dt;
        if (change > maxChange)
        {
            double scale = maxChange / change;
            north = _previous.NorthMetresPerSecond + (dn * scale);
            east = _previous.EastMetresPerSecond + (de * scale);
            flags |= EnvelopeInterventions.HorizontalAcceleration;
        }

        double dd = down - _previous.DownMetresPerSecond;
        double maxVerticalChange = _maxVerticalAcceleration * dt;
        if (Math.Abs(dd) > maxVerticalChange)
        {
            down = _previous.DownMetresPerSecond + Math.CopySign(maxVerticalChange, dd);
            flags |= EnvelopeInterventions.VerticalAcceleration;
        }

        return flags;
    }

    private EnvelopeInterventions KeepInsideFence(PositionNed position, ref double north, ref double east)
    {
        double pn = position.NorthMetres, pe = position.EastMetres;
        double distance = Math.Sqrt((pn * pn) + (pe * pe));
        if (distance > _fenceRadius)
        {
            north = -pn / distance * _returnSpeed;
            east = -pe / distance * _returnSpeed;
            return EnvelopeInterventions.GeofenceBreach;
        }

        if (distance > _fenceRadius - _margin && distance > 0)
        {
            double outward = ((north * pn) + (east * pe)) / distance;
            if (outward > 0)
            {
                north -= outward * pn / distance;
                east -= outward * pe / distance;
                return EnvelopeInterventions.GeofenceOutward;
            }
        }

        return EnvelopeInterventions.None;
    }

    private EnvelopeInterventions KeepInsideAltitude(float altitude, ref double down)
    {
        if (altitude > _maxAltitude)
        {
            down = _returnSpeed;
            return EnvelopeInterventions.AltitudeMaxBreach;
        }

        if (altitude < _minAltitude)
        {
            down = -_returnSpeed;
            return EnvelopeInterventions.AltitudeMinBreach;
        }

        if (altitude > _maxAltitude - _margin && down < 0)
        {
            down = 0;
            return EnvelopeInterventions.AltitudeMaxOutward;
        }

        if (altitude < _minAltitude + _margin && down > 0)
        {
            down = 0;
            return EnvelopeInterventions.AltitudeMinOutward;
        }

        return EnvelopeInterventions.None;
    }
}
