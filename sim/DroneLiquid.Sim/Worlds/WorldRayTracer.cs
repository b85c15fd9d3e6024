using System.Numerics;
using System.Runtime.CompilerServices;

namespace DroneLiquid.Sim.Worlds;

/// <summary>
/// Casts rays through a <see cref="World"/>: ground plane first, then a 2D DDA walk over the uniform grid from
/// where the ray enters the obstacle layer to where it leaves it, testing each obstacle once per ray (a mailbox
/// stamp per obstacle) and stopping as soon as the nearest hit lies inside the cell being walked.
/// One tracer per thread; it owns its mailbox and allocates nothing per ray.
/// </summary>
public sealed class WorldRayTracer
{
    private readonly World _world;
    private readonly CullEntry[] _cull;
    private int _stamp;

    public WorldRayTracer(World world)
    {
        _world = world;
        ReadOnlySpan<Obstacle> obstacles = world.Obstacles;

        // Cheap culling data per obstacle, packed with its mailbox stamp in one small struct for locality:
        // footprint circle (north, east, radius) and vertical extent (min and max down).
        _cull = new CullEntry[obstacles.Length];
        for (int i = 0; i < obstacles.Length; i++)
        {
            (Vector3 min, Vector3 max) = obstacles[i].Bounds;
            Vector3 centre = 0.5f * (min + max);
            float radius = obstacles[i].Shape == ObstacleShape.Box
                ? 0.5f * new Vector2(max.X - min.X, max.Y - min.Y).Length()
                : 0.5f * (max.X - min.X);
            _cull[i] = new CullEntry { North = centre.X, East = centre.Y, Radius = radius, MinDown = min.Z, MaxDown = max.Z };
        }
    }

    public World World => _world;

    /// <summary>Traces a unit-direction ray up to <paramref name="maxDistanceMetres"/>; false when it meets nothing (sky).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Trace(Vector3 origin, Vector3 direction, float maxDistanceMetres, out RayHit hit)
    {
        hit = default;
        hit.ObstacleIndex = -2;
        float best = maxDistanceMetres;
        if (direction.Z > 1e-6f && origin.Z < 0f)
        {
            float ground = -origin.Z / direction.Z;
            if (ground < best)
            {
                best = ground;
                hit.ObstacleIndex = -1;
                hit.NormalNed = new Vector3(0f, 0f, -1f);
            }
        }

        float start = 0f, end = best;
        float top = _world.TopDownMetres;
        if (origin.Z < top)
        {
            if (direction.Z <= 0f)
            {
                return Finish(ref hit, best);
            }

            start = (top - origin.Z) / direction.Z;
        }
        else if (direction.Z < 0f)
        {
            end = MathF.Min(end, (top - origin.Z) / direction.Z);
        }

        UniformGrid grid = _world.Grid;
        float extent = _world.HalfExtentMetres;
        bool alongN = MathF.Abs(direction.X) >= 1e-12f, alongE = MathF.Abs(direction.Y) >= 1e-12f;
        float inverseN = alongN ? 1f / direction.X : 0f, inverseE = alongE ? 1f / direction.Y : 0f;
        if (!ClipToRange(origin.X, alongN, inverseN, extent, ref start, ref end) || !ClipToRange(origin.Y, alongE, inverseE, extent, ref start, ref end))
        {
            return Finish(ref hit, best);
        }

        if (++_stamp == int.MaxValue)
        {
            for (int i = 0; i < _cull.Length; i++)
            {
                _cull[i].Stamp = 0;
            }

            _stamp = 1;
        }

        float cell = grid.CellSizeMetres;
        Vector3 entry = origin + (start * direction);
        (int n, int e) = grid.CellOf(entry.X, entry.Y);
        int stepN = direction.X > 0f ? 1 : -1, stepE = direction.Y > 0f ? 1 : -1;
        float deltaN = alongN ? MathF.Abs(cell * inverseN) : float.PositiveInfinity;
        float deltaE = alongE ? MathF.Abs(cell * inverseE) : float.PositiveInfinity;
        float boundaryN = grid.MinNorth + ((n + (stepN > 0 ? 1 : 0)) * cell);
        float boundaryE = grid.MinEast + ((e + (stepE > 0 ? 1 : 0)) * cell);
        float nextN = alongN ? (boundaryN - origin.X) * inverseN : float.PositiveInfinity;
        float nextE = alongE ? (boundaryE - origin.Y) * inverseE : float.PositiveInfinity;
        ReadOnlySpan<Obstacle> obstacles = _world.Obstacles;
        int cells = grid.CellsPerSide;
        float horizontalLength = new Vector2(direction.X, direction.Y).Length();
        float inverseHorizontal = horizontalLength > 1e-9f ? 1f / horizontalLength : 0f;
        float cellEnter = start;
        while (true)
        {
            float exit = MathF.Min(nextN, nextE);
            float zA = origin.Z + (cellEnter * direction.Z), zB = origin.Z + (MathF.Min(exit, best) * direction.Z);
            float zLow = MathF.Min(zA, zB), zHigh = MathF.Max(zA, zB);
            foreach (int index in grid.Cell(n, e))
            {
                ref CullEntry cull = ref _cull[index];
                if (cull.Stamp == _stamp)
                {
                    continue;
                }

                // Footprint cull, once per ray: the ray's ground track passes farther from the centre than the radius.
                float across = ((direction.X * (cull.East - origin.Y)) - (direction.Y * (cull.North - origin.X))) * inverseHorizontal;
                if (inverseHorizontal > 0f && MathF.Abs(across) > cull.Radius)
                {
                    cull.Stamp = _stamp;
                    continue;
                }

                // Vertical cull within this cell only (the obstacle may still be hit in another cell).
                if (cull.MaxDown < zLow || cull.MinDown > zHigh)
                {
                    continue;
                }

                cull.Stamp = _stamp;
                if (RayIntersections.Intersect(in obstacles[index], origin, direction, 1e-4f, best, out float t, out Vector3 normal))
                {
                    best = t;
                    hit.ObstacleIndex = index;
                    hit.NormalNed = normal;
                }
            }

            if (best <= exit || exit >= end)
            {
                break;
            }

            cellEnter = exit;

            if (nextN < nextE)
            {
                n += stepN;
                nextN += deltaN;
                if ((uint)n >= (uint)cells)
                {
                    break;
                }
            }
            else
            {
                e += stepE;
                nextE += deltaE;
                if ((uint)e >= (uint)cells)
                {
                    break;
                }
            }
        }

        return Finish(ref hit, best);
    }

    private static bool Finish(ref RayHit hit, float best)
    {
        hit.DistanceMetres = best;
        return hit.ObstacleIndex >= -1;
    }

    /// <summary>Narrows [start, end] to where the ray's coordinate lies within [-extent, extent] on one ground axis.</summary>
    private static bool ClipToRange(float origin, bool moving, float inverseDirection, float extent, ref float start, ref float end)
    {
        if (!moving)
        {
            return origin >= -extent && origin <= extent && start < end;
        }

        float t0 = (-extent - origin) * inverseDirection, t1 = (extent - origin) * inverseDirection;
        start = MathF.Max(start, MathF.Min(t0, t1));
        end = MathF.Min(end, MathF.Max(t0, t1));
        return start < end;
    }

    private struct CullEntry
    {
        public float North;
        public float East;
        public float Radius;
        public float MinDown;
        public float MaxDown;
        public int Stamp;
    }
}
