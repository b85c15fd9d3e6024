namespace DroneLiquid.Sim.Vehicle;

/// <summary>A lithium-polymer pack: capacity, cell count and how hard the motors draw on it.</summary>
public sealed record BatteryParameters
{
    public int CellCount { get; init; } = 4;

    public float CapacityAmpereHours { get; init; } = 5.0f;

    /// <summary>Open-circuit cell voltage when full, volts.</summary>
    public float FullCellVolts { get; init; } = 4.2f;

    /// <summary>Open-circuit cell voltage when empty, volts.</summary>
    public float EmptyCellVolts { get; init; } = 3.5f;

    /// <summary>Pack internal resistance, ohms (voltage sags by current times this).</summary>
    public float InternalResistanceOhms { get; init; } = 0.02f;

    /// <summary>Current drawn by the electronics alone, amperes.</summary>
    public float IdleCurrentAmperes { get; init; } = 0.5f;

    /// <summary>Motor current per motor = coefficient times thrust^1.5 (momentum theory), amperes per newton^1.5.</summary>
    public float CurrentPerThrustToThreeHalves { get; init; } = 0.57f;

    public void Validate()
    {
        if (CellCount is < 1 or > 14)
        {
            throw new ArgumentOutOfRangeException(nameof(CellCount), CellCount, $"CellCount must be within [1, 14], got {CellCount}");
        }

        QuadrotorParameters.Require(CapacityAmpereHours, 0.05f, 100f, nameof(CapacityAmpereHours));
        QuadrotorParameters.Require(FullCellVolts, 3f, 5f, nameof(FullCellVolts));
        QuadrotorParameters.Require(EmptyCellVolts, 2.5f, FullCellVolts, nameof(EmptyCellVolts));
        QuadrotorParameters.Require(InternalResistanceOhms, 0f, 1f, nameof(InternalResistanceOhms));
        QuadrotorParameters.Require(IdleCurrentAmperes, 0f, 20f, nameof(IdleCurrentAmperes));
        QuadrotorParameters.Require(CurrentPerThrustToThreeHalves, 0f, 20f, nameof(CurrentPerThrustToThreeHalves));
    }
}
