using System.Numerics;
using DroneLiquid.Liquid.Cells;

namespace DroneLiquid.Liquid.Tests.Cells;

public class PackedMatrixTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 7)]
    [InlineData(8, 8)]
    [InlineData(9, 17)]
    [InlineData(36, 41)]
    [InlineData(70, 5)]
    [InlineData(256, 128)]
    public void MultiplyEqualsTheRowByRowProduct(int rows, int cols)
    {
        var random = new Random(rows * 1000 + cols);
        float[] w = Enumerable.Range(0, rows * cols).Select(_ => random.NextSingle() - 0.5f).ToArray();
        float[] b = Enumerable.Range(0, rows).Select(_ => random.NextSingle()).ToArray();
        float[] x = Enumerable.Range(0, cols).Select(_ => random.NextSingle() * 2 - 1).ToArray();
        var matrix = PackedMatrix.Create(w, rows, cols, b);
        var y = new float[matrix.PaddedRows];
        matrix.Multiply(x, y);
        for (int r = 0; r < rows; r++)
        {
            double want = b[r];
            for (int k = 0; k < cols; k++) want += (double)w[r * cols + k] * x[k];
            Assert.Equal(want, y[r], 1e-4);
        }

        Assert.All(y[rows..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void ColumnsZeroForAWholeBlockAreNotStoredNorVisited()
    {
        int rows = Vector<float>.Count, cols = 10;
        var w = new float[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            w[r * cols + 2] = r + 1;
            w[r * cols + 7] = -1;
        }

        var matrix = PackedMatrix.Create(w, rows, cols, []);
        Assert.Equal(2 * rows, matrix.StoredWeights);
        var x = new float[cols];
        x[2] = 3;
        x[7] = 4;
        x[0] = float.NaN; // a skipped column never reaches the sum
        var y = new float[matrix.PaddedRows];
        matrix.Multiply(x, y);
        for (int r = 0; r < rows; r++) Assert.Equal(3f * (r + 1) - 4f, y[r]);
    }

    [Fact]
    public void TooShortBuffersAreRejectedWithTheSizes()
    {
        var matrix = PackedMatrix.Create(new float[6], 2, 3, []);
        var error = Assert.Throws<ArgumentException>(() => matrix.Multiply(new float[2], new float[matrix.PaddedRows]));
        Assert.Contains("needs x of at least 3", error.Message);
    }
}
