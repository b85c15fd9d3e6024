namespace DroneLiquid.Sim.Vehicle;

/// <summary>
/// Battery state: charge drains with the current the motors draw (which grows with thrust^1.5), and the
/// terminal voltage is the open-circuit voltage of the remaining charge minus the sag under load.
/// </summary>
public sealed class Battery
{
    private readonly BatteryParameters _parameters;
    private double _consumedAmpereHours;

    public Battery(BatteryParameters parameters)
    {
        _parameters = parameters;
        Update(0f, 0.0);
    }

    /// <summary>Remaining charge as a fraction of capacity, 0..1.</summary>
    public float RemainingFraction { get; private set; } = 1f;

    public float VoltageVolts { get; private set; }

    public float CurrentAmperes { get; private set; }

    public double ConsumedAmpereHours => _consumedAmpereHours;

    /// <summary>Terminal voltage over the full-charge open-circuit voltage: what scales the motors' top speed.</summary>
    public float VoltageRatio => VoltageVolts / (_parameters.CellCount * _parameters.FullCellVolts);

    /// <summary>Draws the current for <paramref name="sumThrustToThreeHalves"/> (sum over motors of thrust^1.5) for <paramref name="dtSeconds"/>.</summary>
    public void Update(float sumThrustToThreeHalves, double dtSeconds)
    {
        CurrentAmperes = _parameters.IdleCurrentAmperes + (_parameters.CurrentPerThrustToThreeHalves * sumThrustToThreeHalves);
        _consumedAmpereHours = Math.Min(_parameters.CapacityAmpereHours, _consumedAmpereHours + (CurrentAmperes * dtSeconds / 3600.0));
        RemainingFraction = (float)(1.0 - (_consumedAmpereHours / _parameters.CapacityAmpereHours));
        float cell = _parameters.EmptyCellVolts + ((_parameters.FullCellVolts - _parameters.EmptyCellVolts) * RemainingFraction);
        VoltageVolts = MathF.Max(0f, (cell * _parameters.CellCount) - (CurrentAmperes * _parameters.InternalResistanceOhms));
    }

    /// <summary>Forces the remaining charge down (a low-battery event); never raises it.</summary>
    public void DrainTo(float remainingFraction)
    {
        float target = Math.Clamp(remainingFraction, 0f, 1f);
        _consumedAmpereHours = Math.Max(_consumedAmpereHours, (1.0 - target) * _parameters.CapacityAmpereHours);
        RemainingFraction = (float)(1.0 - (_consumedAmpereHours / _parameters.CapacityAmpereHours));
    }
}
