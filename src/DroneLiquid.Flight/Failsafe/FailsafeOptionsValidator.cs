using Microsoft.Extensions.Options;

namespace DroneLiquid.Flight.Failsafe;

/// <summary>Checks <see cref="FailsafeOptions"/> and gathers every failure, naming the key, the value and what is allowed.</summary>
public sealed class FailsafeOptionsValidator : IValidateOptions<FailsafeOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, FailsafeOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every failure, or an empty list.</summary>
    public static List<string> Collect(FailsafeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        OptionsCheck.Range(failures, FailsafeOptions.Section, nameof(options.HeartbeatTimeout), options.HeartbeatTimeout, TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(10));
        OptionsCheck.Range(failures, FailsafeOptions.Section, nameof(options.HoldTimeout), options.HoldTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(600));
        OptionsCheck.Range(failures, FailsafeOptions.Section, nameof(options.MissionTimeLimit), options.MissionTimeLimit, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        if (options.DeadlineMissesBeforeHold is < 1 or > 1000)
        {
            failures.Add($"{FailsafeOptions.Section}:DeadlineMissesBeforeHold is {options.DeadlineMissesBeforeHold}; expected 1 to 1000");
        }

        if (options.TransitionLogCapacity is < 4 or > 4096)
        {
            failures.Add($"{FailsafeOptions.Section}:TransitionLogCapacity is {options.TransitionLogCapacity}; expected 4 to 4096");
        }

        return failures;
    }
}
