namespace DroneLiquid.Flight.Failsafe;

/// <summary>When an active trigger stops counting (after PX4's failsafe framework).</summary>
public enum TriggerClear : byte
{
    /// <summary>As soon as its condition is false again.</summary>
    WhenConditionClears = 0,

    /// <summary>Never during this flight: the action stays until the flight ends.</summary>
    Never = 1,
}
