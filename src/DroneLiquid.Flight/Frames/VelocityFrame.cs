namespace DroneLiquid.Flight.Frames;

/// <summary>The frame a policy's velocity command is expressed in.</summary>
public enum VelocityFrame : byte
{
    /// <summary>Local North-East-Down.</summary>
    Ned = 0,

    /// <summary>Body Forward-Right-Down, rotated to NED by the current yaw only (level flight: roll and pitch are the autopilot's).</summary>
    BodyFrd = 1,
}
