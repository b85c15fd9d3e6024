using DroneLiquid.Flight.Control;
using DroneLiquid.Service.Host.Loopback;
using DroneLiquid.Service.Host.Options;
using DroneLiquid.Sim.Autopilot;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DroneLiquid.EndToEnd.Tests.Fakes;

/// <summary>Runs loopback flights for the tests: fast speed-up, an empty world unless asked, records under a temporary folder.</summary>
internal static class FakeFlights
{
    /// <summary>
    /// Calls <paramref name="action"/> once the session is in policy control (polled off the simulation thread), with
    /// the emulator and the simulated time it saw.
    /// </summary>
    public static Action<AutopilotEmulator, FlightSession> InPolicyControl(Action<AutopilotEmulator, FlightSession, double> action) => (emulator, session) =>
        _ = Task.Run(async () =>
        {
            while (session.State is not Flight.Failsafe.FlightState.PolicyControl)
            {
                if (session.State is Flight.Failsafe.FlightState.Landed or Flight.Failsafe.FlightState.HandedBack)
                {
                    return;
                }

                await Task.Delay(2);
            }

            action(emulator, session, emulator.World.ElapsedSeconds);
        });

    /// <summary>Speed-up of the test flights (simulated seconds per wall second).</summary>
    public const double Speed = 8;

    public static async Task<SimFlightResult> FlyAsync(string policy, string records, AutopilotKind autopilot, TimeSpan timeLimit,
        Action<DroneLiquidOptions>? configure = null, Action<AutopilotEmulator, FlightSession>? started = null, EmulatorOptions? emulator = null,
        Sim.Worlds.WorldKind world = Sim.Worlds.WorldKind.Empty, FakeInterposedAutopilot[]? interposed = null, TimeSpan? lockstepBudget = null,
        IReadOnlyList<Sim.Scenarios.SimEvent>? events = null, CancellationToken cancellationToken = default)
    {
        var options = new SimFlightOptions
        {
            Autopilot = autopilot,
            World = world,
            Seed = 7,
            Speed = Speed,
            PolicyPath = policy,
            RecordDirectory = records,
            TimeLimit = timeLimit,
            Configure = configure,
            Emulator = emulator ?? new EmulatorOptions { Px4ChecksPassAfterSeconds = 2 },
            LockstepBudget = lockstepBudget ?? TimeSpan.FromMilliseconds(250),
            Events = events ?? [],
            WrapAutopilot = interposed is null ? null : a => interposed[0] = new FakeInterposedAutopilot(a),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        return await SimFlight.RunAsync(options, NullLoggerFactory.Instance, started: started, cancellationToken: timeout.Token);
    }
}
