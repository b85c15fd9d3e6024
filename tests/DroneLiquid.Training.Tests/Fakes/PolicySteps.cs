using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Training.Data;

namespace DroneLiquid.Training.Tests.Fakes;

/// <summary>Steps exported vision policies once on one recorded frame, from the same flight state.</summary>
public static class PolicySteps
{
    public static void OnFrame(ReadOnlySpan<byte> frame, params FlightPolicy[] policies)
    {
        var snapshot = new FlightSnapshot(new PositionNed(0, 0, -2.5f), new VelocityNed(1, 0, 0), 0, 0, 0.3f, 0, 0, 0, 0, 0, -9.81f, new PositionNed(20, 5, -2.5f));
        foreach (var policy in policies)
        {
            WindowBatcher.ToUnit(frame, policy.Image);
            Assert.Equal(PolicyStepStatus.Ok, policy.TryStep(snapshot, 0.05f, out _));
        }
    }
}
