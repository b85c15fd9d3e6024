using System.Globalization;
using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sensors.Imu.I2c;
using Microsoft.Extensions.Options;

namespace DroneLiquid.Service.Host.Options;

/// <summary>
/// Checks <see cref="DroneLiquidOptions"/> at start (ValidateOnStart) and in `droneliquid config check`: each
/// section's own validator (Envelope, Failsafe, Recorder, camera, I2C IMU), their messages re-keyed under
/// "DroneLiquid:", plus the service's rules and the rules across sections (mission inside the envelope). Every
/// failure is one line naming the key, the value and what is allowed.
/// </summary>
public sealed class DroneLiquidOptionsValidator : IValidateOptions<DroneLiquidOptions>
{
    private const string Root = DroneLiquidOptions.Section;

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, DroneLiquidOptions options)
    {
        List<string> failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every failure, or an empty list.</summary>
    public static List<string> Collect(DroneLiquidOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckAutopilot(options.Autopilot, failures);
        if (string.IsNullOrWhiteSpace(options.Policy.Path))
        {
            failures.Add($"{Root}:Policy:Path is empty; expected the policy folder (policy.json, weights.safetensors)");
        }

        // The control loop's StopAction is DroneLiquid:Stop:Action, checked below.
        Rebase(ControlOptionsValidator.Collect(options.Control).Where(f => !f.StartsWith($"{ControlOptions.Section}:{nameof(ControlOptions.StopAction)} ", StringComparison.Ordinal)).ToList(),
            ControlOptions.Section, $"{Root}:Control", failures);
        Rebase(EnvelopeOptionsValidator.Collect(options.Envelope), EnvelopeOptions.Section, $"{Root}:Envelope", failures);

        // The failsafe's MissionTimeLimit is DroneLiquid:Mission:TimeLimit, which has its own rule below.
        Rebase(FailsafeOptionsValidator.Collect(options.Failsafe).Where(f => !f.StartsWith($"{FailsafeOptions.Section}:{nameof(FailsafeOptions.MissionTimeLimit)} ", StringComparison.Ordinal)).ToList(),
            FailsafeOptions.Section, $"{Root}:Failsafe", failures);
        Rebase(FlightRecorderOptionsValidator.Collect(options.Recorder), FlightRecorderOptions.Section, $"{Root}:Recorder", failures);
        CheckMission(options, failures);
        CheckSensors(options.Sensors, failures);
        Defined(failures, $"{Root}:Stop:Action", options.Stop.Action);
        Range(failures, $"{Root}:Stop:Timeout", options.Stop.Timeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        return failures;
    }

    private static void CheckAutopilot(AutopilotLinkOptions o, List<string> failures)
    {
        const string S = $"{Root}:Autopilot";
        if (!ConnectionString.TryParse(o.Connection, out _, out string? error))
        {
            failures.Add($"{S}:Connection is '{o.Connection}'; {error}");
        }

        Defined(failures, $"{S}:Firmware", o.Firmware);
        if (o.SystemId is < 1 or > 255)
        {
            failures.Add($"{S}:SystemId is {o.SystemId}; expected 1 to 255");
        }

        if (o.ComponentId is < 1 or > 255)
        {
            failures.Add($"{S}:ComponentId is {o.ComponentId}; expected 1 to 255 (191 is MAV_COMP_ID_ONBOARD_COMPUTER)");
        }

        if (!(double.IsFinite(o.TelemetryRateHz) && o.TelemetryRateHz >= 1 && o.TelemetryRateHz <= 400))
        {
            failures.Add($"{S}:TelemetryRateHz is {F(o.TelemetryRateHz)}; expected 1 to 400");
        }
    }

    private static void CheckMission(DroneLiquidOptions options, List<string> failures)
    {
        const string S = $"{Root}:Mission";
        MissionOptions m = options.Mission;
        EnvelopeOptions e = options.Envelope;
        bool targetFinite = true;
        foreach ((string key, float value) in new[] { ("TargetNorthMetres", m.TargetNorthMetres), ("TargetEastMetres", m.TargetEastMetres) })
        {
            if (!float.IsFinite(value))
            {
                failures.Add($"{S}:{key} is {F(value)}; expected a finite number of metres from home");
                targetFinite = false;
            }
        }

        float fenceInside = e.GeofenceRadiusMetres - e.LimitMarginMetres;
        float targetDistance = MathF.Sqrt((m.TargetNorthMetres * m.TargetNorthMetres) + (m.TargetEastMetres * m.TargetEastMetres));
        if (targetFinite && float.IsFinite(fenceInside) && targetDistance > fenceInside)
        {
            failures.Add($"{S}:TargetNorthMetres/TargetEastMetres is {F(targetDistance)} m from home; expected within the geofence less its margin ({F(fenceInside)} m, {Root}:Envelope)");
        }

        if (!float.IsFinite(m.AltitudeMetres))
        {
            failures.Add($"{S}:AltitudeMetres is {F(m.AltitudeMetres)}; expected a finite number of metres above home");
        }
        else if (m.AltitudeMetres < e.MinAltitudeMetres + e.LimitMarginMetres || m.AltitudeMetres > e.MaxAltitudeMetres - e.LimitMarginMetres)
        {
            failures.Add($"{S}:AltitudeMetres is {F(m.AltitudeMetres)}; expected {F(e.MinAltitudeMetres + e.LimitMarginMetres)} to {F(e.MaxAltitudeMetres - e.LimitMarginMetres)} (the envelope's floor and ceiling less their margin)");
        }

        if (!(float.IsFinite(m.TargetRadiusMetres) && m.TargetRadiusMetres >= 0.2f && m.TargetRadiusMetres <= 50f))
        {
            failures.Add($"{S}:TargetRadiusMetres is {F(m.TargetRadiusMetres)}; expected 0.2 to 50");
        }

        Range(failures, $"{S}:TimeLimit", m.TimeLimit, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
    }

    private static void CheckSensors(SensorsOptions o, List<string> failures)
    {
        const string S = $"{Root}:Sensors";
        Defined(failures, $"{S}:Camera:Source", o.Camera.Source);
        if (o.Camera.Source == CameraSourceKind.V4l2)
        {
            Rebase(o.Camera.V4l2.Validate(), "Sensors:Camera", $"{S}:Camera:V4l2", failures);
        }
        else if (o.Camera.Source == CameraSourceKind.SimStream)
        {
            SimStreamCameraOptions sim = o.Camera.SimStream;
            if (string.IsNullOrWhiteSpace(sim.Host))
            {
                failures.Add($"{S}:Camera:SimStream:Host is empty; expected the host serving the camera stream (127.0.0.1)");
            }

            if (sim.Port is < 1 or > 65535)
            {
                failures.Add($"{S}:Camera:SimStream:Port is {sim.Port}; expected 1 to 65535");
            }

            if (sim.Width is < 1 or > 4096 || sim.Height is < 1 or > 4096)
            {
                failures.Add($"{S}:Camera:SimStream:Width x Height is {sim.Width}x{sim.Height}; expected 1..4096 each");
            }

            Range(failures, $"{S}:Camera:SimStream:StaleAfter", sim.StaleAfter, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5));
        }

        Defined(failures, $"{S}:Imu:Source", o.Imu.Source);
        if (o.Imu.Source == ImuSourceKind.I2c)
        {
            Rebase(I2cImuOptionsValidator.Collect(o.Imu.I2c), "Sensors:Imu", $"{S}:Imu:I2c", failures);
        }
    }

    /// <summary>Moves each message's key from a component's own section name to where it sits in the service's configuration.</summary>
    private static void Rebase(List<string> messages, string from, string to, List<string> failures)
    {
        foreach (string message in messages)
        {
            failures.Add(message.StartsWith(from + ":", StringComparison.Ordinal) ? to + message[from.Length..] : $"{to}: {message}");
        }
    }

    private static void Defined<T>(List<string> failures, string key, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            failures.Add($"{key} is {value}; expected one of {string.Join(", ", Enum.GetNames<T>())}");
        }
    }

    private static void Range(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} is {value}; expected {min} to {max}");
        }
    }

    private static string F(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(float value) => value.ToString(CultureInfo.InvariantCulture);
}
