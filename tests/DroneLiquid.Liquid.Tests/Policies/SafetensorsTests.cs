using System.Buffers.Binary;
using System.Text;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Liquid.Tensors;

namespace DroneLiquid.Liquid.Tests.Policies;

public class SafetensorsTests
{
    [Fact]
    public void ReadsEveryFloatDtypeOfAFileWrittenByPython()
    {
        var content = Safetensors.ReadFile(TestFiles.Fixture("dtypes.safetensors"));
        Assert.Equal(["a.f32", "b.f64", "c.f16", "d.bf16"], content.Tensors.Tensors.Select(t => t.Name));
        Assert.Equal(new Dictionary<string, string> { ["format"] = "pt", ["source"] = "make_fixtures.py" }, content.Metadata);

        var a = content.Tensors.Get("a.f32", 2, 3);
        Assert.Equal([1.0f, -2.5f, 3.25f, 0.0f, 1e-7f, -65504.0f], a.Data);
        Assert.Equal([0.1f, (float)(-1.0 / 3.0), 1e30f], content.Tensors.Get("b.f64", 3).Data);
        Assert.Equal([1.0f, -0.5f, 65504.0f, 5.9604645e-08f], content.Tensors.Get("c.f16", 2, 2).Data);
        Assert.Equal([1.0f, -2.0f, 3.140625f, 0.0f], content.Tensors.Get("d.bf16", 4).Data);
    }

    [Fact]
    public void WriteThenReadIsBitExactAndKeepsOrder()
    {
        var tensors = new TensorDictionary([
            new NamedTensor("z.last", [3], [float.Epsilon, -0.0f, float.MaxValue]),
            new NamedTensor("a.first", [2, 2], [BitConverter.Int32BitsToSingle(0x3EAAAAAB), 1e-38f, -7.5f, 123456.78f]),
            new NamedTensor("empty", [0, 4], []),
        ]);
        byte[] bytes = Safetensors.Serialize(tensors, new Dictionary<string, string> { ["tool"] = "test" });

        var back = Safetensors.Parse(bytes, "memory.safetensors");
        Assert.Equal(["z.last", "a.first", "empty"], back.Tensors.Tensors.Select(t => t.Name));
        Assert.Equal("test", back.Metadata["tool"]);
        foreach (var (want, got) in tensors.Tensors.Zip(back.Tensors.Tensors))
        {
            Assert.Equal(want.Shape, got.Shape);
            Assert.Equal(want.Data.Select(BitConverter.SingleToInt32Bits), got.Data.Select(BitConverter.SingleToInt32Bits));
        }

        Assert.Equal(0, (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes) % 8);
    }

    [Fact]
    public void ReadsTheReferenceWeightsThatPythonWrote()
    {
        var content = Safetensors.ReadFile(TestFiles.Fixture("wiredcfc_autoncp19.safetensors"));
        Assert.Equal(27, content.Tensors.Count);
        Assert.Equal([9, 17], content.Tensors.Get("rnn_cell.layer_0.sparsity_mask").Shape);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void AFileShorterThanTheLengthFieldIsTruncated(int length)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Safetensors.Parse(new byte[length], "w.safetensors"));
        Assert.Equal($"w.safetensors: truncated: the file has {length} bytes, but a safetensors file starts with an 8-byte header length", ex.Message);
    }

    [Fact]
    public void ATruncatedDataBufferNamesTheTensorCut()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.Fixture("wiredcfc_autoncp19.safetensors"));
        var ex = Assert.Throws<InvalidDataException>(() => Safetensors.Parse(bytes.AsSpan(0, bytes.Length - 10), "w.safetensors"));
        Assert.StartsWith("w.safetensors: tensor 'rnn_cell.layer_2.time_b.weight': data_offsets [", ex.Message);
        Assert.EndsWith("run past the end of the data buffer (5954 bytes): the file is truncated", ex.Message);
    }

    [Fact]
    public void AFileCutInsideTheHeaderReportsTheHeaderLength()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.Fixture("wiredcfc_autoncp19.safetensors"));
        var ex = Assert.Throws<InvalidDataException>(() => Safetensors.Parse(bytes.AsSpan(0, 100), "w.safetensors"));
        Assert.Equal("w.safetensors: header length is 2384 bytes, past the end of the file (100 bytes in all): truncated or not a safetensors file", ex.Message);
    }

    [Fact]
    public void ACorruptHeaderIsReportedAsBadJson()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.Fixture("dtypes.safetensors"));
        bytes[8 + 15] = (byte)'}'; // the colon after "__metadata__"
        var ex = Assert.Throws<InvalidDataException>(() => Safetensors.Parse(bytes, "w.safetensors"));
        Assert.StartsWith("w.safetensors: the header is not valid JSON: ", ex.Message);
    }

    [Theory]
    [InlineData("""{"t":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}""", 20, "tensor 't': data_offsets [0, 20) hold 20 bytes, but F32 [2, 3] needs 6 x 4 = 24")]
    [InlineData("""{"t":{"dtype":"F16","shape":[4],"data_offsets":[0,16]}}""", 16, "tensor 't': data_offsets [0, 16) hold 16 bytes, but F16 [4] needs 4 x 2 = 8")]
    [InlineData("""{"t":{"dtype":"Q7","shape":[1],"data_offsets":[0,4]}}""", 4, "tensor 't': unknown dtype 'Q7' (safetensors dtypes DroneLiquid reads: F32, F64, F16, BF16)")]
    [InlineData("""{"t":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}""", 8, "tensor 't': dtype 'I64' is not one DroneLiquid loads (it reads F32, F64, F16, BF16)")]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}""", 12, "tensor 'b': data_offsets [4, 12) overlap tensor 'a' [0, 8)")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8, "bytes [0, 4) of the data buffer belong to no tensor (before tensor 'a')")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 12, "the data buffer has 12 bytes but the tensors cover 4: 8 trailing bytes belong to no tensor")]
    [InlineData("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[8,4]}}""", 8, "tensor 'a': 'data_offsets' must be [begin, end] with begin <= end, got [8, 4]")]
    [InlineData("""{"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}""", 4, "tensor 'a': 'shape' must hold non-negative integers, got -1")]
    [InlineData("""{"a":{"shape":[1],"data_offsets":[0,4]}}""", 4, "tensor 'a': 'dtype' is missing or not a string")]
    [InlineData("""{"__metadata__":{"n":3}}""", 0, "'__metadata__.n' must be a string, got Number")]
    [InlineData("""[1,2]""", 0, "the header must be a JSON object, got Array")]
    public void EveryHeaderDefectIsOneMessageNamingTheKey(string header, int bufferBytes, string expected)
    {
        var ex = Assert.Throws<InvalidDataException>(() => Safetensors.Parse(Build(header, bufferBytes), "bad.safetensors"));
        Assert.Equal("bad.safetensors: " + expected, ex.Message);
    }

    [Fact]
    public void AnF64ValueBeyondFloatRangeIsRefused()
    {
        byte[] bytes = Build("""{"t":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}""", 8);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(bytes.Length - 8), 1e300);
        var ex = Assert.Throws<InvalidDataException>(() => Safetensors.Parse(bytes, "big.safetensors"));
        Assert.Equal("big.safetensors: tensor 't': F64 value 1E+300 at index 0 does not fit in float32", ex.Message);
    }

    [Fact]
    public void AMissingFileNamesThePath()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Safetensors.ReadFile("/nonexistent/w.safetensors"));
        Assert.StartsWith("/nonexistent/w.safetensors: cannot read the safetensors file", ex.Message);
    }

    [Fact]
    public void EveryPrefixOfAValidFileIsRefusedCleanly()
    {
        byte[] bytes = File.ReadAllBytes(TestFiles.Fixture("dtypes.safetensors"));
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => Safetensors.Parse(bytes.AsSpan(0, length), "w.safetensors"));
        }
    }

    [Fact]
    public void AnySingleCorruptByteEitherParsesOrGivesAnInvalidDataMessage()
    {
        byte[] original = File.ReadAllBytes(TestFiles.Fixture("dtypes.safetensors"));
        foreach (byte flip in new byte[] { 0x01, 0x20, 0x80, 0xFF })
        {
            for (int i = 0; i < original.Length; i++)
            {
                byte[] bytes = (byte[])original.Clone();
                bytes[i] ^= flip;
                try
                {
                    Safetensors.Parse(bytes, "w.safetensors");
                }
                catch (InvalidDataException ex)
                {
                    Assert.StartsWith("w.safetensors: ", ex.Message);
                }
            }
        }
    }

    [Fact]
    public void AShapeTooLargeToCountIsRefused()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Safetensors.Parse(Build("""{"t":{"dtype":"F32","shape":[2147483647,2147483647,2147483647],"data_offsets":[0,4]}}""", 4), "w.safetensors"));
        Assert.Equal("w.safetensors: tensor 't': shape [2147483647, 2147483647, 2147483647] is too large", ex.Message);
    }

    private static byte[] Build(string header, int bufferBytes)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + bufferBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        return bytes;
    }
}
