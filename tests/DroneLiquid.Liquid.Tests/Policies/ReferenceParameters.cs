using System.Text.Json;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Tests.Policies;

/// <summary>The <c>parameters</c> of a reference vector file, in state_dict order, as float32 (the cast from the JSON double is exact).</summary>
internal static class ReferenceParameters
{
    public static TensorDictionary Load(string referenceFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestFiles.Reference(referenceFile)));
        return new TensorDictionary(document.RootElement.GetProperty("parameters").EnumerateArray().Select(p => new NamedTensor(
            p.GetProperty("name").GetString()!,
            p.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray(),
            p.GetProperty("data").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray())));
    }

    /// <summary>True when both hold the same names in the same order with the same shapes and bit-identical values.</summary>
    public static void AssertBitExact(TensorDictionary want, TensorDictionary got)
    {
        Assert.Equal(want.Tensors.Select(t => t.Name), got.Tensors.Select(t => t.Name));
        foreach (var (w, g) in want.Tensors.Zip(got.Tensors))
        {
            Assert.Equal(w.Shape, g.Shape);
            Assert.True(w.Data.Select(BitConverter.SingleToInt32Bits).SequenceEqual(g.Data.Select(BitConverter.SingleToInt32Bits)), $"tensor '{w.Name}' differs");
        }
    }
}
