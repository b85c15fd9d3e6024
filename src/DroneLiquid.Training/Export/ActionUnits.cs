namespace DroneLiquid.Training.Export;

/// <summary>The SI unit of each command name the flight-side ActionDecoder accepts.</summary>
public static class ActionUnits
{
    public static string Of(string name) => name switch
    {
        "yaw_rate" => "rad/s",
        "velocity_body_forward" or "velocity_body_right" or "velocity_body_down"
            or "velocity_ned_north" or "velocity_ned_east" or "velocity_ned_down" => "m/s",
        _ => throw new ArgumentException($"action '{name}' is not a command the flight code sends; allowed: velocity_body_forward/right/down, velocity_ned_north/east/down, yaw_rate"),
    };
}
