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
        BodyFrdToNed(forward, right, yawRadians, out double north, out double east);
        return new VelocityNed((float)north, (float)east, down);
    }

    /// <summary>The horizontal part of <see cref="BodyFrdToNed(float, float, float, float)"/> in doubles, so huge inputs do not overflow.</summary>
    public static void BodyFrdToNed(double forward, double right, double yawRadians, out double north, out double east)
    {
        var (sin, cos) = Math.SinCos(yawRadians);
        north = (forward * cos) - (right * sin);
        east = (forward * sin) + (right * cos);
    }
}
