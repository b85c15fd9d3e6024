using System.Globalization;

namespace DroneLiquid.Flight.Recorder;

/// <summary>
/// Flight folder names and disk rotation. A flight folder is named from its UTC start time, "yyyyMMddTHHmmssZ"
/// (a "-N" suffix when two flights start in the same second), so ordinal name order is start order.
/// </summary>
public static class FlightFolders
{
    private const string NameFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>Creates a new, unused flight folder under <paramref name="root"/> for <paramref name="startUtc"/>.</summary>
    public static string Create(string root, DateTimeOffset startUtc)
    {
        System.IO.Directory.CreateDirectory(root);
        string name = startUtc.UtcDateTime.ToString(NameFormat, CultureInfo.InvariantCulture);
        string path = Path.Combine(root, name);
        for (int n = 2; System.IO.Directory.Exists(path); n++)
        {
            path = Path.Combine(root, $"{name}-{n.ToString(CultureInfo.InvariantCulture)}");
        }

        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>True when <paramref name="name"/> looks like a flight folder name.</summary>
    public static bool IsFlightName(string name) =>
        name.Length >= 16 && DateTime.TryParseExact(name[..16], NameFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);

    /// <summary>Flight folders under <paramref name="root"/>, oldest first.</summary>
    public static IReadOnlyList<DirectoryInfo> List(string root)
    {
        var directory = new DirectoryInfo(root);
        if (!directory.Exists)
        {
            return [];
        }

        return directory.EnumerateDirectories().Where(d => IsFlightName(d.Name)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Bytes in every file under <paramref name="folder"/>.</summary>
    public static long SizeOf(DirectoryInfo folder) =>
        folder.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Exists ? f.Length : 0);

    /// <summary>
    /// Deletes the oldest flight folders until all of them fit in <paramref name="maxTotalBytes"/>, never
    /// <paramref name="keep"/> (the flight being recorded). Returns the deleted folders' paths. A folder that cannot
    /// be deleted (open elsewhere) is skipped and left for the next pass.
    /// </summary>
    public static IReadOnlyList<string> Rotate(string root, long maxTotalBytes, string? keep)
    {
        var folders = List(root);
        var sizes = folders.Select(SizeOf).ToArray();
        long total = sizes.Sum();
        var deleted = new List<string>();
        string? keepFull = keep is null ? null : Path.GetFullPath(keep).TrimEnd(Path.DirectorySeparatorChar);
        for (int i = 0; i < folders.Count && total > maxTotalBytes; i++)
        {
            if (string.Equals(folders[i].FullName.TrimEnd(Path.DirectorySeparatorChar), keepFull, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                folders[i].Delete(recursive: true);
                total -= sizes[i];
                deleted.Add(folders[i].FullName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Left for the next pass; the recorder keeps recording rather than stop over an old flight.
            }
        }

        return deleted;
    }
}
