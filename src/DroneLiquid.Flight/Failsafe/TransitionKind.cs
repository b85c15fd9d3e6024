namespace DroneLiquid.Flight.Failsafe;

/// <summary>Why the state changed, besides a failsafe trigger.</summary>
public enum TransitionKind : byte
{
    /// <summary>A failsafe trigger fired (see <see cref="FailsafeTransition.Trigger"/>).</summary>
    Failsafe = 0,

    /// <summary>Start requested.</summary>
    StartRequested = 1,

    /// <summary>The autopilot confirmed arming.</summary>
    ArmConfirmed = 2,

    /// <summary>Take-off commanded.</summary>
    TakeoffStarted = 3,

    /// <summary>Take-off altitude reached.</summary>
    TakeoffComplete = 4,

    /// <summary>Every trigger that held the vehicle cleared.</summary>
    TriggersCleared = 5,

    /// <summary>The autopilot reports landed or disarmed.</summary>
    LandingDetected = 6,
}
