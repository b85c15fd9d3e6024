namespace DroneLiquid.Flight.Control;

/// <summary>
/// The control loop's settings (section "Flight:Control"). Plain properties with named defaults; checked by
/// <see cref="ControlOptionsValidator"/>. The heartbeat timeout and the deadline misses that trigger Hold are
/// failsafe settings and live in <see cref="Failsafe.FailsafeOptions"/>.
/// </summary>
public sealed class ControlOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Flight:Control";

    /// <summary>Default tick rate: 50 Hz (the rate setpoints are streamed at).</summary>
    public const double DefaultRateHz = 50;

    /// <summary>Default battery warning level: 25 % remaining.</summary>
    public const float DefaultBatteryLowFraction = 0.25f;

    /// <summary>Default battery level that lands: 15 % remaining.</summary>
    public const float DefaultBatteryCriticalFraction = 0.15f;

    /// <summary>Default age after which a telemetry stream or camera frame is stale: 0.5 s.</summary>
    public static readonly TimeSpan DefaultSensorStaleAfter = TimeSpan.FromSeconds(0.5);

    /// <summary>Default time a tick may stay unfinished before the supervisor stops the vehicle: 0.5 s.</summary>
    public static readonly TimeSpan DefaultSupervisorStallAfter = TimeSpan.FromSeconds(0.5);

    /// <summary>Default wait for the autopilot to become ready to arm: 60 s.</summary>
    public static readonly TimeSpan DefaultReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Default wait for touchdown once landing: 120 s.</summary>
    public static readonly TimeSpan DefaultLandingTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Ticks per second when not driven by the camera; also the deadline (1/RateHz) (default 50; 1 to 500).</summary>
    public double RateHz { get; set; } = DefaultRateHz;

    /// <summary>Tick on each new camera frame instead of at <see cref="RateHz"/> (vision policies; default false).</summary>
    public bool TickOnCameraFrame { get; set; }

    /// <summary>A telemetry stream or camera frame older than this is stale (default 0.5 s; 20 ms to 5 s).</summary>
    public TimeSpan SensorStaleAfter { get; set; } = DefaultSensorStaleAfter;

    /// <summary>What a graceful stop commands before streaming stops (default Hold).</summary>
    public StopAction StopAction { get; set; } = StopAction.Hold;

    /// <summary>A tick unfinished for this long makes the supervisor command Hold (default 0.5 s; 2 periods to 10 s).</summary>
    public TimeSpan SupervisorStallAfter { get; set; } = DefaultSupervisorStallAfter;

    /// <summary>Wait for the autopilot to be ready to arm (default 60 s; 1 s to 10 min).</summary>
    public TimeSpan ReadyTimeout { get; set; } = DefaultReadyTimeout;

    /// <summary>Wait for touchdown once landing before the flight is reported unfinished (default 120 s; 5 s to 30 min).</summary>
    public TimeSpan LandingTimeout { get; set; } = DefaultLandingTimeout;

    /// <summary>Battery fraction below which a warning is raised (default 0.25; 0 to 1).</summary>
    public float BatteryLowFraction { get; set; } = DefaultBatteryLowFraction;

    /// <summary>Battery fraction below which the vehicle lands (default 0.15; 0 to <see cref="BatteryLowFraction"/>).</summary>
    public float BatteryCriticalFraction { get; set; } = DefaultBatteryCriticalFraction;

    /// <summary>The tick period, 1/<see cref="RateHz"/>.</summary>
    public TimeSpan Period => TimeSpan.FromSeconds(1.0 / RateHz);
}
