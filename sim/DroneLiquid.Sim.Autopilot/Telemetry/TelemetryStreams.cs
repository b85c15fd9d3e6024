using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Sim.Autopilot.Telemetry;

/// <summary>
/// The messages an emulator can stream and the interval of each (simulated seconds; 0 = off). Changed by
/// SET_MESSAGE_INTERVAL and REQUEST_DATA_STREAM, read by the emulator's step. Fixed arrays: no allocation.
/// </summary>
public sealed class TelemetryStreams
{
    /// <summary>Every message id the emulator can produce as a stream.</summary>
    public static readonly uint[] Supported =
    [
        AttitudeMessage.MavlinkId, AttitudeQuaternionMessage.MavlinkId, HighresImuMessage.MavlinkId, LocalPositionNedMessage.MavlinkId,
        GlobalPositionIntMessage.MavlinkId, SysStatusMessage.MavlinkId, ExtendedSysStateMessage.MavlinkId, BatteryStatusMessage.MavlinkId,
        HomePositionMessage.MavlinkId, PositionTargetLocalNedMessage.MavlinkId,
    ];

    private readonly double[] _defaultInterval = new double[Supported.Length];
    private readonly double[] _interval = new double[Supported.Length];
    private readonly double[] _nextDue = new double[Supported.Length];
    private readonly Lock _gate = new();

    public int Count => Supported.Length;

    public static int IndexOf(uint messageId) => Array.IndexOf(Supported, messageId);

    /// <summary>Sets the boot default of one stream (hertz; 0 off) and its current rate.</summary>
    public void SetDefaultRate(uint messageId, double rateHz)
    {
        int i = IndexOf(messageId);
        _defaultInterval[i] = rateHz > 0 ? 1.0 / rateHz : 0;
        _interval[i] = _defaultInterval[i];
    }

    /// <summary>Interval in seconds, 0 for off; false for a message that cannot be streamed.</summary>
    public bool TryGetInterval(uint messageId, out double intervalSeconds)
    {
        int i = IndexOf(messageId);
        intervalSeconds = i < 0 ? 0 : Volatile.Read(ref _interval[i]);
        return i >= 0;
    }

    /// <summary>
    /// SET_MESSAGE_INTERVAL semantics: -1 disables, 0 restores the default, a positive value is microseconds.
    /// False when the message cannot be streamed or the interval is not finite.
    /// </summary>
    public bool TrySetInterval(uint messageId, float intervalMicroseconds, double nowSeconds)
    {
        int i = IndexOf(messageId);
        if (i < 0 || !float.IsFinite(intervalMicroseconds) || intervalMicroseconds < -1)
        {
            return false;
        }

        lock (_gate)
        {
            _interval[i] = intervalMicroseconds switch
            {
                < 0 => 0,
                0 => _defaultInterval[i],
                _ => Math.Max(intervalMicroseconds * 1e-6, 0.001),
            };
            _nextDue[i] = nowSeconds;
        }

        return true;
    }

    /// <summary>Sets a stream's rate in hertz (0 stops it).</summary>
    public void SetRate(uint messageId, double rateHz, double nowSeconds)
    {
        int i = IndexOf(messageId);
        lock (_gate)
        {
            _interval[i] = rateHz > 0 ? 1.0 / rateHz : 0;
            _nextDue[i] = nowSeconds;
        }
    }

    /// <summary>Index into <see cref="Supported"/> of the next stream due at <paramref name="nowSeconds"/>, or -1; schedules its next time.</summary>
    public int NextDue(double nowSeconds, int start)
    {
        lock (_gate)
        {
            for (int i = start; i < _interval.Length; i++)
            {
                double interval = _interval[i];
                if (interval > 0 && _nextDue[i] <= nowSeconds + 1e-9)
                {
                    // Keep the phase so the average rate is exact, but never fall more than one interval behind.
                    _nextDue[i] = Math.Max(_nextDue[i] + interval, nowSeconds);
                    return i;
                }
            }
        }

        return -1;
    }
}
