using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DroneLiquid.Liquid.Cells;

/// <summary>
/// An affine map <c>y = W x + b</c> (torch <c>Linear</c>, W given [rows, cols] row-major) re-laid out at
/// load time for a fast, allocation-free matrix-vector product.
/// </summary>
/// <remarks>
/// Rows are grouped into panels of four (one 128-bit vector, on every machine) and panels into blocks of up to
/// four, so that one broadcast of <c>x[k]</c> feeds up to four independent SIMD multiply-adds. Each block stores,
/// column after column, only the columns in which at least one of its rows is non-zero: columns that a sparsity
/// mask zeroes for a whole block are skipped entirely. The panel is four rows wide even where wider vectors exist
/// (AVX2, AVX-512), because the blocks decide the order in which a row's products are summed: with panels as wide
/// as the machine's vectors, an x64 summed some rows in another order than an ARM64, and a flight recorded on the
/// vehicle did not replay bit for bit on a workstation. The destination must hold <see cref="PaddedRows"/> values;
/// entries past <see cref="Rows"/> are 0.
/// </remarks>
internal sealed class PackedMatrix
{
    private const int MaxPanelsPerBlock = 4;
    private const int Lanes = 4; // Vector128<float>.Count: the same panels on every machine

    private readonly float[] _data;
    private readonly float[] _bias;
    private readonly Block[] _blocks;
    private readonly int[] _columns;
    private readonly int _panelRows;

    private PackedMatrix(int rows, int cols, float[] data, float[] bias, Block[] blocks, int[] columns)
    {
        Rows = rows;
        Cols = cols;
        _panelRows = (rows + Lanes - 1) / Lanes * Lanes;
        _data = data;
        _bias = bias;
        _blocks = blocks;
        _columns = columns;
    }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Rows rounded up to whole <see cref="Vector{T}"/> widths (the cells' loops step by them): the length the destination of <see cref="Multiply"/> needs.</summary>
    public int PaddedRows => _bias.Length;

    /// <summary>Number of stored (row, column) weights, padding included: what one product touches.</summary>
    public int StoredWeights => _data.Length;

    public static int PadRows(int rows) => (rows + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <param name="weights">[rows, cols] row-major.</param>
    /// <param name="bias">[rows], or empty for no bias.</param>
    public static PackedMatrix Create(ReadOnlySpan<float> weights, int rows, int cols, ReadOnlySpan<float> bias)
    {
        if (rows < 1 || cols < 1 || weights.Length != rows * cols)
        {
            throw new ArgumentException($"weights hold {weights.Length} values, expected rows {rows} x cols {cols}", nameof(weights));
        }

        if (!bias.IsEmpty && bias.Length != rows)
        {
            throw new ArgumentException($"bias holds {bias.Length} values, expected {rows}", nameof(bias));
        }

        const int lanes = Lanes;
        int panels = (rows + lanes - 1) / lanes;
        var paddedBias = new float[PadRows(rows)]; // a whole number of four-row panels too: Vector<float>.Count is a multiple of 4
        bias.CopyTo(paddedBias);

        var blocks = new List<Block>();
        var columns = new List<int>();
        var data = new List<float>();
        for (int firstPanel = 0; firstPanel < panels;)
        {
            int remaining = panels - firstPanel;
            int width = remaining >= MaxPanelsPerBlock ? MaxPanelsPerBlock : remaining >= 2 ? 2 : 1;
            int firstRow = firstPanel * lanes;
            int blockRows = width * lanes;
            int columnStart = columns.Count;
            for (int k = 0; k < cols; k++)
            {
                bool any = false;
                for (int r = firstRow; r < Math.Min(firstRow + blockRows, rows) && !any; r++)
                {
                    any = weights[r * cols + k] != 0f;
                }

                if (!any)
                {
                    continue;
                }

                columns.Add(k);
                for (int r = firstRow; r < firstRow + blockRows; r++)
                {
                    data.Add(r < rows ? weights[r * cols + k] : 0f);
                }
            }

            blocks.Add(new Block(firstRow, width, columnStart, columns.Count - columnStart, data.Count - (columns.Count - columnStart) * blockRows));
            firstPanel += width;
        }

        return new PackedMatrix(rows, cols, data.ToArray(), paddedBias, blocks.ToArray(), columns.ToArray());
    }

    /// <summary>y[0..PaddedRows) = W x + b (rows past <see cref="Rows"/> get 0).</summary>
    public void Multiply(ReadOnlySpan<float> x, Span<float> y)
    {
        if (x.Length < Cols || y.Length < PaddedRows)
        {
            ThrowSizes(x.Length, y.Length);
        }

        ref float xRef = ref MemoryMarshal.GetReference(x);
        ref float yRef = ref MemoryMarshal.GetReference(y);
        ref float wRef = ref MemoryMarshal.GetArrayDataReference(_data);
        ref float bRef = ref MemoryMarshal.GetArrayDataReference(_bias);
        ref int cRef = ref MemoryMarshal.GetArrayDataReference(_columns);
        foreach (var block in _blocks)
        {
            ref float w = ref Unsafe.Add(ref wRef, block.DataOffset);
            ref int c = ref Unsafe.Add(ref cRef, block.ColumnOffset);
            switch (block.Panels)
            {
                case 4:
                    Block4(ref xRef, ref w, ref c, block.ColumnCount, ref Unsafe.Add(ref bRef, block.FirstRow), ref Unsafe.Add(ref yRef, block.FirstRow));
                    break;
                case 2:
                    Block2(ref xRef, ref w, ref c, block.ColumnCount, ref Unsafe.Add(ref bRef, block.FirstRow), ref Unsafe.Add(ref yRef, block.FirstRow));
                    break;
                default:
                    Block1(ref xRef, ref w, ref c, block.ColumnCount, ref Unsafe.Add(ref bRef, block.FirstRow), ref Unsafe.Add(ref yRef, block.FirstRow));
                    break;
            }
        }

        y[_panelRows..PaddedRows].Clear();
    }

    private static void Block4(ref float x, ref float w, ref int cols, int count, ref float bias, ref float y)
    {
        const int lanes = Lanes;
        var a0 = Vector128.LoadUnsafe(ref bias);
        var a1 = Vector128.LoadUnsafe(ref bias, (nuint)lanes);
        var a2 = Vector128.LoadUnsafe(ref bias, (nuint)(2 * lanes));
        var a3 = Vector128.LoadUnsafe(ref bias, (nuint)(3 * lanes));
        for (int j = 0; j < count; j++)
        {
            var xk = Vector128.Create(Unsafe.Add(ref x, Unsafe.Add(ref cols, j)));
            nuint o = (nuint)(j * 4 * lanes);
            a0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o), xk, a0);
            a1 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)lanes), xk, a1);
            a2 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)(2 * lanes)), xk, a2);
            a3 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)(3 * lanes)), xk, a3);
        }

        a0.StoreUnsafe(ref y);
        a1.StoreUnsafe(ref y, (nuint)lanes);
        a2.StoreUnsafe(ref y, (nuint)(2 * lanes));
        a3.StoreUnsafe(ref y, (nuint)(3 * lanes));
    }

    private static void Block2(ref float x, ref float w, ref int cols, int count, ref float bias, ref float y)
    {
        const int lanes = Lanes;
        var a0 = Vector128.LoadUnsafe(ref bias);
        var a1 = Vector128.LoadUnsafe(ref bias, (nuint)lanes);
        var b0 = Vector128<float>.Zero;
        var b1 = Vector128<float>.Zero;
        int j = 0;
        for (; j + 1 < count; j += 2)
        {
            var xk = Vector128.Create(Unsafe.Add(ref x, Unsafe.Add(ref cols, j)));
            var xl = Vector128.Create(Unsafe.Add(ref x, Unsafe.Add(ref cols, j + 1)));
            nuint o = (nuint)(j * 2 * lanes);
            a0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o), xk, a0);
            a1 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)lanes), xk, a1);
            b0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)(2 * lanes)), xl, b0);
            b1 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)(3 * lanes)), xl, b1);
        }

        if (j < count)
        {
            var xk = Vector128.Create(Unsafe.Add(ref x, Unsafe.Add(ref cols, j)));
            nuint o = (nuint)(j * 2 * lanes);
            a0 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o), xk, a0);
            a1 = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)lanes), xk, a1);
        }

        (a0 + b0).StoreUnsafe(ref y);
        (a1 + b1).StoreUnsafe(ref y, (nuint)lanes);
    }

    private static void Block1(ref float x, ref float w, ref int cols, int count, ref float bias, ref float y)
    {
        const int lanes = Lanes;
        var a = Vector128.LoadUnsafe(ref bias);
        var b = Vector128<float>.Zero;
        var c = Vector128<float>.Zero;
        var d = Vector128<float>.Zero;
        int j = 0;
        for (; j + 3 < count; j += 4)
        {
            nuint o = (nuint)(j * lanes);
            a = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o), Vector128.Create(Unsafe.Add(ref x, Unsafe.Add(ref cols, j))), a);
            b = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)lanes), Vector128.Create(Unsafe.Add(ref x, Unsafe.Add(ref cols, j + 1))), b);
            c = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)(2 * lanes)), Vector128.Create(Unsafe.Add(ref x, Unsafe.Add(ref cols, j + 2))), c);
            d = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, o + (nuint)(3 * lanes)), Vector128.Create(Unsafe.Add(ref x, Unsafe.Add(ref cols, j + 3))), d);
        }

        for (; j < count; j++)
        {
            a = Vector128.MultiplyAddEstimate(Vector128.LoadUnsafe(ref w, (nuint)(j * lanes)), Vector128.Create(Unsafe.Add(ref x, Unsafe.Add(ref cols, j))), a);
        }

        ((a + b) + (c + d)).StoreUnsafe(ref y);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowSizes(int xLength, int yLength) =>
        throw new ArgumentException($"matrix [{Rows}, {Cols}] needs x of at least {Cols} and y of at least {PaddedRows} values, got {xLength} and {yLength}");

    private readonly record struct Block(int FirstRow, int Panels, int ColumnOffset, int ColumnCount, int DataOffset);
}
