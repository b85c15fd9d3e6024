namespace DroneLiquid.Sim.Autopilot;

/// <summary>What a SET_POSITION_TARGET_LOCAL_NED asks for, once its frame and type_mask are read.</summary>
public enum SetpointKind
{
    /// <summary>A velocity (NED or body), with the heading held, set, or turned at a yaw rate.</summary>
    Velocity,

    /// <summary>A position (local NED) with an optional heading.</summary>
    Position,

    /// <summary>A frame or a combination the emulator does not fly (acceleration/force, yaw only); dropped silently like the real ones.</summary>
    Ignored,

    /// <summary>A used field is NaN/infinite or absurdly large: dropped, never reaches the controller.</summary>
    Rejected,
}
