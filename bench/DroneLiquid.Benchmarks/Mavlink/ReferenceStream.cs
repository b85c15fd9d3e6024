using System.Text.Json;

namespace DroneLiquid.Benchmarks.Mavlink;

/// <summary>
/// The reference workload of the vectors README: a pool of the 284 unsigned MAVLink 2 vectors of 30 message
/// kinds (file order), and 1,000,000 frames drawn from it with xorshift64 (seed 0x9E3779B97F4A7C15): 41,344,524 bytes.
/// </summary>
public sealed class ReferenceStream
{
    public const int FrameCount = 1_000_000;
    public const int ExpectedPoolSize = 284;
    public const long ExpectedLength = 41_344_524;

    private static readonly HashSet<string> PoolMessages =
    [
        "HEARTBEAT", "SYS_STATUS", "SYSTEM_TIME", "PING", "PARAM_REQUEST_READ", "PARAM_VALUE", "PARAM_SET", "GPS_RAW_INT",
        "ATTITUDE", "ATTITUDE_QUATERNION", "LOCAL_POSITION_NED", "GLOBAL_POSITION_INT", "RC_CHANNELS", "SERVO_OUTPUT_RAW",
        "COMMAND_INT", "COMMAND_LONG", "COMMAND_ACK", "SET_POSITION_TARGET_LOCAL_NED", "POSITION_TARGET_LOCAL_NED",
        "SET_POSITION_TARGET_GLOBAL_INT", "HIGHRES_IMU", "SCALED_IMU", "RAW_IMU", "ODOMETRY", "TIMESYNC", "STATUSTEXT",
        "EXTENDED_SYS_STATE", "HOME_POSITION", "ALTITUDE", "BATTERY_STATUS",
    ];

    private ReferenceStream(byte[][] pool, int[] picks, byte[] bytes)
    {
        Pool = pool;
        Picks = picks;
        Bytes = bytes;
    }

    /// <summary>The 284 pool frames.</summary>
    public byte[][] Pool { get; }

    /// <summary>Pool index of each of the 1,000,000 frames.</summary>
    public int[] Picks { get; }

    /// <summary>The concatenated stream.</summary>
    public byte[] Bytes { get; }

    public static ReferenceStream Build()
    {
        var pool = new List<byte[]>();
        foreach (string line in File.ReadLines(LocateVectors()))
        {
            using JsonDocument doc = JsonDocument.Parse(line);
            JsonElement e = doc.RootElement;
            if (e.GetProperty("version").GetInt32() == 2 && !e.GetProperty("signed").GetBoolean()
                && PoolMessages.Contains(e.GetProperty("name").GetString()!))
            {
                pool.Add(Convert.FromHexString(e.GetProperty("frame_hex").GetString()!));
            }
        }
        if (pool.Count != ExpectedPoolSize)
        {
            throw new InvalidDataException($"reference pool has {pool.Count} frames; the README says {ExpectedPoolSize}");
        }
        var picks = new int[FrameCount];
        ulong x = 0x9E3779B97F4A7C15;
        long length = 0;
        for (int k = 0; k < FrameCount; k++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            picks[k] = (int)(x % (ulong)pool.Count);
            length += pool[picks[k]].Length;
        }
        if (length != ExpectedLength)
        {
            throw new InvalidDataException($"reference stream is {length} bytes; the README says {ExpectedLength}");
        }
        var bytes = new byte[length];
        int at = 0;
        foreach (int pick in picks)
        {
            pool[pick].CopyTo(bytes, at);
            at += pool[pick].Length;
        }
        return new ReferenceStream(pool.ToArray(), picks, bytes);
    }

    // The vectors live with the tests (tests/DroneLiquid.Mavlink.Tests/Vectors); BenchmarkDotNet runs from a
    // generated folder under bin/, so walk up to the repository. DRONELIQUID_MAVLINK_VECTORS overrides.
    private static string LocateVectors()
    {
        if (Environment.GetEnvironmentVariable("DRONELIQUID_MAVLINK_VECTORS") is { Length: > 0 } overridePath)
        {
            return overridePath;
        }
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "DroneLiquid.Mavlink.Tests", "Vectors", "vectors.jsonl");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException(
            "tests/DroneLiquid.Mavlink.Tests/Vectors/vectors.jsonl not found above " + AppContext.BaseDirectory + "; set DRONELIQUID_MAVLINK_VECTORS");
    }
}
