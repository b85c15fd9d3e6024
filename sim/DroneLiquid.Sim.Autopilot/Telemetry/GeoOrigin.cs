namespace DroneLiquid.Sim.Autopilot.Telemetry;

/// <summary>
/// Where the simulated local NED frame sits on Earth: the home point (PX4 SITL's default, Zurich, at 488 m AMSL).
/// Positions convert with a flat-Earth approximation, exact to centimetres over a few kilometres.
/// </summary>
public readonly record struct GeoOrigin(double LatitudeDegrees, double LongitudeDegrees, double AltitudeAmslMetres)
{
    private const double EarthRadiusMetres = 6_371_000;

    public static GeoOrigin Default { get; } = new(47.397742, 8.545594, 488.0);

    /// <summary>Latitude and longitude in 1e-7 degrees of a NED position (metres).</summary>
    public (int LatitudeE7, int LongitudeE7) ToLatLonE7(float northMetres, float eastMetres)
    {
        double lat = LatitudeDegrees + (northMetres / EarthRadiusMetres * (180.0 / Math.PI));
        double lon = LongitudeDegrees + (eastMetres / (EarthRadiusMetres * Math.Cos(LatitudeDegrees * Math.PI / 180.0)) * (180.0 / Math.PI));
        return ((int)Math.Round(lat * 1e7), (int)Math.Round(lon * 1e7));
    }
}
