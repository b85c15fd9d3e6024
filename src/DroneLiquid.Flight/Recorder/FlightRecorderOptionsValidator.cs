using Microsoft.Extensions.Options;

namespace DroneLiquid.Flight.Recorder;

/// <summary>Checks <see cref="FlightRecorderOptions"/>, gathering every failure with key, value and what is allowed.</summary>
public sealed class FlightRecorderOptionsValidator : IValidateOptions<FlightRecorderOptions>
{
    /// <summary>Smallest byte budget accepted.</summary>
    public const long MinTotalBytes = 1024 * 1024;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, FlightRecorderOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every failure, or an empty list.</summary>
    public static List<string> Collect(FlightRecorderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string S = FlightRecorderOptions.Section;
        if (string.IsNullOrWhiteSpace(options.Directory))
        {
            failures.Add($"{S}:Directory is empty; expected the folder that holds the flight records");
        }

        if (options.MaxTotalBytes < MinTotalBytes)
        {
            failures.Add($"{S}:MaxTotalBytes is {options.MaxTotalBytes}; expected at least {MinTotalBytes} (1 MiB)");
        }

        if (options.RingCapacity is < 16 or > 1 << 20)
        {
            failures.Add($"{S}:RingCapacity is {options.RingCapacity}; expected 16 to {1 << 20}");
        }

        if (options.FlushInterval < TimeSpan.FromMilliseconds(50) || options.FlushInterval > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{S}:FlushInterval is {options.FlushInterval}; expected 00:00:00.05 to 00:00:01 (a killed process may lose at most 1 s)");
        }

        return failures;
    }
}
