using System.Numerics;

namespace DroneLiquid.Sim.Worlds;

/// <summary>
/// A uniform grid over the ground plane (north, east) listing, per cell, the obstacles whose footprint touches
/// it; stored flat (cell start offsets plus one index array) so that lookups never allocate.
/// </summary>
public sealed class UniformGrid
{
    private readonly int[] _cellStart;
    private readonly int[] _indices;

    public UniformGrid(ReadOnlySpan<Obstacle> obstacles, float halfExtentMetres, float cellSizeMetres)
    {
        CellSizeMetres = cellSizeMetres;
        MinNorth = -halfExtentMetres;
        MinEast = -halfExtentMetres;
        CellsPerSide = Math.Max(1, (int)MathF.Ceiling(2f * halfExtentMetres / cellSizeMetres));
        int cells = CellsPerSide * CellsPerSide;
        var cellStart = new int[cells + 1];
        foreach (Obstacle obstacle in obstacles)
        {
            ForEachCell(obstacle, cell => cellStart[cell + 1]++);
        }

        for (int c = 0; c < cells; c++)
        {
            cellStart[c + 1] += cellStart[c];
        }

        var indices = new int[cellStart[cells]];
        var cursor = (int[])cellStart.Clone();
        for (int i = 0; i < obstacles.Length; i++)
        {
            int index = i;
            ForEachCell(obstacles[i], cell => indices[cursor[cell]++] = index);
        }

        _cellStart = cellStart;
        _indices = indices;
    }

    public float CellSizeMetres { get; }

    public float MinNorth { get; }

    public float MinEast { get; }

    public int CellsPerSide { get; }

    /// <summary>The obstacle indices listed in cell (<paramref name="north"/>, <paramref name="east"/>).</summary>
    public ReadOnlySpan<int> Cell(int north, int east)
    {
        int cell = (north * CellsPerSide) + east;
        return _indices.AsSpan(_cellStart[cell], _cellStart[cell + 1] - _cellStart[cell]);
    }

    private void ForEachCell(in Obstacle obstacle, Action<int> action)
    {
        (Vector3 min, Vector3 max) = obstacle.Bounds;
        (int n0, int e0) = CellOf(min.X, min.Y);
        (int n1, int e1) = CellOf(max.X, max.Y);
        for (int n = n0; n <= n1; n++)
        {
            for (int e = e0; e <= e1; e++)
            {
                action((n * CellsPerSide) + e);
            }
        }
    }

    /// <summary>The cell holding a ground-plane point, clamped to the grid.</summary>
    public (int North, int East) CellOf(float north, float east) =>
        (Math.Clamp((int)MathF.Floor((north - MinNorth) / CellSizeMetres), 0, CellsPerSide - 1),
         Math.Clamp((int)MathF.Floor((east - MinEast) / CellSizeMetres), 0, CellsPerSide - 1));
}
