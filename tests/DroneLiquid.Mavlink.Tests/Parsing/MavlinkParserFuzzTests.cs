using System.Globalization;
using System.Text.Json;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.TestData;

namespace DroneLiquid.Mavlink.Tests.Parsing;

/// <summary>
/// Bounded fuzzing: random bytes, and valid frames with mutated header/payload/length whose checksum is
/// recomputed (with the right CRC_EXTRA, and re-signed) so the mutations get past the parser into the
/// decoders. No exception may escape. Longer run:
/// DRONELIQUID_FUZZ_ITERATIONS=2000000 dotnet test tests/DroneLiquid.Mavlink.Tests -c Release --filter MavlinkParserFuzzTests
/// </summary>
public sealed class MavlinkParserFuzzTests
{
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("DRONELIQUID_FUZZ_ITERATIONS"),
        NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : 20_000;

    private static readonly MavlinkDialect Dialect = ArdupilotmegaDialect.Instance;

    [Fact]
    public void Random_bytes_in_random_chunks_never_throw()
    {
        var random = new Random(20261128);
        var verifier = new MavlinkSignatureVerifier(Frames.Key, id => id % 2 == 0);
        var parser = new MavlinkParser(Dialect, verifier);
        var handler = new DecodingHandler(Dialect);
        byte[] buffer = new byte[4096];
        long total = 0;
        for (int i = 0; i < Iterations / 10; i++)
        {
            int length = random.Next(1, buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            // Bias towards start bytes and small lengths so headers form often.
            for (int k = 0; k < length / 16; k++)
            {
                buffer[random.Next(length)] = random.Next(2) == 0 ? MavlinkWire.StxV2 : MavlinkWire.StxV1;
            }
            parser.Parse(buffer.AsSpan(0, length), ref handler);
            total += length;
        }
        parser.Flush(ref handler);
        Assert.Equal(total, parser.Statistics.BytesReceived);
        Assert.True(parser.BufferedByteCount <= MavlinkWire.MaxFrameLength);
    }

    [Fact]
    public void Valid_frames_with_mutated_fields_and_recomputed_checksums_reach_the_decoders_without_throwing()
    {
        var random = new Random(42);
        var pool = VectorFiles.Vectors.Where(v => v.Version == MavlinkVersion.V2).ToList();
        var parser = new MavlinkParser(Dialect);
        var handler = new DecodingHandler(Dialect);
        byte[] frame = new byte[MavlinkWire.MaxFrameLength];
        byte[] payload = new byte[MavlinkWire.MaxPayloadLength];
        int ok = 0;
        for (int i = 0; i < Iterations; i++)
        {
            // Start from a vector's payload, or from random bytes for any message of the dialect (all 325).
            Array.Clear(payload);
            MavlinkMessageInfo info;
            if (random.Next(4) == 0)
            {
                info = Dialect.Messages[random.Next(Dialect.Messages.Count)];
                random.NextBytes(payload.AsSpan(0, info.MaxLength));
            }
            else
            {
                ConformanceVector v = pool[random.Next(pool.Count)];
                Assert.True(Dialect.TryGetMessage(v.MessageId, out info));
                Assert.True(MavlinkFrame.TryWrap(v.Frame, out MavlinkFrame original, out _));
                original.Payload.CopyTo(payload);
            }
            // Mutate, then choose any length 0..255 (oversize included).
            for (int k = random.Next(1, 8); k > 0; k--)
            {
                payload[random.Next(payload.Length)] = (byte)random.Next(256);
            }
            int length = random.Next(4) switch { 0 => random.Next(256), 1 => 0, _ => random.Next(info.MaxLength + 1) };
            bool signed = random.Next(4) == 0;
            int n = BuildFrame(frame, info, payload.AsSpan(0, length), (byte)random.Next(256), signed, random);
            int before = handler.Frames;
            parser.Parse(frame.AsSpan(0, n), ref handler);
            ok += handler.Frames - before;
        }
        Assert.Equal(Iterations, ok);
        Assert.Equal(0, parser.Statistics.CrcErrors);
    }

    // A checksum-correct MAVLink 2 frame with any len byte, so oversize and empty payloads reach the decoders.
    private static int BuildFrame(byte[] frame, MavlinkMessageInfo info, ReadOnlySpan<byte> payload, byte compatFlags, bool signed, Random random)
    {
        frame[0] = MavlinkWire.StxV2;
        frame[1] = (byte)payload.Length;
        frame[2] = signed ? MavlinkWire.IncompatFlagSigned : (byte)0;
        frame[3] = compatFlags;
        frame[4] = (byte)random.Next(256);
        frame[5] = (byte)random.Next(256);
        frame[6] = (byte)random.Next(256);
        frame[7] = (byte)info.Id;
        frame[8] = (byte)(info.Id >> 8);
        frame[9] = (byte)(info.Id >> 16);
        payload.CopyTo(frame.AsSpan(10));
        int crcOffset = 10 + payload.Length;
        ushort crc = X25Crc.Accumulate(info.CrcExtra, X25Crc.Compute(frame.AsSpan(1, crcOffset - 1)));
        frame[crcOffset] = (byte)crc;
        frame[crcOffset + 1] = (byte)(crc >> 8);
        int end = crcOffset + 2;
        if (signed)
        {
            MavlinkSignature.WriteBlock(Frames.Key, frame.AsSpan(0, end), (byte)random.Next(256), (ulong)random.NextInt64(1L << 48),
                frame.AsSpan(end, MavlinkWire.SignatureLength));
            end += MavlinkWire.SignatureLength;
        }
        return end;
    }

    /// <summary>Runs every decoder a consumer would: header accessors, the JSON field writer and the typed struct.</summary>
    private struct DecodingHandler(MavlinkDialect dialect) : IMavlinkFrameHandler
    {
        private readonly byte[] _payload = new byte[MavlinkWire.MaxPayloadLength];
        private readonly Utf8JsonWriter _writer = new(Stream.Null, MavlinkJsonFields.WriterOptions);

        public int Frames { get; private set; }

        public void OnFrame(in MavlinkFrame frame, MavlinkFrameVerdict verdict)
        {
            _ = frame.ToString();
            _ = frame.SignatureTimestamp + frame.LinkId + frame.Checksum + (ulong)frame.Signature.Length;
            if (dialect.TryGetMessage(frame.MessageId, out MavlinkMessageInfo info))
            {
                frame.CopyPayloadTo(_payload, info.MaxLength);
                MavlinkJsonFields.WriteFields(_writer, info, frame.Payload);
                _writer.Flush();
                _writer.Reset();
                _ = frame.TryDecode(out CommandLongMessage _) | frame.TryDecode(out StatustextMessage _);
            }
            if (verdict == MavlinkFrameVerdict.Ok)
            {
                Frames++;
            }
        }
    }
}
