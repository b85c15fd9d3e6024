using Microsoft.Extensions.Options;

namespace DroneLiquid.Flight.Control;

/// <summary>Checks <see cref="ControlOptions"/> and gathers every failure, naming the key, the value and what is allowed.</summary>
public sealed class ControlOptionsValidator : IValidateOptions<ControlOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ControlOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every failure, or an empty list.</summary>
    public static List<string> Collect(ControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string S = ControlOptions.Section;
        bool rateOk = double.IsFinite(options.RateHz) && options.RateHz is >= 1 and <= 500;
        if (!rateOk)
        {
            failures.Add($"{S}:RateHz is {options.RateHz}; expected 1 to 500");
        }

        OptionsCheck.Range(failures, ControlOptions.Section, nameof(options.SensorStaleAfter), options.SensorStaleAfter, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(5));
        var minStall = rateOk ? 2 * options.Period : TimeSpan.FromMilliseconds(4);
        OptionsCheck.Range(failures, ControlOptions.Section, nameof(options.SupervisorStallAfter), options.SupervisorStallAfter, minStall, TimeSpan.FromSeconds(10));
        OptionsCheck.Range(failures, ControlOptions.Section, nameof(options.ReadyTimeout), options.ReadyTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        OptionsCheck.Range(failures, ControlOptions.Section, nameof(options.LandingTimeout), options.LandingTimeout, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30));
        if (!Enum.IsDefined(options.StopAction))
        {
            failures.Add($"{S}:StopAction is {options.StopAction}; expected Hold, Land or Return");
        }

        if (!float.IsFinite(options.BatteryLowFraction) || options.BatteryLowFraction is < 0 or > 1)
        {
            failures.Add($"{S}:BatteryLowFraction is {options.BatteryLowFraction}; expected 0 to 1");
        }

        if (!float.IsFinite(options.BatteryCriticalFraction) || options.BatteryCriticalFraction < 0 || options.BatteryCriticalFraction > options.BatteryLowFraction)
        {
            failures.Add($"{S}:BatteryCriticalFraction is {options.BatteryCriticalFraction}; expected 0 to BatteryLowFraction ({options.BatteryLowFraction})");
        }

        return failures;
    }
}
