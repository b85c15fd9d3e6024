using System.Numerics;
using System.Runtime.CompilerServices;

namespace DroneLiquid.Sim.Worlds;

/// <summary>
/// A static world: ground plane at down 0, obstacles indexed by a uniform grid, a palette, and the target
/// marker (stored as the last, non-solid obstacle so the camera sees it and collisions ignore it).
/// Queries are allocation-free; they are not thread-safe (each camera owns its own <see cref="WorldRayTracer"/>).
/// </summary>
public sealed class World
{
    /// <summary>Clearance is searched out to this distance; anything farther reads as this value, metres.</summary>
    public const float ClearanceSearchRadiusMetres = 20f;

    private const float NearSearchRadiusMetres = 5f;

    /// <summary>Street grid of the urban world: streets are centred on multiples of this period, metres.</summary>
    public const float StreetPeriodMetres = 42f;

    public const float StreetWidthMetres = 12f;

    private readonly Obstacle[] _obstacles;

    public World(WorldKind kind, float halfExtentMetres, ReadOnlySpan<Obstacle> obstacles, Vector3 targetNed, float targetRadiusMetres,
        WorldPalette? palette = null, float cellSizeMetres = 6f)
    {
        if (!float.IsFinite(halfExtentMetres) || halfExtentMetres < 1f)
        {
            throw new ArgumentOutOfRangeException(nameof(halfExtentMetres), halfExtentMetres, "halfExtentMetres must be at least 1");
        }

        Kind = kind;
        HalfExtentMetres = halfExtentMetres;
        Palette = palette ?? WorldPalette.For(kind);
        TargetNed = targetNed;
        TargetRadiusMetres = targetRadiusMetres;
        _obstacles = new Obstacle[obstacles.Length + 1];
        obstacles.CopyTo(_obstacles);
        _obstacles[^1] = Obstacle.Sphere(targetNed, targetRadiusMetres, new Vector3(1.0f, 0.15f, 0.75f), solid: false, SurfacePattern.Emissive);
        Grid = new UniformGrid(_obstacles, halfExtentMetres, cellSizeMetres);
        TopDownMetres = 0f;
        foreach (Obstacle o in _obstacles)
        {
            TopDownMetres = MathF.Min(TopDownMetres, o.Bounds.Min.Z);
        }
    }

    public WorldKind Kind { get; }

    public float HalfExtentMetres { get; }

    public WorldPalette Palette { get; }

    public Vector3 TargetNed { get; }

    public float TargetRadiusMetres { get; }

    /// <summary>Every obstacle, the target marker last.</summary>
    public ReadOnlySpan<Obstacle> Obstacles => _obstacles;

    public int TargetIndex => _obstacles.Length - 1;

    public int SolidObstacleCount => _obstacles.Length - 1;

    public UniformGrid Grid { get; }

    /// <summary>The highest point of any obstacle, as a down value (the most negative), metres.</summary>
    public float TopDownMetres { get; }

    /// <summary>Distance from <paramref name="pointNed"/> to the nearest solid obstacle surface (not the ground), capped at <see cref="ClearanceSearchRadiusMetres"/>.</summary>
    public float Clearance(Vector3 pointNed)
    {
        // Look close first: a surface nearer than the small radius has its bounds within it, so it is found there.
        float near = Nearest(pointNed, NearSearchRadiusMetres, out int obstacle);
        return obstacle >= 0 && near < NearSearchRadiusMetres ? near : Nearest(pointNed, ClearanceSearchRadiusMetres, out _);
    }

    /// <summary>True when a sphere at <paramref name="pointNed"/> touches a solid obstacle; <paramref name="obstacleIndex"/> names it.</summary>
    public bool Collides(Vector3 pointNed, float radiusMetres, out int obstacleIndex)
    {
        float distance = Nearest(pointNed, radiusMetres, out obstacleIndex);
        return obstacleIndex >= 0 && distance < radiusMetres;
    }

    /// <summary>The ground's colour at a point: mottled soil and grass in the forest, streets, lane marks and pavement in the city.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Vector3 GroundColour(float north, float east)
    {
        WorldPalette p = Palette;
        if (Kind == WorldKind.Urban)
        {
            float n = Modulo(north + (0.5f * StreetWidthMetres), StreetPeriodMetres);
            float e = Modulo(east + (0.5f * StreetWidthMetres), StreetPeriodMetres);
            bool streetN = n < StreetWidthMetres, streetE = e < StreetWidthMetres;
            if (streetN || streetE)
            {
                float across = streetN ? n : e;
                float along = streetN ? east : north;
                bool centreLine = MathF.Abs(across - (0.5f * StreetWidthMetres)) < 0.12f && Modulo(along, 6f) < 3f && !(streetN && streetE);
                return centreLine ? new Vector3(0.85f, 0.80f, 0.55f) : p.GroundPrimaryRgb * (0.92f + (0.08f * Hash(north * 2f, east * 2f)));
            }

            bool seam = Modulo(north, 2f) < 0.06f || Modulo(east, 2f) < 0.06f;
            return p.GroundSecondaryRgb * (seam ? 0.8f : 0.95f + (0.05f * Hash(MathF.Floor(north * 0.5f), MathF.Floor(east * 0.5f))));
        }

        float coarse = Hash(MathF.Floor(north * 0.25f), MathF.Floor(east * 0.25f));
        float fine = Hash(MathF.Floor(north * 1.5f), MathF.Floor(east * 1.5f));
        float mix = Math.Clamp((0.65f * coarse) + (0.35f * fine), 0f, 1f);
        return Vector3.Lerp(p.GroundPrimaryRgb, p.GroundSecondaryRgb, mix) * (0.85f + (0.15f * fine));
    }

    /// <summary>A stable fingerprint of the world's content (shapes, positions, sizes, colours) for determinism checks.</summary>
    public ulong ContentHash()
    {
        ulong hash = 14695981039346656037UL;
        foreach (Obstacle o in _obstacles)
        {
            Mix(ref hash, (uint)o.Shape);
            Mix(ref hash, o.A.X); Mix(ref hash, o.A.Y); Mix(ref hash, o.A.Z);
            Mix(ref hash, o.B.X); Mix(ref hash, o.B.Y); Mix(ref hash, o.B.Z);
            Mix(ref hash, o.Radius);
            Mix(ref hash, o.ColourRgb.X); Mix(ref hash, o.ColourRgb.Y); Mix(ref hash, o.ColourRgb.Z);
        }

        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float Nearest(Vector3 p, float searchRadius, out int obstacleIndex)
    {
        obstacleIndex = -1;
        float best = searchRadius;
        (int n0, int e0) = Grid.CellOf(p.X - searchRadius, p.Y - searchRadius);
        (int n1, int e1) = Grid.CellOf(p.X + searchRadius, p.Y + searchRadius);
        for (int n = n0; n <= n1; n++)
        {
            for (int e = e0; e <= e1; e++)
            {
                foreach (int index in Grid.Cell(n, e))
                {
                    ref readonly Obstacle o = ref _obstacles[index];
                    if (!o.Solid)
                    {
                        continue;
                    }

                    float d = o.SignedDistance(p);
                    if (d < best)
                    {
                        best = d;
                        obstacleIndex = index;
                    }
                }
            }
        }

        return best;
    }

    internal static float Modulo(float x, float period) => x - (period * MathF.Floor(x / period));

    /// <summary>A deterministic hash of two numbers into [0, 1), for procedural texture.</summary>
    internal static float Hash(float a, float b)
    {
        uint h = (uint)(int)a * 0x8DA6B343u ^ (uint)(int)b * 0xD8163841u;
        h ^= h >> 13;
        h *= 0x5BD1E995u;
        h ^= h >> 15;
        return (h & 0xFFFFFF) / 16777216f;
    }

    private static void Mix(ref ulong hash, float value) => Mix(ref hash, BitConverter.SingleToUInt32Bits(value));

    private static void Mix(ref ulong hash, uint value)
    {
        hash ^= value;
        hash *= 1099511628211UL;
    }
}
