namespace DroneLiquid.Service.Host.Options;

/// <summary>Where to fly (section "DroneLiquid:Mission"): a target in the autopilot's local NED frame around home.</summary>
public sealed class MissionOptions
{
    /// <summary>Default take-off and cruise altitude above home, m.</summary>
    public const float DefaultAltitude = 3f;

    /// <summary>Default radius around the target that counts as reached, m.</summary>
    public const float DefaultTargetRadius = 1f;

    /// <summary>Default time limit of policy control: 180 s.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(180);

    /// <summary>Target north of home, m (local NED).</summary>
    public float TargetNorthMetres { get; set; }

    /// <summary>Target east of home, m (local NED).</summary>
    public float TargetEastMetres { get; set; }

    /// <summary>Take-off altitude and the target's altitude above home, m (default 3).</summary>
    public float AltitudeMetres { get; set; } = DefaultAltitude;

    /// <summary>Distance from the target that counts as reached, m (default 1; 0.2 to 50).</summary>
    public float TargetRadiusMetres { get; set; } = DefaultTargetRadius;

    /// <summary>Longest policy control before the mission ends with a landing (default 180 s; 1 s to 24 h).</summary>
    public TimeSpan TimeLimit { get; set; } = DefaultTimeLimit;
}
