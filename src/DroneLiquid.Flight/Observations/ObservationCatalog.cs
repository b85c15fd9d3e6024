using System.Collections.Frozen;

namespace DroneLiquid.Flight.Observations;

/// <summary>The policy.json name and SI unit of every <see cref="ObservationFeature"/>, and how each is computed.</summary>
public static class ObservationCatalog
{
    private static readonly (ObservationFeature Feature, string Name, string Unit)[] Entries =
    [
        (ObservationFeature.GoalBodyForward, "goal_body_forward", "m"),
        (ObservationFeature.GoalBodyRight, "goal_body_right", "m"),
        (ObservationFeature.GoalBodyDown, "goal_body_down", "m"),
        (ObservationFeature.GoalDistance, "goal_distance", "m"),
        (ObservationFeature.VelocityBodyForward, "velocity_body_forward", "m/s"),
        (ObservationFeature.VelocityBodyRight, "velocity_body_right", "m/s"),
        (ObservationFeature.VelocityBodyDown, "velocity_body_down", "m/s"),
        (ObservationFeature.VelocityNedNorth, "velocity_ned_north", "m/s"),
        (ObservationFeature.VelocityNedEast, "velocity_ned_east", "m/s"),
        (ObservationFeature.VelocityNedDown, "velocity_ned_down", "m/s"),
        (ObservationFeature.PositionNedNorth, "position_ned_north", "m"),
        (ObservationFeature.PositionNedEast, "position_ned_east", "m"),
        (ObservationFeature.PositionNedDown, "position_ned_down", "m"),
        (ObservationFeature.AltitudeAboveHome, "altitude_above_home", "m"),
        (ObservationFeature.Roll, "roll", "rad"),
        (ObservationFeature.Pitch, "pitch", "rad"),
        (ObservationFeature.Yaw, "yaw", "rad"),
        (ObservationFeature.YawSin, "yaw_sin", "1"),
        (ObservationFeature.YawCos, "yaw_cos", "1"),
        (ObservationFeature.GyroX, "gyro_x", "rad/s"),
        (ObservationFeature.GyroY, "gyro_y", "rad/s"),
        (ObservationFeature.GyroZ, "gyro_z", "rad/s"),
        (ObservationFeature.AccelX, "accel_x", "m/s^2"),
        (ObservationFeature.AccelY, "accel_y", "m/s^2"),
        (ObservationFeature.AccelZ, "accel_z", "m/s^2"),
    ];

    private static readonly FrozenDictionary<string, ObservationFeature> ByName =
        Entries.ToFrozenDictionary(e => e.Name, e => e.Feature, StringComparer.Ordinal);

    /// <summary>Every name a policy.json observation may use.</summary>
    public static IEnumerable<string> Names => Entries.Select(e => e.Name);

    /// <summary>The policy.json name of <paramref name="feature"/>.</summary>
    public static string NameOf(ObservationFeature feature) => Entries[(int)feature].Name;

    /// <summary>The SI unit of <paramref name="feature"/>.</summary>
    public static string UnitOf(ObservationFeature feature) => Entries[(int)feature].Unit;

    /// <summary>Finds the feature a policy.json observation names.</summary>
    public static bool TryFind(string name, out ObservationFeature feature) => ByName.TryGetValue(name, out feature);

    /// <summary>The raw (unnormalised) value of <paramref name="feature"/> in <paramref name="snapshot"/>.</summary>
    public static float Compute(ObservationFeature feature, in FlightSnapshot snapshot)
    {
        var (sin, cos) = MathF.SinCos(snapshot.YawRadians);
        var position = snapshot.PositionNed;
        var velocity = snapshot.VelocityNed;
        float goalNorth = snapshot.GoalNed.NorthMetres - position.NorthMetres;
        float goalEast = snapshot.GoalNed.EastMetres - position.EastMetres;
        float goalDown = snapshot.GoalNed.DownMetres - position.DownMetres;
        return feature switch
        {
            // NED -> heading frame is the transpose of FrameConversion.BodyFrdToNed.
            ObservationFeature.GoalBodyForward => (goalNorth * cos) + (goalEast * sin),
            ObservationFeature.GoalBodyRight => (-goalNorth * sin) + (goalEast * cos),
            ObservationFeature.GoalBodyDown => goalDown,
            ObservationFeature.GoalDistance => MathF.Sqrt((goalNorth * goalNorth) + (goalEast * goalEast) + (goalDown * goalDown)),
            ObservationFeature.VelocityBodyForward => (velocity.NorthMetresPerSecond * cos) + (velocity.EastMetresPerSecond * sin),
            ObservationFeature.VelocityBodyRight => (-velocity.NorthMetresPerSecond * sin) + (velocity.EastMetresPerSecond * cos),
            ObservationFeature.VelocityBodyDown => velocity.DownMetresPerSecond,
            ObservationFeature.VelocityNedNorth => velocity.NorthMetresPerSecond,
            ObservationFeature.VelocityNedEast => velocity.EastMetresPerSecond,
            ObservationFeature.VelocityNedDown => velocity.DownMetresPerSecond,
            ObservationFeature.PositionNedNorth => position.NorthMetres,
            ObservationFeature.PositionNedEast => position.EastMetres,
            ObservationFeature.PositionNedDown => position.DownMetres,
            ObservationFeature.AltitudeAboveHome => -position.DownMetres,
            ObservationFeature.Roll => snapshot.RollRadians,
            ObservationFeature.Pitch => snapshot.PitchRadians,
            ObservationFeature.Yaw => snapshot.YawRadians,
            ObservationFeature.YawSin => sin,
            ObservationFeature.YawCos => cos,
            ObservationFeature.GyroX => snapshot.GyroXRadiansPerSecond,
            ObservationFeature.GyroY => snapshot.GyroYRadiansPerSecond,
            ObservationFeature.GyroZ => snapshot.GyroZRadiansPerSecond,
            ObservationFeature.AccelX => snapshot.AccelXMetresPerSecondSquared,
            ObservationFeature.AccelY => snapshot.AccelYMetresPerSecondSquared,
            ObservationFeature.AccelZ => snapshot.AccelZMetresPerSecondSquared,
            _ => throw new ArgumentOutOfRangeException(nameof(feature), feature, "not an observation feature"),
        };
    }
}
