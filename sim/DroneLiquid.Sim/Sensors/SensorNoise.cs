namespace DroneLiquid.Sim.Sensors;

/// <summary>Noise and bias levels of the simulated sensors (one standard deviation each, SI units).</summary>
public sealed record SensorNoise
{
    public float AccelNoiseMetresPerSecondSquared { get; init; } = 0.05f;

    public float AccelBiasMetresPerSecondSquared { get; init; } = 0.03f;

    public float GyroNoiseRadiansPerSecond { get; init; } = 0.004f;

    public float GyroBiasRadiansPerSecond { get; init; } = 0.002f;

    /// <summary>Slowly wandering error of the position estimate (first-order Gauss-Markov, 2 s), metres.</summary>
    public float PositionErrorMetres { get; init; } = 0.02f;

    public float VelocityNoiseMetresPerSecond { get; init; } = 0.01f;

    public float AttitudeNoiseRadians { get; init; } = 0.002f;

    public float BaroNoiseMetres { get; init; } = 0.05f;

    public float BatteryVoltageNoiseVolts { get; init; } = 0.01f;

    /// <summary>No noise and no bias: the estimate is the truth (tests of pure dynamics).</summary>
    public static SensorNoise None { get; } = new()
    {
        AccelNoiseMetresPerSecondSquared = 0f, AccelBiasMetresPerSecondSquared = 0f, GyroNoiseRadiansPerSecond = 0f,
        GyroBiasRadiansPerSecond = 0f, PositionErrorMetres = 0f, VelocityNoiseMetresPerSecond = 0f,
        AttitudeNoiseRadians = 0f, BaroNoiseMetres = 0f, BatteryVoltageNoiseVolts = 0f,
    };
}
