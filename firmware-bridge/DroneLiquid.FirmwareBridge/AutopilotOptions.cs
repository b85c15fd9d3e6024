using DroneLiquid.Mavlink.Connection;

namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// How an adapter talks to its autopilot. Plain properties with the defaults stated; <see cref="Validate"/> runs when
/// <see cref="AutopilotConnector"/> connects and names the first bad property, its value and the allowed range.
/// </summary>
public sealed record AutopilotOptions
{
    /// <summary>The autopilot's system id; 0 (default) takes the first autopilot whose HEARTBEAT arrives.</summary>
    public byte TargetSystemId { get; init; }

    /// <summary>The autopilot's component id; 0 (default) takes the one that sent the HEARTBEAT (1 on PX4 and ArduPilot).</summary>
    public byte TargetComponentId { get; init; }

    /// <summary>Wait for the autopilot's first HEARTBEAT. Default 10 s; 0.5 s to 10 min.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Wait after an accepted mode command for the HEARTBEAT to show the mode. Default 3 s (three 1 Hz heartbeats:
    /// PX4 showed Offboard within about 1 s of the ACK); 1.5 s to 30 s.
    /// </summary>
    public TimeSpan ModeConfirmTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Wait for arming or disarming to show in the HEARTBEAT after the ACK. Default 3 s; 1.5 s to 30 s.</summary>
    public TimeSpan ArmConfirmTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Longest takeoff (PX4 took 9 s to +5 m, ArduPilot 10 s to 10 m). Default 60 s; 5 s to 10 min.</summary>
    public TimeSpan TakeoffTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A takeoff counts as reached this close below the asked altitude (PX4 levelled at +4.7 m for +5 m, ArduPilot at
    /// 9.5 m for 10 m). Default 0.6 m; 0.05 m to 5 m.
    /// </summary>
    public float TakeoffToleranceMetres { get; init; } = 0.6f;

    /// <summary>Rate asked for LOCAL_POSITION_NED, ATTITUDE and the IMU. Default 50 Hz; 1 Hz to 400 Hz.</summary>
    public double TelemetryRateHz { get; init; } = 50;

    /// <summary>Rate asked for SYS_STATUS, EXTENDED_SYS_STATE, BATTERY_STATUS and GLOBAL_POSITION_INT. Default 2 Hz; 0.2 Hz to 50 Hz.</summary>
    public double StatusRateHz { get; init; } = 2;

    /// <summary>PX4 offboard entry: rate of the adapter's zero-velocity setpoints before the switch. Default 20 Hz; above 2 Hz, up to 100 Hz.</summary>
    public double OffboardEntryRateHz { get; init; } = 20;

    /// <summary>PX4 offboard entry: streaming time before DO_SET_MODE. Default 1.2 s; above 1 s (PX4's rule), up to 10 s.</summary>
    public TimeSpan OffboardEntryDuration { get; init; } = TimeSpan.FromSeconds(1.2);

    /// <summary>
    /// ArduPilot hold: after BRAKE has stopped the vehicle, switch to LOITER. Default false: with no RC sticks (the
    /// usual companion setup) real SITL's LOITER read a minimum throttle and descended into the ground, so the adapter
    /// stays in BRAKE, which holds position until the next mode change. Set true on vehicles flown with an RC link.
    /// </summary>
    public bool ArduPilotLoiterAfterBrake { get; init; }

    /// <summary>ArduPilot hold: longest wait for BRAKE to stop the vehicle before LOITER. Default 5 s; 0.5 s to 60 s.</summary>
    public TimeSpan BrakeSettleTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>COMMAND_LONG retries and ACK timeouts.</summary>
    public CommandClientOptions Commands { get; init; } = new();

    /// <summary>Checks every value; throws <see cref="ArgumentException"/> naming the first bad one.</summary>
    public void Validate()
    {
        CheckRange(nameof(HeartbeatTimeout), HeartbeatTimeout, TimeSpan.FromSeconds(0.5), TimeSpan.FromMinutes(10));
        CheckRange(nameof(ModeConfirmTimeout), ModeConfirmTimeout, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(30));
        CheckRange(nameof(ArmConfirmTimeout), ArmConfirmTimeout, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(30));
        CheckRange(nameof(TakeoffTimeout), TakeoffTimeout, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10));
        CheckRange(nameof(OffboardEntryDuration), OffboardEntryDuration, TimeSpan.FromSeconds(1.01), TimeSpan.FromSeconds(10));
        CheckRange(nameof(BrakeSettleTimeout), BrakeSettleTimeout, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(60));
        CheckRange(nameof(TakeoffToleranceMetres), TakeoffToleranceMetres, 0.05, 5, "m");
        CheckRange(nameof(TelemetryRateHz), TelemetryRateHz, 1, 400, "Hz");
        CheckRange(nameof(StatusRateHz), StatusRateHz, 0.2, 50, "Hz");
        CheckRange(nameof(OffboardEntryRateHz), OffboardEntryRateHz, 2.5, 100, "Hz");
        ArgumentNullException.ThrowIfNull(Commands, nameof(Commands));
    }

    private static void CheckRange(string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{name} must be from {min.TotalSeconds} s to {max.TotalSeconds} s; got {value.TotalSeconds} s", name);
        }
    }

    private static void CheckRange(string name, double value, double min, double max, string unit)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentException($"{name} must be from {min} {unit} to {max} {unit}; got {value} {unit}", name);
        }
    }
}
