using System.Numerics;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Expert;

/// <summary>
/// The expert's privileged plan: a horizontal grid over the world at the cruise height holding each cell's obstacle
/// clearance (from the world's exact distance field) and its cost to go to the target (Dijkstra from the target over
/// 8-connected free cells, each step weighted up near obstacles so that paths keep to the middle of gaps). One map
/// serves every position the vehicle may reach, so the expert recovers from any deviation (noise, a learner in
/// control) without re-planning. Built once per episode; queries allocate nothing.
/// </summary>
public sealed class CostToGoMap
{
    /// <summary>Grid spacing, metres.</summary>
    public const float CellMetres = 0.5f;

    /// <summary>Cells closer than this to an obstacle surface are not flown through, metres (collision radius 0.35 m plus margin).</summary>
    public const float BlockedClearanceMetres = 0.75f;

    /// <summary>Clearance below which a step costs more, metres.</summary>
    public const float PreferredClearanceMetres = 2.5f;

    /// <summary>Clearances are recorded up to this distance; anything farther reads as this value, metres.</summary>
    public const float ClearanceCapMetres = 5f;

    private const float ClearancePenaltyPerMetre = 1.5f;

    private static readonly (int DN, int DE, float Length)[] Neighbours =
    [
        (1, 0, 1f), (-1, 0, 1f), (0, 1, 1f), (0, -1, 1f),
        (1, 1, MathF.Sqrt(2f)), (1, -1, MathF.Sqrt(2f)), (-1, 1, MathF.Sqrt(2f)), (-1, -1, MathF.Sqrt(2f)),
    ];

    private readonly float[] _clearance;
    private readonly float[] _cost;

    public CostToGoMap(World world, float cruiseDownMetres)
    {
        ArgumentNullException.ThrowIfNull(world);
        HalfExtentMetres = world.HalfExtentMetres;
        Size = (int)MathF.Ceiling(2f * HalfExtentMetres / CellMetres);
        Target = new Vector2(world.TargetNed.X, world.TargetNed.Y);
        _clearance = new float[Size * Size];
        _cost = new float[Size * Size];
        for (int n = 0; n < Size; n++)
        {
            for (int e = 0; e < Size; e++)
            {
                // Clearance matters only up to a few metres (step costs and the expert's speed saturate below
                // ClearanceCapMetres), so the search stops there instead of the world's 20 m.
                var point = new Vector3(CentreOf(n, e), cruiseDownMetres);
                _clearance[(n * Size) + e] = world.Collides(point, ClearanceCapMetres, out int nearest)
                    ? world.Obstacles[nearest].SignedDistance(point)
                    : ClearanceCapMetres;
            }
        }

        Plan();
    }

    /// <summary>Cells along one side.</summary>
    public int Size { get; }

    public float HalfExtentMetres { get; }

    /// <summary>The target, north-east metres.</summary>
    public Vector2 Target { get; }

    /// <summary>Cost to go from the cell holding <paramref name="northEast"/> (metres of weighted path), or +infinity when blocked, unreachable or off the map.</summary>
    public float CostAt(Vector2 northEast) => TryCell(northEast, out int n, out int e) ? _cost[(n * Size) + e] : float.PositiveInfinity;

    /// <summary>Clearance of the cell holding <paramref name="northEast"/> at the cruise height, metres, capped at <see cref="ClearanceCapMetres"/> (0 off the map).</summary>
    public float ClearanceAt(Vector2 northEast) => TryCell(northEast, out int n, out int e) ? _clearance[(n * Size) + e] : 0f;

    /// <summary>True when the straight segment from <paramref name="from"/> to <paramref name="to"/> stays in cells with at least <paramref name="clearanceMetres"/>.</summary>
    public bool SegmentClear(Vector2 from, Vector2 to, float clearanceMetres)
    {
        float length = Vector2.Distance(from, to);
        int steps = Math.Max(1, (int)MathF.Ceiling(length / (0.5f * CellMetres)));
        for (int i = 0; i <= steps; i++)
        {
            if (ClearanceAt(Vector2.Lerp(from, to, i / (float)steps)) < clearanceMetres)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Follows the steepest descent of the cost to go from <paramref name="from"/> for up to <paramref name="lookaheadMetres"/>
    /// and returns the farthest point of that chain the vehicle can reach in a straight line (the carrot to fly at).
    /// False when <paramref name="from"/> lies in a blocked or unreachable cell.
    /// </summary>
    public bool TryCarrot(Vector2 from, float lookaheadMetres, out Vector2 carrot)
    {
        carrot = from;
        if (!TryCell(from, out int n, out int e) || !float.IsFinite(_cost[(n * Size) + e]))
        {
            return false;
        }

        int steps = (int)(lookaheadMetres / CellMetres);
        for (int k = 0; k < steps; k++)
        {
            int index = (n * Size) + e;
            if (_cost[index] == 0f)
            {
                carrot = Target;
                return true;
            }

            int bestN = n, bestE = e;
            float best = _cost[index];
            foreach ((int dn, int de, _) in Neighbours)
            {
                int nn = n + dn, ne = e + de;
                if ((uint)nn < (uint)Size && (uint)ne < (uint)Size && _cost[(nn * Size) + ne] < best)
                {
                    best = _cost[(nn * Size) + ne];
                    (bestN, bestE) = (nn, ne);
                }
            }

            if (bestN == n && bestE == e)
            {
                break;
            }

            (n, e) = (bestN, bestE);
            Vector2 next = CentreOf(n, e);
            if (!SegmentClear(from, next, BlockedClearanceMetres))
            {
                break;
            }

            carrot = next;
        }

        return true;
    }

    /// <summary>The reachable cell nearest to <paramref name="from"/> within <paramref name="radiusMetres"/> with the lowest cost plus distance; false if none.</summary>
    public bool TryEscape(Vector2 from, float radiusMetres, out Vector2 point)
    {
        point = from;
        int reach = (int)MathF.Ceiling(radiusMetres / CellMetres);
        (int n0, int e0) = Clamp(from);
        float best = float.PositiveInfinity;
        for (int n = Math.Max(0, n0 - reach); n <= Math.Min(Size - 1, n0 + reach); n++)
        {
            for (int e = Math.Max(0, e0 - reach); e <= Math.Min(Size - 1, e0 + reach); e++)
            {
                float cost = _cost[(n * Size) + e];
                if (!float.IsFinite(cost))
                {
                    continue;
                }

                Vector2 centre = CentreOf(n, e);
                float score = cost + (4f * Vector2.Distance(centre, from));
                if (score < best)
                {
                    best = score;
                    point = centre;
                }
            }
        }

        return float.IsFinite(best);
    }

    private void Plan()
    {
        Array.Fill(_cost, float.PositiveInfinity);
        if (!TryCell(Target, out int tn, out int te))
        {
            return;
        }

        var queue = new PriorityQueue<int, float>(Size * 4);
        int start = (tn * Size) + te;
        _cost[start] = 0f;
        queue.Enqueue(start, 0f);
        while (queue.TryDequeue(out int index, out float cost))
        {
            if (cost > _cost[index])
            {
                continue;
            }

            int n = index / Size, e = index % Size;
            foreach ((int dn, int de, float length) in Neighbours)
            {
                int nn = n + dn, ne = e + de;
                if ((uint)nn >= (uint)Size || (uint)ne >= (uint)Size)
                {
                    continue;
                }

                int next = (nn * Size) + ne;
                float clearance = _clearance[next];
                if (clearance < BlockedClearanceMetres || (dn != 0 && de != 0 && (_clearance[(nn * Size) + e] < BlockedClearanceMetres || _clearance[(n * Size) + ne] < BlockedClearanceMetres)))
                {
                    continue;
                }

                float penalty = 1f + (ClearancePenaltyPerMetre * MathF.Max(0f, PreferredClearanceMetres - clearance));
                float candidate = cost + (length * CellMetres * penalty);
                if (candidate < _cost[next])
                {
                    _cost[next] = candidate;
                    queue.Enqueue(next, candidate);
                }
            }
        }
    }

    private Vector2 CentreOf(int n, int e) => new(-HalfExtentMetres + ((n + 0.5f) * CellMetres), -HalfExtentMetres + ((e + 0.5f) * CellMetres));

    private bool TryCell(Vector2 northEast, out int n, out int e)
    {
        n = (int)MathF.Floor((northEast.X + HalfExtentMetres) / CellMetres);
        e = (int)MathF.Floor((northEast.Y + HalfExtentMetres) / CellMetres);
        return (uint)n < (uint)Size && (uint)e < (uint)Size;
    }

    private (int N, int E) Clamp(Vector2 northEast)
    {
        TryCell(northEast, out int n, out int e);
        return (Math.Clamp(n, 0, Size - 1), Math.Clamp(e, 0, Size - 1));
    }
}
