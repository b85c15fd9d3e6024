using System.Numerics;
using System.Runtime.InteropServices;

namespace DroneLiquid.Liquid.Sessions;

/// <summary>Finds NaN or infinite values, SIMD first (v - v is 0 exactly when v is finite), scalar for the index.</summary>
internal static class FiniteCheck
{
    /// <summary>Index of the first NaN or infinity, or -1.</summary>
    public static int IndexOfNonFinite(ReadOnlySpan<float> values)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref float start = ref MemoryMarshal.GetReference(values);
            for (; i + Vector<float>.Count <= values.Length; i += Vector<float>.Count)
            {
                var v = Vector.LoadUnsafe(ref start, (nuint)i);
                if (!Vector.EqualsAll(v - v, Vector<float>.Zero))
                {
                    break;
                }
            }
        }

        for (; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
