namespace DroneLiquid.Flight.Failsafe;

/// <summary>
/// What the bridge must do, ordered by severity so that "most severe wins" is a comparison. There is no Return
/// action: missions are short and local, and the autopilot's own return is left to the pilot after HandBack.
/// </summary>
public enum FailsafeAction : byte
{
    /// <summary>Carry on.</summary>
    None = 0,

    /// <summary>Carry on, but report the condition.</summary>
    Warn = 1,

    /// <summary>Stop the policy; command zero velocity and the autopilot's Hold/Loiter.</summary>
    Hold = 2,

    /// <summary>Command the autopilot to land.</summary>
    Land = 3,

    /// <summary>Stop sending anything: the pilot (or the autopilot's own failsafe) has the vehicle.</summary>
    HandBack = 4,
}
