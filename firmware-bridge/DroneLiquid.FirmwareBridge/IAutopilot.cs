namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// One autopilot, whatever its firmware: the dialogue a companion computer needs to fly a policy. Adapters
/// (<c>Px4Autopilot</c>, <c>ArduPilotAutopilot</c>) are chosen from the HEARTBEAT's autopilot field.
/// <para>
/// Every mode change is confirmed from the HEARTBEAT, never from the COMMAND_ACK alone. A mode change this
/// adapter did not ask for ends velocity control at once (<see cref="InVelocityControl"/> turns false and
/// <see cref="SendVelocity"/> refuses): the pilot always wins. Control is never ended by going quiet; the
/// adapter always ends it with an explicit mode (Hold, Land, Return).
/// </para>
/// The async methods throw <see cref="AutopilotException"/> when the autopilot refuses or does not confirm.
/// </summary>
public interface IAutopilot : IAsyncDisposable
{
    FirmwareKind Firmware { get; }

    /// <summary>The autopilot's MAVLink system id.</summary>
    byte SystemId { get; }

    /// <summary>True from a confirmed <see cref="StartVelocityControlAsync"/> until any other mode is seen.</summary>
    bool InVelocityControl { get; }

    /// <summary>The latest telemetry (copied under a lock; allocation-free).</summary>
    VehicleTelemetry Telemetry { get; }

    /// <summary>Raised on the receive thread for each STATUSTEXT or EVENT; handlers must be quick.</summary>
    event Action<AutopilotNotice>? Notice;

    /// <summary>Raised on the receive thread when the HEARTBEAT shows a new mode; handlers must be quick.</summary>
    event Action<ModeChange>? ModeChanged;

    /// <summary>
    /// Waits for the autopilot's HEARTBEAT, asks for the telemetry streams this API needs (ArduPilot sends none
    /// by default), and returns when position, attitude and IMU arrive and the autopilot reports it can arm.
    /// </summary>
    Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Arms; returns when the HEARTBEAT shows the vehicle armed.</summary>
    Task ArmAsync(CancellationToken cancellationToken = default);

    /// <summary>Takes off to <paramref name="altitudeMetres"/> above the local origin; returns when it is reached and held.</summary>
    Task TakeoffAsync(float altitudeMetres, CancellationToken cancellationToken = default);

    /// <summary>
    /// Enters external velocity control (PX4: streams zero setpoints above 2 Hz for over 1 s, then Offboard;
    /// ArduPilot: GUIDED) and returns once the HEARTBEAT shows it. From then on the caller must send a fresh
    /// setpoint at its tick rate: the adapter never re-sends one on its own.
    /// </summary>
    Task StartVelocityControlAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends one velocity setpoint now, if velocity control is active and every field is finite. Synchronous
    /// and allocation-free: the control tick calls it.
    /// </summary>
    SetpointResult SendVelocity(in VelocitySetpoint setpoint);

    /// <summary>
    /// Stops the vehicle where it is (PX4 Hold; ArduCopter a zero velocity then BRAKE, and LOITER after it only when
    /// <see cref="AutopilotOptions.ArduPilotLoiterAfterBrake"/> is set), ending velocity control.
    /// </summary>
    Task HoldAsync(CancellationToken cancellationToken = default);

    /// <summary>Lands where it is; returns when the autopilot is in Land (not when landed).</summary>
    Task LandAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns home (PX4 Return, ArduCopter RTL).</summary>
    Task ReturnAsync(CancellationToken cancellationToken = default);

    /// <summary>Disarms (on the ground); returns when the HEARTBEAT shows the vehicle disarmed.</summary>
    Task DisarmAsync(CancellationToken cancellationToken = default);
}
