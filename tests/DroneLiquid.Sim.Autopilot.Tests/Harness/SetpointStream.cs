using System.Numerics;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Sim.Autopilot.Tests.Harness;

/// <summary>
/// A companion's velocity setpoint stream (LOCAL_NED, type_mask 0x0DC7) driven by the simulated clock: a timer on
/// the simulation's TimeProvider sends each setpoint over the client's socket, so the stream keeps its simulated
/// rate however busy the machine is and the test thread is.
/// </summary>
internal sealed class SetpointStream : IDisposable
{
    private readonly EmulatorHarness _harness;
    private readonly Func<Vector3> _velocityNed;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private bool _stopped;

    public SetpointStream(EmulatorHarness harness, double rateHz, Func<Vector3> velocityNed)
    {
        _harness = harness;
        _velocityNed = velocityNed;
        TimeSpan period = TimeSpan.FromSeconds(1.0 / rateHz);
        _timer = harness.Emulator.World.Clock.CreateTimer(static s => ((SetpointStream)s!).SendOne(), this, TimeSpan.Zero, period);
    }

    /// <summary>Simulated time of the last setpoint sent.</summary>
    public double LastSentSimSeconds { get; private set; } = double.NaN;

    public long Sent { get; private set; }

    /// <summary>Stops the stream; once it returns no further setpoint is sent, so <see cref="LastSentSimSeconds"/> is final.</summary>
    public void Dispose()
    {
        // A timer callback already running on the simulation thread would otherwise send one more setpoint after
        // the test has read LastSentSimSeconds.
        lock (_gate)
        {
            _stopped = true;
        }

        _timer.Dispose();
    }

    private void SendOne()
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                Send();
            }
        }
    }

    private void Send()
    {
        Vector3 v = _velocityNed();
        var message = new SetPositionTargetLocalNedMessage
        {
            TargetSystem = 1,
            TargetComponent = 1,
            CoordinateFrame = Setpoint.LocalNedFrame,
            TypeMask = Setpoint.VelocityOnlyMask,
            Vx = v.X,
            Vy = v.Y,
            Vz = v.Z,
        };
        ValueTask<bool> send = _harness.Client.SendAsync(in message);
        if (!send.IsCompleted)
        {
            _ = send.AsTask();
        }

        LastSentSimSeconds = _harness.Now;
        Sent++;
    }
}
