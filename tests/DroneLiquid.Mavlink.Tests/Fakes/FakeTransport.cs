using System.Threading.Channels;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Fakes;

/// <summary>
/// An in-memory transport: tests push bytes in (<see cref="Inject"/>), read what was sent (<see cref="Sent"/>),
/// and bump the epoch to act out a reconnect. Sends complete synchronously.
/// </summary>
internal sealed class FakeTransport : ITransport
{
    private readonly Channel<(byte[] Bytes, long Epoch)> _inbound = Channel.CreateUnbounded<(byte[], long)>();
    private readonly Lock _gate = new();
    private readonly List<byte[]> _sent = [];
    private long _epoch = 1;

    public string Name => "fake";

    public TransportState State { get; private set; } = TransportState.Created;

    public TransportCounters Counters { get; } = new();

    /// <summary>When false, sends are counted but not kept (allocation tests).</summary>
    public bool KeepSent { get; set; } = true;

    /// <summary>Another fake that receives what this one sends (a wire between two connections).</summary>
    public FakeTransport? Peer { get; set; }

    public event Action<ITransport, TransportState>? StateChanged;

    public IReadOnlyList<byte[]> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    public static (FakeTransport A, FakeTransport B) CreatePair()
    {
        var a = new FakeTransport();
        var b = new FakeTransport { Peer = a };
        a.Peer = b;
        return (a, b);
    }

    public void Inject(ReadOnlySpan<byte> bytes) => _inbound.Writer.TryWrite((bytes.ToArray(), Interlocked.Read(ref _epoch)));

    /// <summary>Acts out a reconnect: bytes injected from now on belong to a new byte stream.</summary>
    public void Reconnect() => Interlocked.Increment(ref _epoch);

    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        State = TransportState.Connected;
        StateChanged?.Invoke(this, State);
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync()
    {
        State = TransportState.Stopped;
        _inbound.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => StopAsync();

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (State != TransportState.Connected)
        {
            Counters.AddDroppedSend();
            return ValueTask.FromResult(false);
        }

        Counters.AddSent(bytes.Length);
        if (KeepSent)
        {
            lock (_gate)
            {
                _sent.Add(bytes.ToArray());
            }
        }

        Peer?.Inject(bytes.Span);
        return ValueTask.FromResult(true);
    }

    public async ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            var (bytes, epoch) = await _inbound.Reader.ReadAsync(cancellationToken);
            bytes.CopyTo(buffer);
            Counters.AddReceived(bytes.Length);
            return new TransportRead(bytes.Length, epoch);
        }
        catch (ChannelClosedException)
        {
            return new TransportRead(0, Interlocked.Read(ref _epoch));
        }
    }
}
