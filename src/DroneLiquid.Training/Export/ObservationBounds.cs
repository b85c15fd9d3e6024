namespace DroneLiquid.Training.Export;

/// <summary>
/// The validity bounds written as observation Min/Max: physically generous but finite, so a broken sensor
/// (a velocity of 300 m/s, an attitude outside a turn) stops the policy instead of steering it. A bound the
/// training data exceeds is widened to 1.5x the data's range around its centre.
/// </summary>
public static class ObservationBounds
{
    public static (double Min, double Max) For(string name, double dataMin, double dataMax)
    {
        (double min, double max) = name switch
        {
            "goal_body_forward" or "goal_body_right" or "goal_body_down" => (-1000.0, 1000.0),
            "goal_distance" => (0.0, 2000.0),
            "velocity_body_forward" or "velocity_body_right" or "velocity_body_down"
                or "velocity_ned_north" or "velocity_ned_east" or "velocity_ned_down" => (-40.0, 40.0),
            "position_ned_north" or "position_ned_east" or "position_ned_down" => (-10000.0, 10000.0),
            "altitude_above_home" => (-1000.0, 10000.0),
            "roll" or "pitch" => (-Math.PI, Math.PI),
            "yaw" => (-2 * Math.PI, 2 * Math.PI),
            "yaw_sin" or "yaw_cos" => (-1.001, 1.001),
            "gyro_x" or "gyro_y" or "gyro_z" => (-35.0, 35.0),
            "accel_x" or "accel_y" or "accel_z" => (-160.0, 160.0),
            _ => (double.NegativeInfinity, double.PositiveInfinity),
        };
        double centre = (dataMin + dataMax) / 2, half = 0.75 * (dataMax - dataMin);
        return (dataMin < min ? centre - half : min, dataMax > max ? centre + half : max);
    }
}
