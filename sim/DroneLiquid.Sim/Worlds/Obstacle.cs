using System.Numerics;

namespace DroneLiquid.Sim.Worlds;

/// <summary>
/// One primitive of a world, in local NED metres (down 0 is the ground, so heights are negative down values).
/// The meaning of <see cref="A"/>, <see cref="B"/> and <see cref="Radius"/> depends on the shape:
/// cylinder A = (north, east, top down), B = (north, east, bottom down); sphere A = centre;
/// box A = minimum corner, B = maximum corner; cone A = apex, B = centre of the base.
/// Colours are linear RGB, 0..1. Non-solid obstacles (the target marker) are seen but never collide.
/// </summary>
public readonly record struct Obstacle(ObstacleShape Shape, Vector3 A, Vector3 B, float Radius, Vector3 ColourRgb, bool Solid, SurfacePattern Pattern)
{
    public static Obstacle Cylinder(float north, float east, float radius, float bottomAltitude, float topAltitude, Vector3 colour) =>
        new(ObstacleShape.Cylinder, new Vector3(north, east, -topAltitude), new Vector3(north, east, -bottomAltitude), radius, colour, true, SurfacePattern.Plain);

    public static Obstacle Sphere(Vector3 centreNed, float radius, Vector3 colour, bool solid = true, SurfacePattern pattern = SurfacePattern.Plain) =>
        new(ObstacleShape.Sphere, centreNed, centreNed, radius, colour, solid, pattern);

    /// <summary>A box from ground-plane corners and altitudes (metres above ground).</summary>
    public static Obstacle Box(float minNorth, float minEast, float maxNorth, float maxEast, float bottomAltitude, float topAltitude, Vector3 colour,
        SurfacePattern pattern = SurfacePattern.Plain) =>
        new(ObstacleShape.Box, new Vector3(minNorth, minEast, -topAltitude), new Vector3(maxNorth, maxEast, -bottomAltitude), 0f, colour, true, pattern);

    public static Obstacle Cone(float north, float east, float baseRadius, float baseAltitude, float apexAltitude, Vector3 colour) =>
        new(ObstacleShape.Cone, new Vector3(north, east, -apexAltitude), new Vector3(north, east, -baseAltitude), baseRadius, colour, true, SurfacePattern.Plain);

    /// <summary>Axis-aligned bounds, NED.</summary>
    public (Vector3 Min, Vector3 Max) Bounds => Shape switch
    {
        ObstacleShape.Sphere => (A - new Vector3(Radius), A + new Vector3(Radius)),
        ObstacleShape.Box => (A, B),
        _ => (new Vector3(A.X - Radius, A.Y - Radius, A.Z), new Vector3(A.X + Radius, A.Y + Radius, B.Z)),
    };

    /// <summary>Distance from <paramref name="p"/> to the surface, metres: positive outside, negative inside.</summary>
    public float SignedDistance(Vector3 p)
    {
        switch (Shape)
        {
            case ObstacleShape.Sphere:
                return Vector3.Distance(p, A) - Radius;
            case ObstacleShape.Box:
            {
                Vector3 centre = 0.5f * (A + B);
                Vector3 half = 0.5f * (B - A);
                Vector3 q = Vector3.Abs(p - centre) - half;
                return Vector3.Max(q, Vector3.Zero).Length() + MathF.Min(MathF.Max(q.X, MathF.Max(q.Y, q.Z)), 0f);
            }

            case ObstacleShape.Cylinder:
            {
                float radial = new Vector2(p.X - A.X, p.Y - A.Y).Length() - Radius;
                float vertical = MathF.Max(A.Z - p.Z, p.Z - B.Z);
                var q = new Vector2(radial, vertical);
                return Vector2.Max(q, Vector2.Zero).Length() + MathF.Min(MathF.Max(radial, vertical), 0f);
            }

            default:
                return ConeDistance(p);
        }
    }

    private float ConeDistance(Vector3 p)
    {
        // In the half-plane (radial r, depth below apex z) the cone is the triangle (0,0), (R,h), (0,h).
        float h = B.Z - A.Z;
        float r = new Vector2(p.X - A.X, p.Y - A.Y).Length();
        float z = p.Z - A.Z;
        var point = new Vector2(r, z);
        float side = SegmentDistance(point, Vector2.Zero, new Vector2(Radius, h));
        float bottom = SegmentDistance(point, new Vector2(0f, h), new Vector2(Radius, h));
        float distance = MathF.Min(side, bottom);
        bool inside = z >= 0f && z <= h && r * h <= Radius * z;
        return inside ? -distance : distance;
    }

    private static float SegmentDistance(Vector2 p, Vector2 a, Vector2 b)
    {
        Vector2 ab = b - a;
        float t = Math.Clamp(Vector2.Dot(p - a, ab) / ab.LengthSquared(), 0f, 1f);
        return Vector2.Distance(p, a + (t * ab));
    }
}
