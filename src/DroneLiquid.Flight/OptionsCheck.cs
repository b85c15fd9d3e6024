namespace DroneLiquid.Flight;

/// <summary>The one way a Flight component refuses bad options at construction: every failure, one per line.</summary>
internal static class OptionsCheck
{
    /// <summary>Throws <see cref="ArgumentException"/> listing <paramref name="failures"/> when there are any.</summary>
    public static void ThrowIfAny(List<string> failures, string paramName)
    {
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures), paramName);
        }
    }
}
