using DroneLiquid.FirmwareBridge.Tests.Fakes;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge.Tests;

/// <summary>Telemetry messages into <see cref="VehicleTelemetry"/> in SI units, and notices, from injected frames.</summary>
public sealed class AutopilotAdapterTelemetryTests : IAsyncLifetime
{
    private readonly FakeTransport _transport = new();
    private readonly List<AutopilotNotice> _notices = [];
    private MavlinkConnection _connection = null!;
    private AutopilotAdapter _autopilot = null!;

    public async Task InitializeAsync()
    {
        _connection = new MavlinkConnection(_transport, new MavlinkConnectionOptions { HeartbeatInterval = TimeSpan.FromSeconds(10) });
        var heard = new VehicleInfo(1, 1, MavType.Quadrotor, MavAutopilot.Ardupilotmega, 89, 0, MavState.Standby, MavlinkVersion.V2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        _autopilot = AutopilotConnector.Create(_connection, heard);
        _autopilot.Notice += n =>
        {
            lock (_notices)
            {
                _notices.Add(n);
            }
        };
        await _connection.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _autopilot.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public async Task ScaledImuMilliGAndMilliradiansBecomeSi()
    {
        _transport.Inject(new ScaledImuMessage { Xacc = 0, Yacc = 500, Zacc = -1000, Xgyro = 100, Ygyro = -250, Zgyro = 1000 });
        await DrainAsync();
        VehicleTelemetry t = _autopilot.Telemetry;
        Assert.Equal(4.903325f, t.AccelYMetresPerSecondSquared, 5);
        Assert.Equal(-9.80665f, t.AccelZMetresPerSecondSquared, 5);
        Assert.Equal(0.1f, t.GyroXRadiansPerSecond, 6);
        Assert.Equal(-0.25f, t.GyroYRadiansPerSecond, 6);
        Assert.Equal(1f, t.GyroZRadiansPerSecond, 6);
    }

    [Fact]
    public async Task HighresImuWinsOverScaledAndRawOnceItArrives()
    {
        _transport.Inject(new HighresImuMessage { Zacc = -9.7f, Zgyro = 0.3f });
        _transport.Inject(new ScaledImuMessage { Zacc = -500, Zgyro = 900 });
        _transport.Inject(new RawImuMessage { Zacc = -200, Zgyro = 800 });
        await DrainAsync();
        Assert.Equal(-9.7f, _autopilot.Telemetry.AccelZMetresPerSecondSquared);
        Assert.Equal(0.3f, _autopilot.Telemetry.GyroZRadiansPerSecond);
    }

    [Fact]
    public async Task BatteryStatusSumsTheCellsAndUnknownsAreNaN()
    {
        var battery = new BatteryStatusMessage { Id = 0, BatteryRemaining = 72 };
        battery.Voltages[0] = 4100;
        battery.Voltages[1] = 4050;
        for (int i = 2; i < 10; i++)
        {
            battery.Voltages[i] = ushort.MaxValue;
        }

        _transport.Inject(battery);
        await DrainAsync();
        Assert.Equal(8.15f, _autopilot.Telemetry.BatteryVolts, 4);
        Assert.Equal(0.72f, _autopilot.Telemetry.BatteryRemainingFraction, 4);

        var unknown = new BatteryStatusMessage { Id = 0, BatteryRemaining = -1 };
        for (int i = 0; i < 10; i++)
        {
            unknown.Voltages[i] = ushort.MaxValue;
        }

        _transport.Inject(unknown);
        await DrainAsync();
        Assert.True(float.IsNaN(_autopilot.Telemetry.BatteryVolts));
        Assert.True(float.IsNaN(_autopilot.Telemetry.BatteryRemainingFraction));
    }

    [Fact]
    public async Task PositionAttitudeAndLandedStateAreCopied()
    {
        _transport.Inject(new LocalPositionNedMessage { X = 1, Y = -2, Z = -5, Vx = 0.5f, Vy = 0.25f, Vz = -0.1f });
        _transport.Inject(new AttitudeMessage { Roll = 0.1f, Pitch = -0.2f, Yaw = 3f });
        _transport.Inject(new ExtendedSysStateMessage { LandedState = (byte)MavLandedState.InAir });
        await DrainAsync();
        VehicleTelemetry t = _autopilot.Telemetry;
        Assert.Equal((1f, -2f, -5f, 0.5f, 0.25f, -0.1f), (t.NorthMetres, t.EastMetres, t.DownMetres, t.NorthMetresPerSecond, t.EastMetresPerSecond, t.DownMetresPerSecond));
        Assert.Equal((0.1f, -0.2f, 3f), (t.RollRadians, t.PitchRadians, t.YawRadians));
        Assert.Equal(MavLandedState.InAir, t.LandedState);
        Assert.NotEqual(0, t.PositionTimestamp);
    }

    [Fact]
    public async Task ChunkedStatusTextAndEventsBecomeNotices()
    {
        string longText = "PreArm: " + new string('x', 60);
        var first = new StatustextMessage { Severity = (byte)MavSeverity.Critical, Id = 5, ChunkSeq = 0 };
        first.Text.SetText(longText.AsSpan(0, 50));
        var second = new StatustextMessage { Severity = (byte)MavSeverity.Critical, Id = 5, ChunkSeq = 1 };
        second.Text.SetText(longText.AsSpan(50));
        _transport.Inject(first);
        _transport.Inject(second);
        _transport.Inject(new EventMessage { Id = 0x0100_0004, LogLevels = 0x66, Sequence = 10 });
        _transport.Inject(new EventMessage { Id = 0x0100_0004, LogLevels = 0x66, Sequence = 10 }); // re-sent: the same sequence
        _transport.Inject(new EventMessage { Id = 0x0BAD_CAFE, LogLevels = 0x64, Sequence = 11 });
        await DrainAsync();
        lock (_notices)
        {
            Assert.Equal(
                [(NoticeSource.StatusText, MavSeverity.Critical, longText, 0u), (NoticeSource.Event, MavSeverity.Info, "Takeoff detected", 0x0100_0004u),
                    (NoticeSource.Event, MavSeverity.Warning, "event 0x0BADCAFE", 0x0BAD_CAFEu)],
                _notices.Select(n => (n.Source, n.Severity, n.Text, n.EventId)));
        }
    }

    [Fact]
    public async Task AHeartbeatWeDidNotAskForIsAModeChangeNotByUs()
    {
        var changes = new List<ModeChange>();
        _autopilot.ModeChanged += changes.Add;
        _transport.Inject(new HeartbeatMessage { Type = 2, Autopilot = 3, BaseMode = 217, CustomMode = (uint)CopterMode.Loiter, SystemStatus = 4 });
        await DrainAsync();
        ModeChange change = Assert.Single(changes);
        Assert.Equal((ControlMode.Pilot, ControlMode.Hold, false), (change.From, change.To, change.ByUs));
        Assert.True(_autopilot.Telemetry.Armed);
        Assert.Equal(ControlMode.Hold, _autopilot.Telemetry.Mode);
    }

    private async Task DrainAsync()
    {
        // The connection reads each injected frame in turn and handles it before the next read: once a marker frame
        // injected last has been read, every frame before it has been handled.
        _transport.Inject(new SystemTimeMessage());
        long target = _transport.Injected;
        for (int i = 0; i < 500 && _transport.Received < target; i++)
        {
            await Task.Delay(2);
        }

        Assert.True(_transport.Received >= target, "the connection read the injected frames");
    }
}
