using BenchmarkDotNet.Attributes;
using DroneLiquid.Benchmarks.Mavlink;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tlog;

namespace DroneLiquid.Benchmarks.MavlinkLink;

/// <summary>
/// The link layer above the parser, per frame on the README's reference stream (1,000,000 mixed MAVLink 2 frames):
/// a <see cref="MavlinkConnection"/> receiving (parse, link watchdog, typed dispatch to five subscribers that
/// decode their message), sending a setpoint (sequence, encode, hand to a transport), and .tlog read and write.
/// Run: dotnet run -c Release --project bench/DroneLiquid.Benchmarks -- --filter '*LinkBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
public class LinkBenchmarks
{
    private const int SendsPerInvoke = 100_000;

    private ReferenceStream _stream = null!;
    private MavlinkConnection _connection = null!;
    private byte[] _tlog = null!;
    private TlogWriter _writer = null!;
    private double _sink;

    [GlobalSetup]
    public void Setup()
    {
        _stream = ReferenceStream.Build();
        _connection = new MavlinkConnection(new NullTransport(), new MavlinkConnectionOptions { HeartbeatInterval = TimeSpan.FromSeconds(10) });
        _connection.Subscribe((in AttitudeMessage m, in MavlinkFrame _) => _sink += m.Roll);
        _connection.Subscribe((in HeartbeatMessage m, in MavlinkFrame _) => _sink += m.BaseMode);
        _connection.Subscribe((in LocalPositionNedMessage m, in MavlinkFrame _) => _sink += m.Vx);
        _connection.Subscribe((in GlobalPositionIntMessage m, in MavlinkFrame _) => _sink += m.Lat);
        _connection.Subscribe((in HighresImuMessage m, in MavlinkFrame _) => _sink += m.Xacc);

        using var log = new MemoryStream();
        using (var writer = new TlogWriter(log, leaveOpen: true))
        {
            ulong timestamp = 1_718_000_000_000_000;
            foreach (int pick in _stream.Picks)
            {
                writer.Write(timestamp += 10_000, _stream.Pool[pick]);
            }
        }

        _tlog = log.ToArray();
        _writer = new TlogWriter(Stream.Null, flushInterval: TimeSpan.FromHours(1));
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(OperationsPerInvoke = ReferenceStream.FrameCount, Description = "connection receive + dispatch (per frame)")]
    public long Receive()
    {
        long before = _connection.Statistics.FramesReceived;
        _connection.Process(_stream.Bytes);
        return _connection.Statistics.FramesReceived - before;
    }

    [Benchmark(OperationsPerInvoke = SendsPerInvoke, Description = "connection send setpoint (per frame)")]
    public long Send()
    {
        var setpoint = new SetPositionTargetLocalNedMessage { TypeMask = 0x0DC7, CoordinateFrame = 1, Vx = 2 };
        long sent = 0;
        for (int i = 0; i < SendsPerInvoke; i++)
        {
            sent += _connection.SendAsync(in setpoint).IsCompletedSuccessfully ? 1 : 0;
        }

        return sent;
    }

    [Benchmark(OperationsPerInvoke = ReferenceStream.FrameCount, Description = "tlog read (per record)")]
    public long TlogRead()
    {
        using var reader = new TlogReader(new MemoryStream(_tlog, writable: false));
        long bytes = 0;
        while (reader.TryReadNext(out TlogRecord record))
        {
            bytes += record.Frame.Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = ReferenceStream.FrameCount, Description = "tlog write (per record)")]
    public long TlogWrite()
    {
        ulong timestamp = 1_718_000_000_000_000;
        foreach (int pick in _stream.Picks)
        {
            _writer.Write(timestamp += 10_000, _stream.Pool[pick]);
        }

        return _writer.RecordsWritten;
    }
}
