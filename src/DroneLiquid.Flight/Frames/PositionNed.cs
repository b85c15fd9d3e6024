namespace DroneLiquid.Flight.Frames;

/// <summary>Position in the local North-East-Down frame relative to home, metres (altitude above home is -Down).</summary>
public readonly record struct PositionNed(float NorthMetres, float EastMetres, float DownMetres)
{
    /// <summary>Horizontal distance from home, m.</summary>
    public float HorizontalDistance => MathF.Sqrt((NorthMetres * NorthMetres) + (EastMetres * EastMetres));

    /// <summary>Height above home, m (up positive).</summary>
    public float AltitudeMetres => -DownMetres;

    /// <summary>True when every component is a finite number.</summary>
    public bool IsFinite => float.IsFinite(NorthMetres) && float.IsFinite(EastMetres) && float.IsFinite(DownMetres);
}
