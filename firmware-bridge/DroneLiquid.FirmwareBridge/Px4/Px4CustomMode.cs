namespace DroneLiquid.FirmwareBridge.Px4;

/// <summary>
/// PX4's HEARTBEAT custom_mode: bits 0-15 reserved, main mode in bits 16-23, sub mode in bits 24-31 (px4_custom_mode.h;
/// some public copies of the header get the order wrong). DO_SET_MODE carries the same pair as param2 and param3.
/// </summary>
public static class Px4CustomMode
{
    public const byte MainManual = 1;
    public const byte MainAltitude = 2;
    public const byte MainPosition = 3;
    public const byte MainAuto = 4;
    public const byte MainAcro = 5;
    public const byte MainOffboard = 6;
    public const byte MainStabilized = 7;
    public const byte MainRattitude = 8;

    public const byte SubAutoReady = 1;
    public const byte SubAutoTakeoff = 2;
    public const byte SubAutoLoiter = 3;
    public const byte SubAutoMission = 4;
    public const byte SubAutoRtl = 5;
    public const byte SubAutoLand = 6;
    public const byte SubAutoFollowTarget = 8;
    public const byte SubAutoPrecisionLand = 9;
    public const byte SubAutoVtolTakeoff = 10;

    /// <summary>OFFBOARD: 0x00060000.</summary>
    public static uint Offboard => Encode(MainOffboard, 0);

    /// <summary>AUTO.LOITER ("Hold", PX4's boot mode): 0x03040000.</summary>
    public static uint Hold => Encode(MainAuto, SubAutoLoiter);

    /// <summary>AUTO.TAKEOFF: 0x02040000.</summary>
    public static uint Takeoff => Encode(MainAuto, SubAutoTakeoff);

    /// <summary>AUTO.LAND: 0x06040000.</summary>
    public static uint Land => Encode(MainAuto, SubAutoLand);

    /// <summary>AUTO.RTL ("Return"): 0x05040000.</summary>
    public static uint Return => Encode(MainAuto, SubAutoRtl);

    public static uint Encode(byte main, byte sub) => ((uint)main << 16) | ((uint)sub << 24);

    public static byte Main(uint customMode) => (byte)(customMode >> 16);

    public static byte Sub(uint customMode) => (byte)(customMode >> 24);

    /// <summary>Whether two custom_modes name the same mode (the reserved low bits are ignored; a main mode without sub modes ignores the sub byte).</summary>
    public static bool Same(uint a, uint b) =>
        Main(a) == Main(b) && (Main(a) != MainAuto || Sub(a) == Sub(b));

    /// <summary>The mode reduced to what the companion acts on.</summary>
    public static ControlMode Decode(uint customMode) => Main(customMode) switch
    {
        MainManual or MainAltitude or MainPosition or MainAcro or MainStabilized or MainRattitude => ControlMode.Pilot,
        MainOffboard => ControlMode.VelocityControl,
        MainAuto => Sub(customMode) switch
        {
            SubAutoTakeoff or SubAutoVtolTakeoff => ControlMode.Takeoff,
            SubAutoLoiter => ControlMode.Hold,
            SubAutoLand or SubAutoPrecisionLand => ControlMode.Land,
            SubAutoRtl => ControlMode.Return,
            SubAutoReady or SubAutoMission or SubAutoFollowTarget => ControlMode.OtherAutonomous,
            _ => ControlMode.Unknown,
        },
        _ => ControlMode.Unknown,
    };

    /// <summary>PX4's name of the mode, for messages and logs.</summary>
    public static string Name(uint customMode) => Main(customMode) switch
    {
        MainManual => "MANUAL",
        MainAltitude => "ALTCTL",
        MainPosition => "POSCTL",
        MainAcro => "ACRO",
        MainOffboard => "OFFBOARD",
        MainStabilized => "STABILIZED",
        MainRattitude => "RATTITUDE",
        MainAuto => Sub(customMode) switch
        {
            SubAutoReady => "AUTO.READY",
            SubAutoTakeoff => "AUTO.TAKEOFF",
            SubAutoLoiter => "AUTO.LOITER",
            SubAutoMission => "AUTO.MISSION",
            SubAutoRtl => "AUTO.RTL",
            SubAutoLand => "AUTO.LAND",
            SubAutoFollowTarget => "AUTO.FOLLOW_TARGET",
            SubAutoPrecisionLand => "AUTO.PRECLAND",
            SubAutoVtolTakeoff => "AUTO.VTOL_TAKEOFF",
            _ => $"AUTO.{Sub(customMode)}",
        },
        _ => $"main {Main(customMode)} sub {Sub(customMode)}",
    };
}
