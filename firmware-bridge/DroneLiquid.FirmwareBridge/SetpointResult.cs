namespace DroneLiquid.FirmwareBridge;

/// <summary>What became of one <see cref="IAutopilot.SendVelocity"/>. Only <see cref="Sent"/> put bytes on the link.</summary>
public enum SetpointResult
{
    Sent,

    /// <summary>Velocity control is not active (not started, ended by us, or taken by the pilot): nothing sent.</summary>
    NotInControl,

    /// <summary>The setpoint had a non-finite field: nothing sent (fail closed).</summary>
    Rejected,

    /// <summary>The transport refused the bytes (link down, buffer full); counted, the tick goes on.</summary>
    LinkError,
}
