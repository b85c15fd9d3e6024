using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.TestData;

namespace DroneLiquid.Mavlink.Tests.Parsing;

/// <summary>0 bytes allocated per parsed frame, with and without signature checks, in any chunking.</summary>
public sealed class MavlinkParserAllocationTests
{
    [Fact]
    public void Parsing_allocates_nothing_after_start_up()
    {
        byte[] stream = VectorFiles.Vectors.Where(v => !v.Signed).SelectMany(v => v.Frame).ToArray();
        var parser = new MavlinkParser(ArdupilotmegaDialect.Instance);
        var counter = new CountingHandler();
        Run(parser, stream, ref counter);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            Run(parser, stream, ref counter);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(51L * 947, counter.Frames);
    }

    [Fact]
    public void Verifying_signatures_allocates_nothing()
    {
        const int Batch = 100;
        byte[][] batches = Enumerable.Range(0, 6).Select(b => Enumerable.Range(0, Batch)
            .SelectMany(i => Frames.SignedCommandLong(1000 + (ulong)(b * Batch + i), sequence: (byte)i)).ToArray()).ToArray();
        var verifier = new MavlinkSignatureVerifier(Frames.Key);
        var parser = new MavlinkParser(ArdupilotmegaDialect.Instance, verifier);
        var counter = new CountingHandler();
        var allocated = new List<long>();
        foreach (byte[] batch in batches)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(parser, batch, ref counter);
            allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.True(allocated.Skip(3).All(a => a == 0), string.Join(", ", allocated));
        Assert.Equal(6 * Batch, counter.Frames);
    }

    private static void Run(MavlinkParser parser, byte[] stream, ref CountingHandler handler)
    {
        // Mixed chunk sizes so the tail buffer path is exercised too.
        ReadOnlySpan<int> chunks = [1, 7, 64, 4096];
        int at = 0;
        for (int c = 0; at < stream.Length; c++)
        {
            int n = Math.Min(chunks[c % chunks.Length], stream.Length - at);
            parser.Parse(stream.AsSpan(at, n), ref handler);
            at += n;
        }
    }

    private struct CountingHandler : IMavlinkFrameHandler
    {
        public long Frames;

        public void OnFrame(in MavlinkFrame frame, MavlinkFrameVerdict verdict)
        {
            if (verdict == MavlinkFrameVerdict.Ok)
            {
                Frames++;
            }
        }
    }
}
