namespace DroneLiquid.Sensors.Imu.Mavlink;

/// <summary>
/// Maps the autopilot's time since boot (time_boot_ms, time_usec, TIMESYNC tc1) onto our
/// <see cref="TimeProvider"/> clock. Two estimates of offset = local − remote are kept:
/// <list type="bullet">
/// <item>TIMESYNC: we send tc1 = 0, ts1 = our time in ns; the autopilot answers tc1 = its time in ns and echoes ts1.
/// Assuming the answer was made half-way through the round trip, offset = (ts1 + rtt/2) − tc1. Replies with a
/// round trip above the limit are rejected; the rest are averaged (running mean, then an exponential filter); a run
/// of replies far from the estimate resets it (a clock step).</item>
/// <item>Arrival window: the minimum of (arrival − remote) over the last N messages. Queueing only ever delays a
/// message, so the minimum rejects jitter; it is biased late by the link's smallest latency.</item>
/// </list>
/// A fresh TIMESYNC estimate wins; otherwise the window is used. A remote time that goes backwards by more than the
/// reboot threshold means the autopilot rebooted: both estimates are reset. A mapped time is never later than the
/// message's arrival. One thread (the link's receive loop) calls the methods; nothing allocates after construction.
/// </summary>
public sealed class RemoteClockMapper
{
    /// <summary>
    /// time_usec may be UNIX time instead of time since boot (the MAVLink spec lets the receiver tell by magnitude):
    /// at or above this (2001-09-09) it is taken as UNIX time.
    /// </summary>
    public const long UnixTimeThresholdMicroseconds = 1_000_000_000_000_000;

    private const long NanosecondsPerSecond = 1_000_000_000;
    private const int OutliersBeforeReset = 3;
    private const double FilterGain = 0.05;
    private readonly TimeProvider _timeProvider;
    private readonly long _frequency;
    private readonly long _epochTimestamp;
    private readonly long _rebootJumpNs;
    private readonly long _maxRoundTripNs;
    private readonly long _timesyncTimeoutNs;
    private readonly long _outlierNs;
    private readonly long[] _windowIndex;
    private readonly long[] _windowValue;
    private int _head;
    private int _count;
    private long _pushed;
    private long _lastRemoteNs = long.MinValue;
    private double _timesyncOffsetNs;
    private long _timesyncSamples;
    private long _lastTimesyncLocalNs;
    private int _outliers;
    private long _reboots;
    private long _timesyncRejected;
    private int _mode;

    /// <summary>Creates a mapper on <paramref name="timeProvider"/>'s clock.</summary>
    /// <param name="timeProvider">Our clock (its timestamps are what the mapper produces).</param>
    /// <param name="windowSamples">Messages in the arrival window (at least 8).</param>
    /// <param name="rebootBackwardsJump">A backwards step of remote time beyond this is a reboot.</param>
    /// <param name="timesyncMaxRoundTrip">TIMESYNC replies with a longer round trip are rejected.</param>
    /// <param name="timesyncTimeout">A TIMESYNC estimate older than this gives way to the arrival window.</param>
    public RemoteClockMapper(TimeProvider timeProvider, int windowSamples, TimeSpan rebootBackwardsJump, TimeSpan timesyncMaxRoundTrip, TimeSpan timesyncTimeout)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSamples, 8);
        _timeProvider = timeProvider;
        _frequency = timeProvider.TimestampFrequency;
        // Nanoseconds are counted from shortly before construction: a raw timestamp (FakeTimeProvider's is
        // DateTime ticks) times 10^9 / frequency can overflow 64 bits.
        _epochTimestamp = timeProvider.GetTimestamp() - _frequency;
        _rebootJumpNs = rebootBackwardsJump.Ticks * 100;
        _maxRoundTripNs = timesyncMaxRoundTrip.Ticks * 100;
        _timesyncTimeoutNs = timesyncTimeout.Ticks * 100;
        _outlierNs = Math.Max(_maxRoundTripNs, 1_000_000);
        _windowIndex = new long[windowSamples];
        _windowValue = new long[windowSamples];
    }

    /// <summary>Which estimate the last mapping used.</summary>
    public ClockSyncMode Mode => (ClockSyncMode)Volatile.Read(ref _mode);

    /// <summary>Reboots detected (remote time going backwards).</summary>
    public long RebootsDetected => Volatile.Read(ref _reboots);

    /// <summary>TIMESYNC replies used in the current estimate.</summary>
    public long TimesyncSamples => Volatile.Read(ref _timesyncSamples);

    /// <summary>TIMESYNC replies refused (round trip too long or negative).</summary>
    public long TimesyncRejected => Volatile.Read(ref _timesyncRejected);

    /// <summary>Our clock's timestamp in nanoseconds since shortly before this mapper was made (the unit of TIMESYNC's ts1).</summary>
    public long ToNanoseconds(long timestamp) => (long)((Int128)(timestamp - _epochTimestamp) * NanosecondsPerSecond / _frequency);

    /// <summary>
    /// Records a message stamped <paramref name="remoteMicroseconds"/> (autopilot boot time) that arrived at
    /// <paramref name="arrivalTimestamp"/> (our clock) and returns when it was taken, on our clock.
    /// </summary>
    public long ToLocalTimestamp(long remoteMicroseconds, long arrivalTimestamp)
    {
        long remoteNs = remoteMicroseconds * 1000;
        long arrivalNs = ToNanoseconds(arrivalTimestamp);
        ObserveRemoteTime(remoteNs);
        PushWindow(arrivalNs - remoteNs);

        long offsetNs;
        if (_timesyncSamples > 0 && arrivalNs - _lastTimesyncLocalNs <= _timesyncTimeoutNs)
        {
            offsetNs = (long)_timesyncOffsetNs;
            Volatile.Write(ref _mode, (int)ClockSyncMode.Timesync);
        }
        else
        {
            offsetNs = _windowValue[_head];
            Volatile.Write(ref _mode, (int)ClockSyncMode.ArrivalWindow);
        }

        long localNs = Math.Min(remoteNs + offsetNs, arrivalNs);
        return _epochTimestamp + (long)((Int128)localNs * _frequency / NanosecondsPerSecond);
    }

    /// <summary>
    /// Maps a UNIX time (µs since 1970, see <see cref="UnixTimeThresholdMicroseconds"/>) through our UTC clock: as good
    /// as the agreement of the two wall clocks (GPS or NTP), never later than the arrival. Not fed to the estimates.
    /// </summary>
    public long FromUnixMicroseconds(long unixMicroseconds, long arrivalTimestamp)
    {
        long nowUnixMicroseconds = (_timeProvider.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / 10;
        long ageMicroseconds = Math.Max(0, nowUnixMicroseconds - unixMicroseconds);
        return arrivalTimestamp - (long)((Int128)ageMicroseconds * _frequency / 1_000_000);
    }

    /// <summary>
    /// Uses a TIMESYNC reply (<paramref name="tc1Nanoseconds"/>: the autopilot's time; <paramref name="ts1Nanoseconds"/>:
    /// our request's time, echoed) that arrived at <paramref name="arrivalTimestamp"/>. Returns false when refused.
    /// </summary>
    public bool OnTimesyncReply(long tc1Nanoseconds, long ts1Nanoseconds, long arrivalTimestamp)
    {
        long nowNs = ToNanoseconds(arrivalTimestamp);
        long roundTripNs = nowNs - ts1Nanoseconds;
        if (roundTripNs < 0 || roundTripNs > _maxRoundTripNs)
        {
            Volatile.Write(ref _timesyncRejected, _timesyncRejected + 1);
            return false;
        }

        ObserveRemoteTime(tc1Nanoseconds);
        double sample = (double)(ts1Nanoseconds + (roundTripNs / 2) - tc1Nanoseconds);
        long n = _timesyncSamples;
        if (n > 0 && Math.Abs(sample - _timesyncOffsetNs) > _outlierNs)
        {
            // A clock step the reboot check missed (or a wild reply): believe it only when it repeats.
            if (++_outliers < OutliersBeforeReset)
            {
                return false;
            }

            n = 0;
        }

        _outliers = 0;
        double gain = Math.Max(FilterGain, 1.0 / (n + 1));
        _timesyncOffsetNs = n == 0 ? sample : _timesyncOffsetNs + (gain * (sample - _timesyncOffsetNs));
        _lastTimesyncLocalNs = nowNs;
        Volatile.Write(ref _timesyncSamples, n + 1);
        return true;
    }

    private void ObserveRemoteTime(long remoteNs)
    {
        if (_lastRemoteNs != long.MinValue && remoteNs < _lastRemoteNs - _rebootJumpNs)
        {
            Volatile.Write(ref _reboots, _reboots + 1);
            _count = 0;
            _head = 0;
            _timesyncOffsetNs = 0;
            Volatile.Write(ref _timesyncSamples, 0);
            _outliers = 0;
            Volatile.Write(ref _mode, (int)ClockSyncMode.None);
            _lastRemoteNs = remoteNs;
            return;
        }

        _lastRemoteNs = Math.Max(_lastRemoteNs, remoteNs);
    }

    /// <summary>Sliding-window minimum as a monotonic deque in a ring: amortised O(1), no allocation.</summary>
    private void PushWindow(long value)
    {
        int capacity = _windowValue.Length;
        long index = _pushed++;
        while (_count > 0 && _windowValue[(_head + _count - 1) % capacity] >= value)
        {
            _count--;
        }

        int tail = (_head + _count) % capacity;
        _windowIndex[tail] = index;
        _windowValue[tail] = value;
        _count++;
        while (_windowIndex[_head] <= index - capacity)
        {
            _head = (_head + 1) % capacity;
            _count--;
        }
    }
}
