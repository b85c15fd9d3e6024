using System.Globalization;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Episodes;

/// <summary>Parses the command-line spellings `collect` and `eval` share; each failure is one <see cref="ArgumentException"/> naming the option.</summary>
public static class EpisodeArguments
{
    /// <summary>forest, urban or empty.</summary>
    public static WorldKind ParseWorld(string text, string option = "--world") => text.ToLowerInvariant() switch
    {
        "forest" => WorldKind.Forest,
        "urban" => WorldKind.Urban,
        "empty" => WorldKind.Empty,
        _ => throw new ArgumentException($"{option}: expected forest, urban or empty, got '{text}'"),
    };

    /// <summary>WIDTHxHEIGHT in pixels, e.g. 64x48.</summary>
    public static (int Width, int Height) ParseImage(string text, string option = "--image")
    {
        string[] parts = text.ToLowerInvariant().Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int height)
            && width is >= 8 and <= 1024 && height is >= 8 and <= 1024)
        {
            return (width, height);
        }

        throw new ArgumentException($"{option}: expected WIDTHxHEIGHT with each side 8..1024 pixels (e.g. 64x48), got '{text}'");
    }

    /// <summary>i/N with 0 &lt;= i &lt; N, e.g. 0/4.</summary>
    public static (int Index, int Count) ParseShard(string text, string option = "--shard")
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count is >= 1 and <= 100_000 && index < count)
        {
            return (index, count);
        }

        throw new ArgumentException($"{option}: expected i/N with 0 <= i < N (e.g. 0/4 for the first of four shards), got '{text}'");
    }

    /// <summary>The world's name as files and reports spell it.</summary>
    public static string Name(WorldKind world) => world.ToString().ToLowerInvariant();
}
