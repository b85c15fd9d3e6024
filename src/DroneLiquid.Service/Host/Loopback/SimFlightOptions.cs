using DroneLiquid.Sim.Autopilot;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Service.Host.Loopback;

/// <summary>What `droneliquid fly --sim` flies: the emulated autopilot, the world, the pace and where the record goes.</summary>
public sealed record SimFlightOptions
{
    /// <summary>Default speed-up: a flight (PX4's 10 s of preflight checks included) finishes well within a minute on two cores.</summary>
    public const double DefaultSpeed = 5;

    public AutopilotKind Autopilot { get; init; } = AutopilotKind.Px4;

    public WorldKind World { get; init; } = WorldKind.Forest;

    public ulong Seed { get; init; } = 7;

    /// <summary>Simulated seconds per wall second.</summary>
    public double Speed { get; init; } = DefaultSpeed;

    /// <summary>The policy folder.</summary>
    public required string PolicyPath { get; init; }

    /// <summary>The folder that receives the flight folder (tick log, tlog, plot).</summary>
    public required string RecordDirectory { get; init; }

    /// <summary>Policy control time limit, simulated seconds.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>World events (wind gusts, sensor freezes, battery drops) at simulated times.</summary>
    public IReadOnlyList<DroneLiquid.Sim.Scenarios.SimEvent> Events { get; init; } = [];

    /// <summary>The emulator's own options (events, link seed, boot timings).</summary>
    public EmulatorOptions Emulator { get; init; } = new();

    /// <summary>Longest wall time the simulator waits for a due control tick before simulated time goes on (see <see cref="LockstepClock"/>).</summary>
    public TimeSpan LockstepBudget { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Wraps the autopilot adapter the session flies through (tests: a tick that stalls inside a call).</summary>
    public Func<FirmwareBridge.IAutopilot, FirmwareBridge.IAutopilot>? WrapAutopilot { get; init; }

    /// <summary>Changes the service options before the flight (tests: small fences, low battery thresholds, ...).</summary>
    public Action<Options.DroneLiquidOptions>? Configure { get; init; }
}
