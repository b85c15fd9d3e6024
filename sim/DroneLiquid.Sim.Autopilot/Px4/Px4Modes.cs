namespace DroneLiquid.Sim.Autopilot.Px4;

/// <summary>PX4's custom_mode encoding (main mode in bits 16-23, sub mode in bits 24-31).</summary>
public static class Px4Modes
{
    public const uint MainPosition = 3;
    public const uint MainAuto = 4;
    public const uint MainOffboard = 6;
    public const uint SubTakeoff = 2;
    public const uint SubLoiter = 3;
    public const uint SubRtl = 5;
    public const uint SubLand = 6;

    public static uint Encode(uint main, uint sub) => (main << 16) | (sub << 24);

    public static uint ToCustomMode(Px4Mode mode) => mode switch
    {
        Px4Mode.Position => Encode(MainPosition, 0),
        Px4Mode.Hold => Encode(MainAuto, SubLoiter),
        Px4Mode.Offboard => Encode(MainOffboard, 0),
        Px4Mode.Takeoff => Encode(MainAuto, SubTakeoff),
        Px4Mode.Land => Encode(MainAuto, SubLand),
        _ => Encode(MainAuto, SubRtl),
    };

    /// <summary>The mode a (main, sub) pair names, as DO_SET_MODE params 2 and 3 give them; false for one not emulated.</summary>
    public static bool TryDecode(uint main, uint sub, out Px4Mode mode)
    {
        mode = (main, sub) switch
        {
            (MainPosition, _) => Px4Mode.Position,
            (MainOffboard, _) => Px4Mode.Offboard,
            (MainAuto, SubTakeoff) => Px4Mode.Takeoff,
            (MainAuto, SubLoiter) => Px4Mode.Hold,
            (MainAuto, SubRtl) => Px4Mode.Return,
            (MainAuto, SubLand) => Px4Mode.Land,
            _ => (Px4Mode)(-1),
        };
        return Enum.IsDefined(mode);
    }

    /// <summary>Decodes a HEARTBEAT custom_mode.</summary>
    public static bool TryDecode(uint customMode, out Px4Mode mode) => TryDecode((customMode >> 16) & 0xFF, (customMode >> 24) & 0xFF, out mode);
}
