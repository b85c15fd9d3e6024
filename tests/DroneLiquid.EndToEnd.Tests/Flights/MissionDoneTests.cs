using System.Text.Json;
using DroneLiquid.EndToEnd.Tests.Fakes;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Service.Host.Loopback;
using DroneLiquid.Service.Tests.Fakes;
using DroneLiquid.Sim.Autopilot;

namespace DroneLiquid.EndToEnd.Tests.Flights;

/// <summary>Mission done: the target reached (then a landing) and the time limit (then a landing), with both autopilots.</summary>
public sealed class MissionDoneTests : IDisposable
{
    private readonly FakeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(AutopilotKind.Px4)]
    [InlineData(AutopilotKind.ArduPilot)]
    public async Task A_policy_that_seeks_the_goal_reaches_the_target_and_lands(AutopilotKind autopilot)
    {
        string policy = FakePolicies.WriteGoalSeekingPolicy(_folder.Path);

        SimFlightResult result = await FakeFlights.FlyAsync(policy, _folder.File("flights"), autopilot, TimeSpan.FromSeconds(60));

        Assert.True(result.Success, Describe(result));
        Assert.Equal(nameof(FlightState.Landed), result.FinalState);
        Assert.True(result.ClosestToTargetM <= 1.0, Describe(result));
        Assert.Contains(result.Failsafes, f => f.Contains("PolicyControl -> Landing: mission done: target reached", StringComparison.Ordinal));
        Assert.False(result.Crash);
        Assert.True(File.Exists(Path.Combine(result.Record, "flight.png")));
        Assert.True(File.Exists(Path.Combine(result.Record, "flight.tlog")));
        Assert.True(File.Exists(Path.Combine(result.Record, "ticks.dlt")));
    }

    [Theory]
    [InlineData(AutopilotKind.Px4)]
    [InlineData(AutopilotKind.ArduPilot)]
    public async Task The_time_limit_ends_policy_control_with_a_landing(AutopilotKind autopilot)
    {
        string policy = FakePolicies.WriteStatePolicy(_folder.Path);

        SimFlightResult result = await FakeFlights.FlyAsync(policy, _folder.File("flights"), autopilot, TimeSpan.FromSeconds(4));

        Assert.True(result.FinalState == nameof(FlightState.Landed), Describe(result));
        Assert.False(result.Success);
        Assert.Contains(result.Failsafes, f => f.Contains("PolicyControl -> Landing: mission done: time limit", StringComparison.Ordinal));
        Assert.False(result.Crash);
        Assert.True(result.SetpointsSent > 100, Describe(result));
    }

    [SkippableTheory]
    [InlineData(AutopilotKind.Px4)]
    [InlineData(AutopilotKind.ArduPilot)]
    public async Task The_bundled_state_policy_flies_to_the_target_and_lands(AutopilotKind autopilot)
    {
        string? policy = RepositoryModels.Find("state-nav");
        Skip.If(policy is null, "models/state-nav is not in this repository yet (the training issue bundles it)");

        // The empty world: state-nav cannot see trees (its report: 100 % in the empty world, 34 % in the forest).
        SimFlightResult result = await FakeFlights.FlyAsync(policy!, _folder.File("flights"), autopilot, TimeSpan.FromSeconds(90));

        Assert.True(result.Success, Describe(result));
        Assert.Equal(nameof(FlightState.Landed), result.FinalState);
        Assert.False(result.Crash);
    }

    internal static string Describe(SimFlightResult result) =>
        JsonSerializer.Serialize(result, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
}
