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
    /// <summary>Speed-up of the test flights (simulated seconds per wall second).</summary>
    public const double Speed = 8;

    public static async Task<SimFlightResult> FlyAsync(string policy, string records, AutopilotKind autopilot, TimeSpan timeLimit,
        Action<DroneLiquidOptions>? configure = null, Action<AutopilotEmulator, FlightSession>? started = null, EmulatorOptions? emulator = null,
        Sim.Worlds.WorldKind world = Sim.Worlds.WorldKind.Empty)
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
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await SimFlight.RunAsync(options, NullLoggerFactory.Instance, started: started, cancellationToken: timeout.Token);
    }
}
