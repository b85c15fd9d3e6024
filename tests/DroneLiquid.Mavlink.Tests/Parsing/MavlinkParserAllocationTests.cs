using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.TestData;
using DroneLiquid.Tests.Shared;

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
        int runs = 1;
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                Run(parser, stream, ref counter);
            }

            runs += 50;
        });
        Assert.Equal(runs * 947L, counter.Frames);
    }

    [Fact]
    public void Verifying_signatures_allocates_nothing()
    {
        const int Batch = 100;
        const int WarmUp = 3;
        byte[][] batches = Enumerable.Range(0, WarmUp + Allocations.Attempts).Select(b => Enumerable.Range(0, Batch)
            .SelectMany(i => Frames.SignedCommandLong(1000 + (ulong)(b * Batch + i), sequence: (byte)i)).ToArray()).ToArray();
        var verifier = new MavlinkSignatureVerifier(Frames.Key);
        var parser = new MavlinkParser(ArdupilotmegaDialect.Instance, verifier);
        var counter = new CountingHandler();
        int next = 0;
        while (next < WarmUp)
        {
            Run(parser, batches[next++], ref counter);
        }

        // Each window a new batch: the signatures' timestamps must keep rising or the replay check drops them.
        Allocations.AssertNone(() => Run(parser, batches[next++], ref counter));
        Assert.Equal(next * Batch, counter.Frames);
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
