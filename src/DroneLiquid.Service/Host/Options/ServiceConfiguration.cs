using DroneLiquid.Flight.Policies;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Mavlink;
using Microsoft.Extensions.Configuration;

namespace DroneLiquid.Service.Host.Options;

/// <summary>
/// Reads the service's configuration and checks it: the same steps for `droneliquid run` (at start) and
/// `droneliquid config check` (which adds the file checks: the policy folder opens, the signing key reads).
/// </summary>
public static class ServiceConfiguration
{
    /// <summary>
    /// appsettings.json (the given file, or none), then environment variables (DRONELIQUID__ENVELOPE__...), then
    /// command-line overrides (--DroneLiquid:Envelope:...=value); later sources win.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is missing or is not valid JSON; the message names it.</exception>
    public static IConfigurationRoot Build(string? configFile, IReadOnlyList<string>? commandLine = null, bool environment = true)
    {
        var builder = new ConfigurationBuilder();
        if (configFile is not null)
        {
            string full = Path.GetFullPath(configFile);
            if (!File.Exists(full))
            {
                throw new InvalidDataException($"{configFile}: no such configuration file");
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        if (environment)
        {
            builder.AddEnvironmentVariables();
        }

        if (commandLine is { Count: > 0 })
        {
            builder.AddCommandLine([.. commandLine]);
        }

        try
        {
            return builder.Build();
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{configFile}: not valid JSON: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{configFile}: not valid JSON: {ex.Message}", ex);
        }
    }

    /// <summary>Component settings the service sets from one of its own keys, so that each has one place.</summary>
    private static readonly (string Key, string Owner)[] OwnedElsewhere =
    [
        ("Failsafe:MissionTimeLimit", "Mission:TimeLimit"),
        ("Control:StopAction", "Stop:Action"),
    ];

    /// <summary>The folder relative paths are read from: the configuration file's, or the working directory.</summary>
    public static string BaseDirectory(string? configFile) =>
        configFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configFile))!;

    /// <summary>Problems in the shape of the configuration (unknown keys, values of the wrong type), one line each.</summary>
    public static List<string> CheckShape(IConfiguration configuration)
    {
        IConfigurationSection root = configuration.GetSection(DroneLiquidOptions.Section);
        List<string> failures = ConfigurationShape.Check(root, typeof(DroneLiquidOptions));
        foreach ((string key, string owner) in OwnedElsewhere)
        {
            if (root.GetSection(key).Value is { } value)
            {
                failures.Add($"{DroneLiquidOptions.Section}:{key} is {value}; this is set by {DroneLiquidOptions.Section}:{owner}");
            }
        }

        return failures;
    }

    /// <summary>Binds <paramref name="options"/> from the configuration and makes its relative paths absolute.</summary>
    public static void Bind(IConfiguration configuration, DroneLiquidOptions options, string baseDirectory)
    {
        configuration.GetSection(DroneLiquidOptions.Section).Bind(options);
        options.Policy.Path = Resolve(options.Policy.Path, baseDirectory);
        options.Autopilot.SigningKeyFile = Resolve(options.Autopilot.SigningKeyFile, baseDirectory);
        options.Recorder.Directory = Resolve(options.Recorder.Directory, baseDirectory);
        if (options.Sensors.Imu.I2c.CalibrationFile is { Length: > 0 } calibration)
        {
            options.Sensors.Imu.I2c.CalibrationFile = Resolve(calibration, baseDirectory);
        }

        options.Failsafe.MissionTimeLimit = options.Mission.TimeLimit;
        options.Control.StopAction = options.Stop.Action;
    }

    /// <summary>
    /// Shape, binding and validation: every problem, one line each, and the options when there is none. With
    /// <paramref name="checkFiles"/> it also opens the policy folder and reads the signing key.
    /// </summary>
    public static List<string> Check(IConfiguration configuration, string baseDirectory, bool checkFiles, out DroneLiquidOptions? options)
    {
        options = null;
        List<string> failures = CheckShape(configuration);
        if (failures.Count > 0)
        {
            return failures;
        }

        var bound = new DroneLiquidOptions();
        Bind(configuration, bound, baseDirectory);
        failures = DroneLiquidOptionsValidator.Collect(bound);
        if (checkFiles)
        {
            CheckFiles(bound, failures);
        }

        if (failures.Count == 0)
        {
            options = bound;
        }

        return failures;
    }

    private static void CheckFiles(DroneLiquidOptions options, List<string> failures)
    {
        const string S = DroneLiquidOptions.Section;
        if (!string.IsNullOrWhiteSpace(options.Policy.Path))
        {
            try
            {
                using FlightPolicy policy = FlightPolicy.Open(options.Policy.Path);
            }
            catch (PolicyFormatException ex)
            {
                failures.AddRange(ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(line => $"{S}:Policy:Path is '{options.Policy.Path}': {line}"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
            {
                failures.Add($"{S}:Policy:Path is '{options.Policy.Path}': {ex.Message}");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Autopilot.SigningKeyFile))
        {
            try
            {
                _ = MavlinkSigningKey.LoadFromFile(options.Autopilot.SigningKeyFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
            {
                failures.Add($"{S}:Autopilot:SigningKeyFile is '{options.Autopilot.SigningKeyFile}': {ex.Message}");
            }
        }
    }

    private static string Resolve(string path, string baseDirectory) =>
        string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(baseDirectory, path));
}
