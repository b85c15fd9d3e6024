using DroneLiquid.Sim.Records;

namespace DroneLiquid.Sim.Tests.Simulation;

internal static class FlightSummaryAssert
{
    public static void Crash(FlightSummary summary, string reasonFragment)
    {
        Assert.False(summary.Success);
        Assert.True(summary.Crash);
        Assert.Equal("crashed", summary.Outcome);
        Assert.Contains(reasonFragment, summary.CrashReason);
        Assert.Contains(summary.Events, e => e.Kind == "crashed");
    }
}
