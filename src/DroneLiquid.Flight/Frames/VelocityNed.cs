namespace DroneLiquid.Flight.Frames;

/// <summary>Velocity in the local North-East-Down frame, m/s (down positive).</summary>
public readonly record struct VelocityNed(float NorthMetresPerSecond, float EastMetresPerSecond, float DownMetresPerSecond)
{
    /// <summary>Horizontal speed, m/s.</summary>
    public float HorizontalSpeed => MathF.Sqrt((NorthMetresPerSecond * NorthMetresPerSecond) + (EastMetresPerSecond * EastMetresPerSecond));

    /// <summary>True when every component is a finite number.</summary>
    public bool IsFinite => float.IsFinite(NorthMetresPerSecond) && float.IsFinite(EastMetresPerSecond) && float.IsFinite(DownMetresPerSecond);
}
