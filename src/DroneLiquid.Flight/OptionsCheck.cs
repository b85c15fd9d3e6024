namespace DroneLiquid.Flight;

/// <summary>The one way a Flight component refuses bad options at construction: every failure, one per line.</summary>
internal static class OptionsCheck
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> listing <paramref name="failures"/> when there are any. No parameter
    /// name: it would append " (Parameter ...)" to the last line, and each line already names its key.
    /// </summary>
    public static void ThrowIfAny(List<string> failures)
    {
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, failures));
        }
    }
}
