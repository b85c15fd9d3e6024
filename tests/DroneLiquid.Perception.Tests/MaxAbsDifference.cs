namespace DroneLiquid.Perception.Tests;

internal static class MaxAbsDifference
{
    public static float Of(ReadOnlySpan<float> got, ReadOnlySpan<float> want)
    {
        Assert.Equal(want.Length, got.Length);
        float max = 0f;
        for (int i = 0; i < got.Length; i++) max = Math.Max(max, Math.Abs(got[i] - want[i]));
        return max;
    }
}
