using DroneLiquid.Sim.Core;

namespace DroneLiquid.Sim.SensorSources;

/// <summary>Simulated seconds to the simulated clock's <see cref="TimeProvider.GetTimestamp"/> units, rounded as <see cref="Simulation.SimWorld"/> advances it.</summary>
internal static class SimClockTimestamp
{
    public static long FromSeconds(SimTimeProvider clock, double seconds) => (long)Math.Round(seconds * clock.TimestampFrequency);
}
