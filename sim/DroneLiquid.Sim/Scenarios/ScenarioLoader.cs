using System.Numerics;
using System.Text.Json;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Scenarios;

/// <summary>
/// Reads a scenario JSON file. Fields (units in the names; everything but world, seed and target optional):
/// <code>
/// world            "forest" | "urban" | "empty"
/// seed             integer 0 .. 2^53-1
/// density          0 .. 1                         (default 0.5)
/// extent_m         20 .. 500, half the side of the square world (default 60)
/// start            { north_m, east_m (within extent), altitude_m 0 .. 100, yaw_rad -6.3 .. 6.3 }  (default origin)
/// target           { north_m, east_m (within extent), altitude_m 0.3 .. 100 }
/// wind             { north_m_s, east_m_s, down_m_s -25 .. 25, gust_std_m_s 0 .. 10, gust_time_constant_s 0.1 .. 60 }
/// events           up to 64 of { time_s 0 .. time_limit_s, kind "wind_gust" | "sensor_freeze" | "low_battery",
///                  wind_gust: north_m_s, east_m_s, down_m_s -30 .. 30, duration_s 0.05 .. 600;
///                  sensor_freeze: duration_s; low_battery: remaining 0 .. 1 }
/// time_limit_s     1 .. 3600 (default 60)
/// success_radius_m 0.2 .. 50 (default 1)
/// camera           { width_px 8 .. 4096, height_px 8 .. 4096, hfov_rad 0.1 .. 3, pitch_rad -1.5 .. 1.5, max_range_m 1 .. 2000 }
/// </code>
/// Any other field, a value out of its range or of the wrong type is one <see cref="ScenarioException"/> naming it.
/// </summary>
public static class ScenarioLoader
{
    public static readonly IReadOnlyList<string> WorldKinds = ["forest", "urban", "empty"];

    public static readonly IReadOnlyList<string> EventKinds = ["wind_gust", "sensor_freeze", "low_battery"];

    public static Scenario LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException($"scenario '{path}': cannot read the file: {ex.Message}", ex);
        }

        return Parse(text, path);
    }

    /// <summary>Parses scenario JSON; <paramref name="source"/> names it in error messages.</summary>
    public static Scenario Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ScenarioException($"scenario '{source}': not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            return Read(new JsonFieldReader(document.RootElement, source, string.Empty));
        }
    }

    private static Scenario Read(JsonFieldReader root)
    {
        WorldKind world = root.Choice("world", WorldKinds) switch
        {
            "forest" => WorldKind.Forest,
            "urban" => WorldKind.Urban,
            _ => WorldKind.Empty,
        };
        ulong seed = root.UnsignedInteger("seed", (1UL << 53) - 1);
        float density = (float)root.Number("density", 0, 1, 0.5);
        float extent = (float)root.Number("extent_m", 20, 500, 60);
        double timeLimit = root.Number("time_limit_s", 1, 3600, 60);
        float successRadius = (float)root.Number("success_radius_m", 0.2, 50, 1.0);

        Vector3 start = Vector3.Zero;
        float startYaw = 0f;
        if (root.Object("start", required: false) is { } s)
        {
            start = new Vector3((float)s.Number("north_m", -extent, extent, 0), (float)s.Number("east_m", -extent, extent, 0),
                -(float)s.Number("altitude_m", 0, 100, 0));
            startYaw = (float)s.Number("yaw_rad", -6.3, 6.3, 0);
            s.RejectUnknown();
        }

        JsonFieldReader t = root.Object("target", required: true)!;
        var target = new Vector3((float)t.Number("north_m", -extent, extent), (float)t.Number("east_m", -extent, extent),
            -(float)t.Number("altitude_m", 0.3, 100));
        t.RejectUnknown();

        Vector3 wind = Vector3.Zero;
        float gustStd = 0f, gustTau = 2f;
        if (root.Object("wind", required: false) is { } w)
        {
            wind = new Vector3((float)w.Number("north_m_s", -25, 25, 0), (float)w.Number("east_m_s", -25, 25, 0), (float)w.Number("down_m_s", -25, 25, 0));
            gustStd = (float)w.Number("gust_std_m_s", 0, 10, 0);
            gustTau = (float)w.Number("gust_time_constant_s", 0.1, 60, 2);
            w.RejectUnknown();
        }

        var events = new List<SimEvent>();
        foreach (JsonFieldReader e in root.Objects("events", 64))
        {
            events.Add(ReadEvent(e, timeLimit));
        }

        CameraSpec? camera = null;
        if (root.Object("camera", required: false) is { } c)
        {
            camera = new CameraSpec(
                c.Integer("width_px", 8, 4096, 128), c.Integer("height_px", 8, 4096, 96),
                (float)c.Number("hfov_rad", 0.1, 3.0, 1.5708), (float)c.Number("pitch_rad", -1.5, 1.5, 0),
                (float)c.Number("max_range_m", 1, 2000, 120));
            c.RejectUnknown();
        }

        root.RejectUnknown();
        events.Sort((a, b) => a.TimeSeconds.CompareTo(b.TimeSeconds));
        return new Scenario
        {
            World = world, Seed = seed, Density = density, ExtentMetres = extent, StartNed = start, StartYawRadians = startYaw,
            TargetNed = target, WindMeanNed = wind, GustStdMetresPerSecond = gustStd, GustTimeConstantSeconds = gustTau,
            Events = events, TimeLimitSeconds = timeLimit, SuccessRadiusMetres = successRadius, Camera = camera,
        };
    }

    private static SimEvent ReadEvent(JsonFieldReader e, double timeLimit)
    {
        double time = e.Number("time_s", 0, timeLimit);
        string kind = e.Choice("kind", EventKinds);
        SimEvent result = kind switch
        {
            "wind_gust" => SimEvent.WindGust(time,
                new Vector3((float)e.Number("north_m_s", -30, 30, 0), (float)e.Number("east_m_s", -30, 30, 0), (float)e.Number("down_m_s", -30, 30, 0)),
                e.Number("duration_s", 0.05, 600)),
            "sensor_freeze" => SimEvent.SensorFreeze(time, e.Number("duration_s", 0.05, 600)),
            _ => SimEvent.LowBattery(time, (float)e.Number("remaining", 0, 1)),
        };
        e.RejectUnknown();
        return result;
    }
}
