namespace DroneLiquid.Flight.Frames;

/// <summary>The one place a body-frame velocity becomes NED.</summary>
public static class FrameConversion
{
    /// <summary>
    /// Rotates a body FRD velocity into NED by <paramref name="yawRadians"/> (heading, 0 = north, positive clockwise
    /// seen from above): north = f·cos ψ − r·sin ψ, east = f·sin ψ + r·cos ψ, down unchanged.
    /// </summary>
    public static VelocityNed BodyFrdToNed(float forward, float right, float down, float yawRadians)
    {
        var (sin, cos) = MathF.SinCos(yawRadians);
        return new VelocityNed((forward * cos) - (right * sin), (forward * sin) + (right * cos), down);
    }
}
