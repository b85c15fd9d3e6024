using BenchmarkDotNet.Attributes;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Benchmarks.Mavlink;

/// <summary>
/// Parse and pack throughput on the README's reference stream (1,000,000 mixed MAVLink 2 frames, 30 kinds).
/// Each operation is one frame: frames/s = 1e9 / (ns per op); MB/s = 41.34 bytes per frame × frames/s.
/// The C library does 5.12 M frames/s parse (211 MB/s) and 9.20 M frames/s pack on this machine class.
/// Run: dotnet run -c Release --project bench/DroneLiquid.Benchmarks -- --filter '*MavlinkStream*' (two short in-process jobs: wall clock and thread CPU time)
/// </summary>
[Config(typeof(ThreadCpuTimeConfig))]
public class MavlinkStreamBenchmarks
{
    private ReferenceStream _stream = null!;
    private MavlinkParser _parser = null!;
    private MavlinkMessageInfo[] _poolInfo = null!;
    private byte[][] _poolPayload = null!;
    private MavlinkHeader[] _poolHeader = null!;
    private readonly byte[] _frame = new byte[MavlinkWire.MaxFrameLength];
    private readonly byte[] _scratch = new byte[MavlinkWire.MaxPayloadLength];

    [GlobalSetup]
    public void Setup()
    {
        _stream = ReferenceStream.Build();
        _parser = new MavlinkParser(ArdupilotmegaDialect.Instance);
        int n = _stream.Pool.Length;
        _poolInfo = new MavlinkMessageInfo[n];
        _poolPayload = new byte[n][];
        _poolHeader = new MavlinkHeader[n];
        for (int i = 0; i < n; i++)
        {
            if (!MavlinkFrame.TryWrap(_stream.Pool[i], out MavlinkFrame frame, out _)
                || !ArdupilotmegaDialect.Instance.TryGetMessage(frame.MessageId, out MavlinkMessageInfo info))
            {
                throw new InvalidDataException($"pool frame {i} is not a known MAVLink frame");
            }
            _poolInfo[i] = info;
            _poolPayload[i] = new byte[info.MaxLength];
            frame.CopyPayloadTo(_poolPayload[i], info.MaxLength);
            _poolHeader[i] = new MavlinkHeader(frame.SystemId, frame.ComponentId, frame.Sequence);
        }
    }

    [Benchmark(OperationsPerInvoke = ReferenceStream.FrameCount, Description = "parse (per frame)")]
    public long Parse()
    {
        var counter = new CountingHandler();
        _parser.Parse(_stream.Bytes, ref counter);
        return Check(counter.Frames);
    }

    [Benchmark(OperationsPerInvoke = ReferenceStream.FrameCount, Description = "parse + decode (per frame)")]
    public long ParseAndDecode()
    {
        var decoder = new DecodingHandler(ArdupilotmegaDialect.Instance, _scratch);
        _parser.Parse(_stream.Bytes, ref decoder);
        return Check(decoder.Frames);
    }

    [Benchmark(OperationsPerInvoke = ReferenceStream.FrameCount, Description = "pack (per frame)")]
    public long Pack()
    {
        long bytes = 0;
        Span<byte> frame = _frame;
        foreach (int pick in _stream.Picks)
        {
            bytes += MavlinkEncoder.Encode(frame, _poolInfo[pick], _poolPayload[pick], _poolHeader[pick]);
        }
        if (bytes != ReferenceStream.ExpectedLength)
        {
            throw new InvalidOperationException($"packed {bytes} bytes; the stream is {ReferenceStream.ExpectedLength}");
        }
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = ReferenceStream.FrameCount, Description = "pack typed ATTITUDE (per frame)")]
    public long PackTypedAttitude()
    {
        var attitude = new AttitudeMessage { TimeBootMs = 1234, Roll = 0.1f, Pitch = -0.2f, Yaw = 3.1f, Rollspeed = 0.01f };
        Span<byte> frame = _frame;
        long bytes = 0;
        for (int k = 0; k < ReferenceStream.FrameCount; k++)
        {
            attitude.TimeBootMs = (uint)k;
            bytes += MavlinkEncoder.Encode(frame, in attitude, new MavlinkHeader(1, 1, (byte)k));
        }
        return bytes;
    }

    private long Check(long frames) =>
        frames == ReferenceStream.FrameCount
            ? frames
            : throw new InvalidOperationException($"parsed {frames} frames of {ReferenceStream.FrameCount}; stats {_parser.Statistics}");

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

    private struct DecodingHandler(MavlinkDialect dialect, byte[] scratch) : IMavlinkFrameHandler
    {
        public long Frames;

        public void OnFrame(in MavlinkFrame frame, MavlinkFrameVerdict verdict)
        {
            if (verdict == MavlinkFrameVerdict.Ok && dialect.TryGetMessage(frame.MessageId, out MavlinkMessageInfo info))
            {
                frame.CopyPayloadTo(scratch, info.MaxLength);
                Frames++;
            }
        }
    }
}
