namespace DroneLiquid.Sim.Autopilot;

/// <summary>How an emulator runs. Defaults follow the real autopilots where they were observed (FACTS_SITL_OBSERVED.md).</summary>
public sealed record EmulatorOptions
{
    /// <summary>Simulated seconds per emulator step (inbound messages, mode logic, telemetry). Default 5 ms (200 Hz).</summary>
    public double StepSeconds { get; init; } = 0.005;

    /// <summary>PX4: simulated seconds after boot before the preflight checks pass (observed about 10 s).</summary>
    public double Px4ChecksPassAfterSeconds { get; init; } = 10;

    /// <summary>ArduPilot: simulated seconds after boot until "ArduPilot Ready" (observed 2.4 s).</summary>
    public double ArduPilotReadyAfterSeconds { get; init; } = 2.4;

    /// <summary>
    /// ArduPilot: default of SIM_EKF_READY_T, the simulated seconds until the estimator is ready and arming is allowed.
    /// The real Copter takes about 41 s; the default is shortened to 5 s so runs and tests start quickly.
    /// </summary>
    public float ArduPilotEstimatorReadySeconds { get; init; } = 5f;

    /// <summary>
    /// PX4: ATTITUDE default rate, hertz. The real onboard link sends about 100 Hz; 50 halves the cost of the
    /// busiest stream. SET_MESSAGE_INTERVAL raises it to any rate.
    /// </summary>
    public double Px4AttitudeRateHz { get; init; } = 50;

    /// <summary>Seed of the link impairment's packet-loss draws.</summary>
    public ulong LinkSeed { get; init; } = 1;

    public void Validate()
    {
        Check(nameof(StepSeconds), StepSeconds, 0.0025, 0.05);
        Check(nameof(Px4ChecksPassAfterSeconds), Px4ChecksPassAfterSeconds, 0, 600);
        Check(nameof(ArduPilotReadyAfterSeconds), ArduPilotReadyAfterSeconds, 0, 600);
        Check(nameof(ArduPilotEstimatorReadySeconds), ArduPilotEstimatorReadySeconds, 0, 600);
        Check(nameof(Px4AttitudeRateHz), Px4AttitudeRateHz, 1, 400);
    }

    private static void Check(string name, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be within [{min}, {max}], got {value}");
        }
    }
}
