using System.Numerics;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DroneLiquid.Sensors.Imu.Mavlink;

/// <summary>
/// The autopilot's IMU over MAVLink: HIGHRES_IMU (preferred), SCALED_IMU, or RAW_IMU (only with configured scales),
/// with the latest ATTITUDE_QUATERNION (preferred) or ATTITUDE folded into each sample, converted to SI in the FRD
/// body frame (<see cref="MavlinkImuUnits"/>), stamped on our clock (<see cref="RemoteClockMapper"/>) and published
/// into a <see cref="SensorChannel{T}"/>.
/// </summary>
/// <remarks>
/// Handlers run on the connection's receive thread and allocate nothing per message. Only messages from the
/// configured system/component count. When several IMU messages stream, the best kind that is still fresh wins;
/// a lesser kind takes over only after the better one has been silent for <see cref="MavlinkImuOptions.StaleAfter"/>.
/// Health: Stale after the age limit, Frozen when readings stop changing, Failed (ReadErrors) after N messages in a
/// row with NaN or infinite values; those messages are counted and never published.
/// </remarks>
public sealed class MavlinkImuSource : IImuSource
{
    private readonly MavlinkConnection _connection;
    private readonly MavlinkImuOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SensorChannel<ImuSample> _channel;
    private readonly ImuHealthMonitor _health;
    private readonly RemoteClockMapper _clock;
    private readonly long _staleTicks;
    private readonly long _attitudeMaxAgeMicroseconds;
    private readonly List<IDisposable> _subscriptions = [];
    private ITimer? _timesyncTimer;
    private int _activeKind;
    private long _activeArrival;
    private Quaternion _attitude = Quaternion.Identity;
    private long _attitudeRemoteMicroseconds = long.MinValue;
    private long _quaternionRemoteMicroseconds = long.MinValue;
    private long _lastRemoteMicroseconds;
    private long _reboots;

    /// <summary>Creates a source listening on <paramref name="connection"/> (which keeps running its own receive loop).</summary>
    public MavlinkImuSource(MavlinkConnection connection, MavlinkImuOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _options = options ?? new MavlinkImuOptions();
        _options.Validate();
        _connection = connection;
        _timeProvider = connection.TimeProvider;
        _logger = logger ?? NullLogger.Instance;
        _channel = new SensorChannel<ImuSample>(_timeProvider, _options.StaleAfter);
        _health = new ImuHealthMonitor(_channel, _options.FailuresBeforeUnhealthy, _options.FrozenAfter,
            _options.AccelerationFullScaleMetresPerSecondSquared, _options.AngularRateFullScaleRadiansPerSecond);
        _clock = new RemoteClockMapper(_timeProvider, _options.ArrivalWindowSamples, _options.RebootBackwardsJump,
            _options.TimesyncMaxRoundTrip, _options.TimesyncInterval * 5);
        _staleTicks = (long)(_options.StaleAfter.TotalSeconds * _timeProvider.TimestampFrequency);
        _attitudeMaxAgeMicroseconds = _options.AttitudeMaxAge.Ticks / 10;
        Name = $"mavlink imu {_options.TargetSystemId}/{_options.TargetComponentId}@{connection.Transport.Name}";
    }

    private enum ImuKind
    {
        None = 0,
        Raw = 1,
        Scaled = 2,
        Highres = 3,
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public ImuCounters Counters => new(_channel.PublishedCount, _health.ReadErrors, _health.ConsecutiveReadErrors, _health.SaturatedSamples);

    /// <summary>How the autopilot's timestamps are mapped onto our clock, its reboots and TIMESYNC statistics.</summary>
    public RemoteClockMapper Clock => _clock;

    /// <summary>Subscribes to the IMU, attitude and TIMESYNC messages and starts the TIMESYNC requests.</summary>
    public void Start()
    {
        if (_channel.ProducerFaults.HasFlag(SensorFaults.Stopped))
        {
            throw new InvalidOperationException($"IMU {Name} was stopped; create a new source to start again");
        }

        if (_subscriptions.Count > 0)
        {
            throw new InvalidOperationException($"IMU {Name} is already started");
        }

        _subscriptions.Add(_connection.Subscribe<HighresImuMessage>(OnHighresImu));
        _subscriptions.Add(_connection.Subscribe<ScaledImuMessage>(OnScaledImu));
        _subscriptions.Add(_connection.Subscribe<AttitudeQuaternionMessage>(OnAttitudeQuaternion));
        _subscriptions.Add(_connection.Subscribe<AttitudeMessage>(OnAttitude));
        if (_options.HasRawScales)
        {
            _subscriptions.Add(_connection.Subscribe<RawImuMessage>(OnRawImu));
        }

        if (_options.UseTimesync)
        {
            _subscriptions.Add(_connection.Subscribe<TimesyncMessage>(OnTimesync));
            _timesyncTimer = _timeProvider.CreateTimer(static s => ((MavlinkImuSource)s!).SendTimesyncRequest(), this,
                TimeSpan.Zero, _options.TimesyncInterval);
        }

        _logger.MavlinkImuStarted(Name, _options.TargetSystemId, _options.TargetComponentId, _options.UseTimesync);
    }

    /// <inheritdoc/>
    public void Stop()
    {
        _timesyncTimer?.Dispose();
        foreach (IDisposable subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _channel.SetFaults(SensorFaults.Stopped, present: true);
    }

    /// <inheritdoc/>
    public SensorReading<ImuSample> ReadLatest() => _channel.ReadLatest();

    /// <inheritdoc/>
    public void Dispose() => Stop();

    internal void OnHighresImu(in HighresImuMessage m, in MavlinkFrame frame)
    {
        if (IsFromTarget(in frame))
        {
            Accept(ImuKind.Highres, (long)m.TimeUsec, MavlinkImuUnits.HighresToFrd(m.Xacc, m.Yacc, m.Zacc),
                MavlinkImuUnits.HighresToFrd(m.Xgyro, m.Ygyro, m.Zgyro), m.Temperature, HighresImuMessage.MavlinkName);
        }
    }

    internal void OnScaledImu(in ScaledImuMessage m, in MavlinkFrame frame)
    {
        if (IsFromTarget(in frame))
        {
            Accept(ImuKind.Scaled, m.TimeBootMs * 1000L, MavlinkImuUnits.MilliGToMetresPerSecondSquared(m.Xacc, m.Yacc, m.Zacc),
                MavlinkImuUnits.MilliradiansPerSecondToRadiansPerSecond(m.Xgyro, m.Ygyro, m.Zgyro),
                CentidegreesOrNaN(m.Temperature), ScaledImuMessage.MavlinkName);
        }
    }

    internal void OnRawImu(in RawImuMessage m, in MavlinkFrame frame)
    {
        if (IsFromTarget(in frame))
        {
            Accept(ImuKind.Raw, (long)m.TimeUsec,
                MavlinkImuUnits.RawCountsToSi(m.Xacc, m.Yacc, m.Zacc, _options.RawAccelerationMetresPerSecondSquaredPerCount),
                MavlinkImuUnits.RawCountsToSi(m.Xgyro, m.Ygyro, m.Zgyro, _options.RawAngularRateRadiansPerSecondPerCount),
                CentidegreesOrNaN(m.Temperature), RawImuMessage.MavlinkName);
        }
    }

    internal void OnAttitudeQuaternion(in AttitudeQuaternionMessage m, in MavlinkFrame frame)
    {
        if (!IsFromTarget(in frame) || !float.IsFinite(m.Q1 + m.Q2 + m.Q3 + m.Q4))
        {
            return;
        }

        long remoteMicroseconds = m.TimeBootMs * 1000L;
        ObserveTime(remoteMicroseconds);
        _attitude = MavlinkImuUnits.WxyzToFrdToNed(m.Q1, m.Q2, m.Q3, m.Q4);
        _attitudeRemoteMicroseconds = remoteMicroseconds;
        _quaternionRemoteMicroseconds = remoteMicroseconds;
    }

    internal void OnAttitude(in AttitudeMessage m, in MavlinkFrame frame)
    {
        if (!IsFromTarget(in frame) || !float.IsFinite(m.Roll + m.Pitch + m.Yaw))
        {
            return;
        }

        long remoteMicroseconds = m.TimeBootMs * 1000L;
        ObserveTime(remoteMicroseconds);
        if (Math.Abs(remoteMicroseconds - _quaternionRemoteMicroseconds) <= _attitudeMaxAgeMicroseconds)
        {
            return; // ATTITUDE_QUATERNION is streaming: it avoids the Euler singularity, so it wins
        }

        _attitude = MavlinkImuUnits.EulerToFrdToNed(m.Roll, m.Pitch, m.Yaw);
        _attitudeRemoteMicroseconds = remoteMicroseconds;
    }

    internal void OnTimesync(in TimesyncMessage m, in MavlinkFrame frame)
    {
        bool forUs = m.TargetSystem == 0 || m.TargetSystem == _connection.Options.SystemId;
        if (IsFromTarget(in frame) && m.Tc1 != 0 && forUs)
        {
            // tc1 != 0: an answer to a request (ours, if ts1 is one of our recent times; the round-trip check rejects others).
            _clock.OnTimesyncReply(m.Tc1, m.Ts1, _timeProvider.GetTimestamp());
            NoteReboot(m.Tc1 / 1000);
        }
    }

    private static float CentidegreesOrNaN(short centidegrees) =>
        centidegrees == 0 ? float.NaN : centidegrees * MavlinkImuUnits.CelsiusPerCentidegree; // 0 means "not provided"

    private bool IsFromTarget(in MavlinkFrame frame) =>
        frame.SystemId == _options.TargetSystemId
        && (_options.TargetComponentId == 0 || frame.ComponentId == _options.TargetComponentId);

    private void Accept(ImuKind kind, long remoteMicroseconds, Vector3 accelerationFrd, Vector3 angularRateFrd, float temperatureCelsius, string message)
    {
        long arrival = _timeProvider.GetTimestamp();
        if ((int)kind < _activeKind && arrival - _activeArrival <= _staleTicks)
        {
            return; // a better message kind is streaming
        }

        if (!IsFinite(accelerationFrd) || !IsFinite(angularRateFrd))
        {
            if (_health.ReadFailed())
            {
                _logger.MavlinkImuBadValues(Name, _health.ConsecutiveReadErrors, message);
            }

            return;
        }

        _activeKind = (int)kind;
        _activeArrival = arrival;
        long timestamp;
        if (remoteMicroseconds >= RemoteClockMapper.UnixTimeThresholdMicroseconds)
        {
            timestamp = _clock.FromUnixMicroseconds(remoteMicroseconds, arrival); // time_usec sent as UNIX time
        }
        else
        {
            timestamp = _clock.ToLocalTimestamp(remoteMicroseconds, arrival);
            NoteReboot(remoteMicroseconds);
        }

        _health.ReadSucceeded(timestamp, accelerationFrd, angularRateFrd);
        bool attitudeFresh = _attitudeRemoteMicroseconds != long.MinValue
            && Math.Abs(remoteMicroseconds - _attitudeRemoteMicroseconds) <= _attitudeMaxAgeMicroseconds;
        var sample = new ImuSample(timestamp, _channel.PublishedCount + 1, accelerationFrd, angularRateFrd,
            attitudeFresh ? _attitude : null, float.IsFinite(temperatureCelsius) ? temperatureCelsius : null);
        _channel.Publish(in sample, timestamp);
    }

    private void ObserveTime(long remoteMicroseconds)
    {
        _clock.ToLocalTimestamp(remoteMicroseconds, _timeProvider.GetTimestamp());
        NoteReboot(remoteMicroseconds);
    }

    private void NoteReboot(long remoteMicroseconds)
    {
        _lastRemoteMicroseconds = remoteMicroseconds;
        long reboots = _clock.RebootsDetected;
        if (reboots != _reboots)
        {
            _reboots = reboots;
            _attitudeRemoteMicroseconds = long.MinValue; // the old attitude belongs to the old time base
            _quaternionRemoteMicroseconds = long.MinValue;
            _logger.AutopilotRebooted(Name, _lastRemoteMicroseconds / 1e6);
        }
    }

    private static bool IsFinite(Vector3 v) => float.IsFinite(v.X) && float.IsFinite(v.Y) && float.IsFinite(v.Z);

    private void SendTimesyncRequest()
    {
        var request = new TimesyncMessage
        {
            Tc1 = 0,
            Ts1 = _clock.ToNanoseconds(_timeProvider.GetTimestamp()),
            TargetSystem = _options.TargetSystemId,
            TargetComponent = _options.TargetComponentId,
        };
        ValueTask<bool> send = _connection.SendAsync(in request);
        if (!send.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(send);
        }
    }

    private static async Task ObserveAsync(ValueTask<bool> send)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: a lost TIMESYNC request only delays the next estimate.
        }
    }
}
