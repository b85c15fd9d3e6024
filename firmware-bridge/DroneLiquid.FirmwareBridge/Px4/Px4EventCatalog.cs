using System.Collections.Frozen;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge.Px4;

/// <summary>
/// Texts of the PX4 events (EVENT, msg 410) this adapter knows. Real PX4 names each event by a hashed id whose text
/// lives in the firmware's component metadata (a compressed JSON the adapter does not download); the table holds the
/// ids the DroneLiquid PX4 emulator sends, with the texts real SITL produced for the same situations
/// (FACTS_SITL_OBSERVED.md). Any other id reads as "event 0x...".
/// </summary>
public static class Px4EventCatalog
{
    private static readonly FrozenDictionary<uint, string> Texts = new Dictionary<uint, string>
    {
        [0x0100_0001] = "Arming denied: Resolve system health failures first",
        [0x0100_0002] = "Armed by external command",
        [0x0100_0003] = "Disarmed by auto disarm or command",
        [0x0100_0004] = "Takeoff detected",
        [0x0100_0005] = "Landing detected",
        [0x0100_0006] = "Failsafe activated",
        [0x0100_0007] = "Landing at current position",
        [0x0100_0008] = "RTL: start return",
        [0x0100_0009] = "No offboard signal",
        [0x0100_000A] = "Disarming denied: not landed",
    }.ToFrozenDictionary();

    /// <summary>The event's text, or "event 0x{id:X8}" for an id not in the table.</summary>
    public static string Text(uint eventId) => Texts.TryGetValue(eventId, out string? text) ? text : $"event 0x{eventId:X8}";

    /// <summary>Whether <paramref name="eventId"/> is in the table.</summary>
    public static bool IsKnown(uint eventId) => Texts.ContainsKey(eventId);

    /// <summary>
    /// The severity a GCS shows: the low 4 bits of log_levels are the external level, numbered as MAV_SEVERITY
    /// (0 emergency to 7 debug); the high 4 bits are the level for the onboard log.
    /// </summary>
    public static MavSeverity Severity(byte logLevels) => (MavSeverity)Math.Min(logLevels & 0x0F, (int)MavSeverity.Debug);
}
