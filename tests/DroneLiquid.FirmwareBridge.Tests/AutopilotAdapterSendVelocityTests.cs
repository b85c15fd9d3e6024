using DroneLiquid.FirmwareBridge.Tests.Fakes;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.FirmwareBridge.Tests;

/// <summary>
/// <see cref="IAutopilot.SendVelocity"/> on an ArduPilot adapter brought into GUIDED velocity control by a scripted
/// autopilot (injected COMMAND_ACK and HEARTBEAT frames) over a transport that completes every send at once: the
/// adapter's own cost, without a socket whose buffer may fill.
/// </summary>
public sealed class AutopilotAdapterSendVelocityTests : IAsyncLifetime
{
    private readonly FakeTransport _transport = new();
    private MavlinkConnection _connection = null!;
    private AutopilotAdapter _autopilot = null!;

    public async Task InitializeAsync()
    {
        _connection = new MavlinkConnection(_transport, new MavlinkConnectionOptions { HeartbeatInterval = TimeSpan.FromSeconds(10) });
        var guidedArmed = new VehicleInfo(1, 1, MavType.Quadrotor, MavAutopilot.Ardupilotmega, 217, (uint)CopterMode.Guided, MavState.Active,
            MavlinkVersion.V2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        _autopilot = AutopilotConnector.Create(_connection, guidedArmed);
        await _connection.StartAsync();
        Task start = _autopilot.StartVelocityControlAsync();
        for (int i = 0; i < 200 && !start.IsCompleted; i++)
        {
            // The scripted autopilot: accepts DO_SET_MODE and keeps showing GUIDED (repeats are ignored as duplicates).
            _transport.Inject(new CommandAckMessage { Command = (ushort)MavCmd.DoSetMode, Result = 0, TargetSystem = 1, TargetComponent = 191 });
            _transport.Inject(new HeartbeatMessage { Type = 2, Autopilot = 3, BaseMode = 217, CustomMode = (uint)CopterMode.Guided, SystemStatus = 4 });
            await Task.WhenAny(start, Task.Delay(25));
        }

        await start;
    }

    public async Task DisposeAsync()
    {
        await _autopilot.DisposeAsync();
        await _connection.DisposeAsync();
    }

    [Fact]
    public void SendsAllocateNothingAndAreCounted()
    {
        Assert.True(_autopilot.InVelocityControl);
        var body = new VelocitySetpoint(SetpointFrame.BodyHeading, 2f, 0.5f, -0.2f, 0.1f);
        var nan = body with { Z = float.NaN };
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(SetpointResult.Sent, _autopilot.SendVelocity(in body));
        }

        long sendsBefore = _transport.Sends;
        long pairs = 0;
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                _autopilot.SendVelocity(in body);
                _autopilot.SendVelocity(in nan);
            }

            pairs += 10_000;
        });

        Assert.InRange(_transport.Sends - sendsBefore, pairs, pairs + 1); // plus at most one of our own heartbeats
        SetpointCounters counters = _autopilot.Setpoints;
        Assert.Equal((200 + pairs, pairs, 0L, 0L), (counters.Sent, counters.Rejected, counters.NotInControl, counters.LinkErrors));
    }

    [Fact]
    public async Task AModeNotOursEndsControlAndLaterSendsAreRefusedWithoutBytes()
    {
        _transport.Inject(new HeartbeatMessage { Type = 2, Autopilot = 3, BaseMode = 217, CustomMode = (uint)CopterMode.Loiter, SystemStatus = 4 });
        for (int i = 0; i < 400 && _autopilot.InVelocityControl; i++)
        {
            await Task.Delay(5);
        }

        long sendsBefore = _transport.Sends;
        var forward = new VelocitySetpoint(SetpointFrame.BodyHeading, 1f, 0f, 0f, 0f);
        Assert.Equal(SetpointResult.NotInControl, _autopilot.SendVelocity(in forward));
        Assert.Equal(sendsBefore, _transport.Sends);
        Assert.Equal(1, _autopilot.Setpoints.NotInControl);
    }
}
