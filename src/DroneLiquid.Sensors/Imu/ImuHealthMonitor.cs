using System.Numerics;

namespace DroneLiquid.Sensors.Imu;

/// <summary>
/// The producer side of IMU health: counts read errors (Failed after N in a row, Ok again on the next good
/// read), flags saturation (an axis at its range limit) and frozen output (exactly the same reading for longer
/// than a limit: real MEMS output always carries noise). Writes its verdicts into a <see cref="SensorChannel{T}"/>.
/// </summary>
/// <remarks>
/// States per fault: ReadErrors is raised when the consecutive-failure count reaches the limit and cleared by
/// one successful read; Frozen is raised once the reading has not changed for the frozen limit and cleared by
/// the first changed reading; Saturated follows each sample.
/// </remarks>
public sealed class ImuHealthMonitor
{
    /// <summary>An axis at or above this fraction of its full-scale range counts as saturated.</summary>
    public const float SaturationFraction = 0.99f;

    private readonly SensorChannel<ImuSample> _channel;
    private readonly int _failuresBeforeUnhealthy;
    private readonly long _frozenAfterTicks;
    private readonly float _accelerationLimit;
    private readonly float _angularRateLimit;
    private Vector3 _lastAcceleration;
    private Vector3 _lastAngularRate;
    private long _lastChangeTimestamp;
    private bool _hasLast;
    private long _readErrors;
    private int _consecutiveReadErrors;
    private long _saturatedSamples;

    /// <summary>Creates a monitor for a chip with the given full-scale ranges (SI).</summary>
    public ImuHealthMonitor(SensorChannel<ImuSample> channel, int failuresBeforeUnhealthy, TimeSpan frozenAfter,
        float accelerationFullScaleMetresPerSecondSquared, float angularRateFullScaleRadiansPerSecond)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresBeforeUnhealthy, 1);
        _channel = channel;
        _failuresBeforeUnhealthy = failuresBeforeUnhealthy;
        _frozenAfterTicks = (long)(frozenAfter.TotalSeconds * channel.TimeProvider.TimestampFrequency);
        _accelerationLimit = accelerationFullScaleMetresPerSecondSquared * SaturationFraction;
        _angularRateLimit = angularRateFullScaleRadiansPerSecond * SaturationFraction;
    }

    /// <summary>Reads that failed in total.</summary>
    public long ReadErrors => Volatile.Read(ref _readErrors);

    /// <summary>Reads that failed since the last good one.</summary>
    public int ConsecutiveReadErrors => Volatile.Read(ref _consecutiveReadErrors);

    /// <summary>Samples with an axis at its range limit.</summary>
    public long SaturatedSamples => Volatile.Read(ref _saturatedSamples);

    /// <summary>Records a failed read; returns true when this failure made the source unhealthy.</summary>
    public bool ReadFailed()
    {
        Volatile.Write(ref _readErrors, _readErrors + 1);
        int consecutive = _consecutiveReadErrors + 1;
        Volatile.Write(ref _consecutiveReadErrors, consecutive);
        if (consecutive == _failuresBeforeUnhealthy)
        {
            _channel.SetFaults(SensorFaults.ReadErrors, present: true);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Records a good read (board frame, SI, before bias removal) taken at <paramref name="timestamp"/>.
    /// Returns true when the source had been unhealthy and has now recovered.
    /// </summary>
    public bool ReadSucceeded(long timestamp, Vector3 accelerationBoard, Vector3 angularRateBoard)
    {
        bool recovered = _consecutiveReadErrors >= _failuresBeforeUnhealthy;
        if (_consecutiveReadErrors != 0)
        {
            Volatile.Write(ref _consecutiveReadErrors, 0);
            _channel.SetFaults(SensorFaults.ReadErrors, present: false);
        }

        if (!_hasLast || accelerationBoard != _lastAcceleration || angularRateBoard != _lastAngularRate)
        {
            _hasLast = true;
            _lastAcceleration = accelerationBoard;
            _lastAngularRate = angularRateBoard;
            _lastChangeTimestamp = timestamp;
            _channel.SetFaults(SensorFaults.Frozen, present: false);
        }
        else if (timestamp - _lastChangeTimestamp > _frozenAfterTicks)
        {
            _channel.SetFaults(SensorFaults.Frozen, present: true);
        }

        bool saturated = AtLimit(accelerationBoard, _accelerationLimit) || AtLimit(angularRateBoard, _angularRateLimit);
        if (saturated)
        {
            Volatile.Write(ref _saturatedSamples, _saturatedSamples + 1);
        }

        _channel.SetFaults(SensorFaults.Saturated, saturated);
        return recovered;
    }

    private static bool AtLimit(Vector3 value, float limit)
    {
        var magnitude = Vector3.Abs(value);
        return magnitude.X >= limit || magnitude.Y >= limit || magnitude.Z >= limit;
    }
}
