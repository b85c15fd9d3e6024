using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sensors.Imu.Mavlink;
using DroneLiquid.Sensors.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Sensors.Tests.Imu.Mavlink;

/// <summary>
/// A companion connection with a <see cref="MavlinkImuSource"/> and an autopilot connection (system 1, component 1)
/// joined by an in-memory wire, both on one <see cref="FakeTimeProvider"/>. The autopilot's boot clock runs
/// <see cref="BootOffset"/> behind ours and it answers TIMESYNC requests from that clock.
/// <see cref="SendAsync{T}"/> returns once the companion has handled the message, so the fake clock does not move
/// while a message is in flight and every arrival time is exact.
/// </summary>
internal sealed class MavlinkImuRig : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly MavlinkConnection _autopilot;
    private readonly MavlinkConnection _companion;
    private readonly long _originTimestamp;
    private int _markersSent;
    private int _markersSeen;

    private MavlinkImuRig(MavlinkImuOptions options, TimeSpan bootOffset)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        _originTimestamp = Clock.GetTimestamp();
        Clock.Advance(TimeSpan.FromSeconds(1000)); // our clock well ahead of the autopilot's boot
        BootOffset = bootOffset;
        var (companionEnd, autopilotEnd) = FakeLinkTransport.CreatePair();
        _companion = new MavlinkConnection(companionEnd, timeProvider: Clock);
        _autopilot = new MavlinkConnection(autopilotEnd, new MavlinkConnectionOptions
        {
            SystemId = 1,
            ComponentId = 1,
            HeartbeatType = MavType.Quadrotor,
            HeartbeatAutopilot = MavAutopilot.Px4,
        }, Clock);
        _autopilot.Subscribe<TimesyncMessage>(AnswerTimesync);
        _companion.Subscribe<NamedValueIntMessage>((in NamedValueIntMessage m, in MavlinkFrame _) => Volatile.Write(ref _markersSeen, m.Value));
        Source = new MavlinkImuSource(_companion, options);
    }

    public FakeTimeProvider Clock { get; }

    public MavlinkImuSource Source { get; }

    /// <summary>Our clock minus the autopilot's boot clock.</summary>
    public TimeSpan BootOffset { get; set; }

    /// <summary>TIMESYNC requests the autopilot answered.</summary>
    public int TimesyncAnswers { get; private set; }

    /// <summary>The autopilot's time since boot now, µs.</summary>
    public long RemoteMicroseconds => OurMicroseconds - (BootOffset.Ticks / 10);

    /// <summary>Our clock since the rig was made, µs (exact integer arithmetic).</summary>
    public long OurMicroseconds => (long)((Int128)(Clock.GetTimestamp() - _originTimestamp) * 1_000_000 / Clock.TimestampFrequency);

    /// <summary>The sequence number of the newest sample (0 when none).</summary>
    public long ReadLatestSequence() => Source.ReadLatest().Sequence;

    /// <summary>Our clock's timestamp <paramref name="remoteMicroseconds"/> of autopilot time corresponds to.</summary>
    public long LocalTimestampOf(long remoteMicroseconds) =>
        _originTimestamp + (long)((Int128)(remoteMicroseconds + (BootOffset.Ticks / 10)) * Clock.TimestampFrequency / 1_000_000);

    /// <summary>Waits (real time) until <paramref name="condition"/> holds.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(1);
        }
    }

    public static async Task<MavlinkImuRig> StartAsync(MavlinkImuOptions? options = null, TimeSpan? bootOffset = null)
    {
        var rig = new MavlinkImuRig(options ?? new MavlinkImuOptions { UseTimesync = false }, bootOffset ?? TimeSpan.FromSeconds(876.5));
        await rig._autopilot.StartAsync();
        await rig._companion.StartAsync();
        rig.Source.Start();
        await rig.FlushAsync();
        return rig;
    }

    /// <summary>Sends <paramref name="message"/> from the autopilot (or another system) and waits until the companion handled it.</summary>
    public async Task SendAsync<T>(T message, byte systemId = 1)
        where T : unmanaged, IMavlinkMessage<T>
    {
        if (systemId == 1)
        {
            Assert.True(await _autopilot.SendAsync(in message));
        }
        else
        {
            byte[] frame = new byte[MavlinkWire.MaxFrameLength];
            int length = MavlinkEncoder.Encode(frame, in message, new MavlinkHeader(systemId, 1, 0));
            Assert.True(await _autopilot.Transport.SendAsync(frame.AsMemory(0, length), CancellationToken.None));
        }

        await FlushAsync();
    }

    /// <summary>Waits until everything sent so far has been handled (a marker message comes back through the same loop).</summary>
    public async Task FlushAsync()
    {
        int marker = ++_markersSent;
        var named = new NamedValueIntMessage { Value = marker };
        Assert.True(await _autopilot.SendAsync(in named));
        await WaitUntilAsync(() => Volatile.Read(ref _markersSeen) >= marker, "the companion to handle the message");
    }

    public async ValueTask DisposeAsync()
    {
        Source.Dispose();
        await _companion.DisposeAsync();
        await _autopilot.DisposeAsync();
    }

    private void AnswerTimesync(in TimesyncMessage request, in MavlinkFrame frame)
    {
        if (request.Tc1 != 0)
        {
            return;
        }

        TimesyncAnswers++;
        var reply = new TimesyncMessage
        {
            Tc1 = RemoteMicroseconds * 1000,
            Ts1 = request.Ts1,
            TargetSystem = frame.SystemId,
            TargetComponent = frame.ComponentId,
        };
        _ = _autopilot.SendAsync(in reply);
    }
}
