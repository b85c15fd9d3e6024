using System.Globalization;
using Microsoft.Extensions.Options;

namespace DroneLiquid.Flight.Envelope;

/// <summary>
/// Checks <see cref="EnvelopeOptions"/> per field and across fields and gathers every failure; each message names
/// the key, the value and what is allowed.
/// </summary>
public sealed class EnvelopeOptionsValidator : IValidateOptions<EnvelopeOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, EnvelopeOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every failure, or an empty list.</summary>
    public static List<string> Collect(EnvelopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Positive(failures, nameof(options.MaxHorizontalSpeedMetresPerSecond), options.MaxHorizontalSpeedMetresPerSecond);
        Positive(failures, nameof(options.MaxSpeedUpMetresPerSecond), options.MaxSpeedUpMetresPerSecond);
        Positive(failures, nameof(options.MaxSpeedDownMetresPerSecond), options.MaxSpeedDownMetresPerSecond);
        Positive(failures, nameof(options.MaxYawRateRadiansPerSecond), options.MaxYawRateRadiansPerSecond);
        Positive(failures, nameof(options.MaxHorizontalAccelerationMetresPerSecondSquared), options.MaxHorizontalAccelerationMetresPerSecondSquared);
        Positive(failures, nameof(options.MaxVerticalAccelerationMetresPerSecondSquared), options.MaxVerticalAccelerationMetresPerSecondSquared);
        Positive(failures, nameof(options.GeofenceRadiusMetres), options.GeofenceRadiusMetres);
        Positive(failures, nameof(options.MaxAltitudeMetres), options.MaxAltitudeMetres);
        Positive(failures, nameof(options.BreachReturnSpeedMetresPerSecond), options.BreachReturnSpeedMetresPerSecond);
        NotNegative(failures, nameof(options.MinAltitudeMetres), options.MinAltitudeMetres);
        NotNegative(failures, nameof(options.LimitMarginMetres), options.LimitMarginMetres);
        NotNegative(failures, nameof(options.MinClearanceMetres), options.MinClearanceMetres);

        if (float.IsFinite(options.MinAltitudeMetres) && float.IsFinite(options.MaxAltitudeMetres)
            && options.MaxAltitudeMetres - options.MinAltitudeMetres <= 2 * options.LimitMarginMetres)
        {
            failures.Add($"{EnvelopeOptions.Section}:MaxAltitudeMetres is {F(options.MaxAltitudeMetres)}; expected more than MinAltitudeMetres ({F(options.MinAltitudeMetres)}) + 2 x LimitMarginMetres ({F(options.LimitMarginMetres)})");
        }

        if (float.IsFinite(options.GeofenceRadiusMetres) && options.GeofenceRadiusMetres <= options.LimitMarginMetres)
        {
            failures.Add($"{EnvelopeOptions.Section}:GeofenceRadiusMetres is {F(options.GeofenceRadiusMetres)}; expected more than LimitMarginMetres ({F(options.LimitMarginMetres)})");
        }

        float slowestVertical = MathF.Min(options.MaxSpeedUpMetresPerSecond, options.MaxSpeedDownMetresPerSecond);
        if (float.IsFinite(options.BreachReturnSpeedMetresPerSecond) && options.BreachReturnSpeedMetresPerSecond > MathF.Min(slowestVertical, options.MaxHorizontalSpeedMetresPerSecond))
        {
            failures.Add($"{EnvelopeOptions.Section}:BreachReturnSpeedMetresPerSecond is {F(options.BreachReturnSpeedMetresPerSecond)}; expected at most the smallest speed limit ({F(MathF.Min(slowestVertical, options.MaxHorizontalSpeedMetresPerSecond))})");
        }

        return failures;
    }

    private static void Positive(List<string> failures, string key, float value)
    {
        if (!(float.IsFinite(value) && value > 0))
        {
            failures.Add($"{EnvelopeOptions.Section}:{key} is {F(value)}; expected a finite number more than 0");
        }
    }

    private static void NotNegative(List<string> failures, string key, float value)
    {
        if (!(float.IsFinite(value) && value >= 0))
        {
            failures.Add($"{EnvelopeOptions.Section}:{key} is {F(value)}; expected a finite number of at least 0");
        }
    }

    private static string F(float value) => value.ToString(CultureInfo.InvariantCulture);
}
