namespace DroneLiquid.Sim.Sensors;

/// <summary>Battery telemetry: terminal voltage, current and remaining charge (0..1).</summary>
public readonly record struct BatterySample(double TimestampSeconds, float VoltageVolts, float CurrentAmperes, float RemainingFraction);
