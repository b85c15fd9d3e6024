namespace DroneLiquid.Sensors.Imu.Mavlink;

/// <summary>How the autopilot's boot-time timestamps are currently mapped onto our clock.</summary>
public enum ClockSyncMode
{
    /// <summary>Nothing received yet (or just reset by an autopilot reboot).</summary>
    None,

    /// <summary>The minimum of (arrival − remote time) over a sliding window: robust to queueing jitter, biased by the link's smallest latency.</summary>
    ArrivalWindow,

    /// <summary>TIMESYNC round trips (offset from the middle of each round trip, filtered): unbiased on a symmetric link.</summary>
    Timesync,
}
