namespace DroneLiquid.Sim.Control;

/// <summary>Where a Return is: climbing, flying home at the return altitude, or landing at home.</summary>
public enum ReturnPhase
{
    Climb,
    Cruise,
    Descend,
}
