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

    /// <summary>Adds "Section:Key is value; expected min to max" when <paramref name="value"/> lies outside [min, max].</summary>
    public static void Range(List<string> failures, string section, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{section}:{key} is {value}; expected {min} to {max}");
        }
    }
}
