namespace DroneLiquid.Service.Host.Options;

/// <summary>What the service commands when it is stopped (SIGTERM, Ctrl-C) while the policy flies.</summary>
public enum StopAction
{
    /// <summary>Hold position (PX4 Hold, ArduCopter Brake then Loiter): a pilot or ground station takes it from there.</summary>
    Hold,

    /// <summary>Land where the vehicle is.</summary>
    Land,

    /// <summary>Return home (PX4 Return, ArduCopter RTL).</summary>
    Return,
}
