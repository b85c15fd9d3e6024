using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Recorder;

namespace DroneLiquid.Service.Host.Options;

/// <summary>
/// Everything the flight service reads (section "DroneLiquid"), bound from appsettings.json, DRONELIQUID__...
/// environment variables and --DroneLiquid:...=value on the command line, in that order of precedence (last wins).
/// <see cref="DroneLiquidOptionsValidator"/> checks it at start and names each bad key, its value and what is allowed.
/// </summary>
public sealed class DroneLiquidOptions
{
    /// <summary>The root configuration section.</summary>
    public const string Section = "DroneLiquid";

    /// <summary>Default folder of the flight records (the systemd unit's ReadWritePaths).</summary>
    public const string DefaultRecordDirectory = "/var/lib/droneliquid/flights";

    public AutopilotLinkOptions Autopilot { get; set; } = new();

    public PolicyOptions Policy { get; set; } = new();

    public MissionOptions Mission { get; set; } = new();

    public ControlOptions Control { get; set; } = new();

    public EnvelopeOptions Envelope { get; set; } = new();

    public FailsafeOptions Failsafe { get; set; } = new();

    public FlightRecorderOptions Recorder { get; set; } = new() { Directory = DefaultRecordDirectory };

    public SensorsOptions Sensors { get; set; } = new();

    public StopOptions Stop { get; set; } = new();
}
