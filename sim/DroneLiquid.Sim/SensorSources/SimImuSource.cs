using System.Numerics;
using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sim.Simulation;
using SimSensors = DroneLiquid.Sim.Sensors;

namespace DroneLiquid.Sim.SensorSources;

/// <summary>
/// The simulator's IMU as an <see cref="IImuSource"/>: each new sample of <see cref="SimWorld.Sensors"/> (specific
/// force and rates, already SI in FRD) with the estimated attitude, stamped with the simulated clock's timestamp of
/// the moment the sample was taken, published into a <see cref="SensorChannel{T}"/>. The flight tick reads it exactly
/// as it reads an I2C or MAVLink IMU. During a sensor-freeze event no new samples come, so the source goes Stale.
/// </summary>
/// <remarks>
/// Lockstep: the world is stepped and read on one thread. With <see cref="SimSourceOptions.PumpOnRead"/> the tick's
/// <see cref="ReadLatest"/> takes the newest sample itself; otherwise the stepping thread calls <see cref="Pump"/>.
/// Only the newest sample since the previous pump is published (the sim may produce several per tick). Nothing allocates.
/// </remarks>
public sealed class SimImuSource : IImuSource
{
    /// <summary>Range used for saturation checks: the simulated IMU has none, so a generous 16 g.</summary>
    private const float AccelerationFullScale = 16f * ImuUnits.StandardGravityMetresPerSecondSquared;

    /// <summary>Range used for saturation checks: 2000 °/s.</summary>
    private const float AngularRateFullScale = 2000f * ImuUnits.RadiansPerDegree;

    /// <summary>Attitude samples come at <see cref="SimSensors.SensorSuite.PublishRateHz"/>; one older than two periods is left out.</summary>
    private const double AttitudeMaxAgeSeconds = 2.0 / SimSensors.SensorSuite.PublishRateHz;

    /// <summary>What "never frozen" is handed to the health monitor as (a thousand years of identical readings).</summary>
    private static readonly TimeSpan NeverFrozen = TimeSpan.FromDays(365_000);

    private readonly SimWorld _world;
    private readonly SimSourceOptions _options;
    private readonly SensorChannel<ImuSample> _channel;
    private readonly ImuHealthMonitor _health;
    private long _lastSampleCount;
    private bool _started;

    /// <summary>Creates a source on <paramref name="world"/>'s IMU and clock.</summary>
    public SimImuSource(SimWorld world, SimSourceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        _options = options ?? new SimSourceOptions();
        _options.Validate();
        _world = world;
        _channel = new SensorChannel<ImuSample>(world.Clock, _options.StaleAfter);
        _health = new ImuHealthMonitor(_channel, failuresBeforeUnhealthy: 1, _options.FrozenAfter ?? NeverFrozen, AccelerationFullScale, AngularRateFullScale);
        Name = $"sim imu {world.Sensors.ImuRateHz:0.#} Hz";
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public ImuCounters Counters => new(_channel.PublishedCount, _health.ReadErrors, _health.ConsecutiveReadErrors, _health.SaturatedSamples);

    /// <summary>Begins taking samples; the world's current sample is the first.</summary>
    public void Start()
    {
        if (_channel.ProducerFaults.HasFlag(SensorFaults.Stopped))
        {
            throw new InvalidOperationException($"IMU {Name} was stopped; create a new source to start again");
        }

        _started = true;
        _lastSampleCount = _world.Sensors.ImuSampleCount - 1;
        Pump();
    }

    /// <inheritdoc/>
    public void Stop()
    {
        _started = false;
        _channel.SetFaults(SensorFaults.Stopped, present: true);
    }

    /// <inheritdoc/>
    public SensorReading<ImuSample> ReadLatest()
    {
        if (_options.PumpOnRead)
        {
            Pump();
        }

        return _channel.ReadLatest();
    }

    /// <summary>Publishes the world's newest IMU sample if it is new; call after <see cref="SimWorld.Step"/>. True when one was published.</summary>
    public bool Pump()
    {
        SimSensors.SensorSuite sensors = _world.Sensors;
        if (!_started || sensors.ImuSampleCount == _lastSampleCount)
        {
            return false;
        }

        _lastSampleCount = sensors.ImuSampleCount;
        SimSensors.ImuSample imu = sensors.Imu;
        long timestamp = SimClockTimestamp.FromSeconds(_world.Clock, imu.TimestampSeconds);
        Vector3 acceleration = imu.SpecificForceFrd.ToVector();
        Vector3 rate = imu.AngularRateFrd.ToVector();
        _health.ReadSucceeded(timestamp, acceleration, rate);
        SimSensors.AttitudeSample attitude = sensors.Attitude;
        bool attitudeFresh = Math.Abs(imu.TimestampSeconds - attitude.TimestampSeconds) <= AttitudeMaxAgeSeconds;
        var sample = new ImuSample(timestamp, _channel.PublishedCount + 1, acceleration, rate, attitudeFresh ? attitude.FrdToNed : null);
        _channel.Publish(in sample, timestamp);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => Stop();
}
