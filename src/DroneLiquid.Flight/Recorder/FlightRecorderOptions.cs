namespace DroneLiquid.Flight.Recorder;

/// <summary>Flight recorder settings (section "Flight:Recorder"); checked by <see cref="FlightRecorderOptionsValidator"/>.</summary>
public sealed class FlightRecorderOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Flight:Recorder";

    /// <summary>Default byte budget for all flights: 2 GiB.</summary>
    public const long DefaultMaxTotalBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Default ring capacity: 1024 ticks (20 s at 50 Hz).</summary>
    public const int DefaultRingCapacity = 1024;

    /// <summary>Default flush interval: 1 s (a killed process loses at most this much).</summary>
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>Folder holding one sub-folder per flight. Required.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Byte budget of all flight folders; the oldest are deleted past it (default 2 GiB; at least 1 MiB).</summary>
    public long MaxTotalBytes { get; set; } = DefaultMaxTotalBytes;

    /// <summary>Ticks the ring holds before the tick drops records (default 1024; 16 to 1,048,576).</summary>
    public int RingCapacity { get; set; } = DefaultRingCapacity;

    /// <summary>How often files reach the disk (default 1 s; 50 ms to 1 s).</summary>
    public TimeSpan FlushInterval { get; set; } = DefaultFlushInterval;
}
