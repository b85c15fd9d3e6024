using DroneLiquid.Sim.Control;
using DroneLiquid.Sim.Sensors;
using DroneLiquid.Sim.Vehicle;

namespace DroneLiquid.Sim.Simulation;

/// <summary>How a <see cref="SimWorld"/> runs: rates, the vehicle, the controller's tuning, sensor noise and episode rules.</summary>
public sealed record SimWorldOptions
{
    /// <summary>Fixed physics and controller step rate, hertz (at least 250).</summary>
    public double PhysicsRateHz { get; init; } = 400;

    public float ImuRateHz { get; init; } = 200;

    /// <summary>Rate of flight-record samples and clearance checks, hertz.</summary>
    public double RecordRateHz { get; init; } = 20;

    public QuadrotorParameters Vehicle { get; init; } = new();

    public ControllerTuning Tuning { get; init; } = new();

    public SensorNoise Noise { get; init; } = new();

    /// <summary>The wall-clock time the simulated clock starts at (fixed, so runs are reproducible).</summary>
    public DateTimeOffset Epoch { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>When true (the default), physics stops once the episode ends (success, crash or timeout); the clock keeps running.</summary>
    public bool StopOnEpisodeEnd { get; init; } = true;

    public void Validate()
    {
        if (!double.IsFinite(PhysicsRateHz) || PhysicsRateHz < 250 || PhysicsRateHz > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(PhysicsRateHz), PhysicsRateHz, $"PhysicsRateHz must be within [250, 10000], got {PhysicsRateHz}");
        }

        if (!double.IsFinite(RecordRateHz) || RecordRateHz < 1 || RecordRateHz > PhysicsRateHz)
        {
            throw new ArgumentOutOfRangeException(nameof(RecordRateHz), RecordRateHz, $"RecordRateHz must be within [1, PhysicsRateHz], got {RecordRateHz}");
        }

        Vehicle.Validate();
    }
}
