using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Sim.Autopilot.Link;

/// <summary>
/// Wraps the emulator's transport to inject link faults: while the link is down nothing goes out and everything
/// that arrives is discarded (heartbeats included, as with a cut radio); otherwise each outgoing datagram and each
/// received chunk is dropped with the packet-loss probability. Latency is applied by the emulator to what it has
/// received (commands and setpoints take effect late), not here.
/// </summary>
public sealed class ImpairedTransport(ITransport inner, ulong seed) : ITransport
{
    private readonly Lock _gate = new();
    private ulong _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
    private volatile bool _down;
    private volatile bool _waiting;
    private double _lossProbability;

    public ITransport Inner => inner;

    public string Name => inner.Name;

    public TransportState State => inner.State;

    public TransportCounters Counters => inner.Counters;

    /// <summary>True while the injected link loss lasts.</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>Probability (0..1) that a datagram or received chunk is lost.</summary>
    public double LossProbability
    {
        get => Volatile.Read(ref _lossProbability);
        set => Volatile.Write(ref _lossProbability, Math.Clamp(value, 0, 1));
    }

    /// <summary>
    /// True when the reader is waiting for bytes and none are queued in the socket (as far as the transport can tell),
    /// i.e. everything that reached this side has been handed up. The emulator's loop waits for this before it moves
    /// simulated time on, so a fast-forwarded simulation does not outrun the messages sent to it.
    /// </summary>
    public bool Idle => _waiting && inner switch
    {
        UdpTransportBase udp => udp.AvailableBytes == 0,
        StreamTransport stream => stream.AvailableBytes == 0, // TCP: a setpoint still in the kernel is not yet "handled"
        _ => true,
    };

    /// <summary>Datagrams and chunks dropped on purpose.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    private long _dropped;

    public event Action<ITransport, TransportState>? StateChanged
    {
        add => inner.StateChanged += value;
        remove => inner.StateChanged -= value;
    }

    public ValueTask StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

    public ValueTask StopAsync() => inner.StopAsync();

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (Drop())
        {
            return ValueTask.FromResult(false);
        }

        return inner.SendAsync(bytes, cancellationToken);
    }

    public async ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            _waiting = true;
            TransportRead read;
            try
            {
                read = await inner.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _waiting = false;
            }

            if (read.Count == 0 || !Drop())
            {
                return read;
            }
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private bool Drop()
    {
        bool drop = _down;
        double p = LossProbability;
        if (!drop && p > 0)
        {
            lock (_gate)
            {
                // xorshift64*: reproducible for a seed, no allocation.
                _state ^= _state >> 12;
                _state ^= _state << 25;
                _state ^= _state >> 27;
                drop = ((_state * 2685821657736338717UL) >> 11) * (1.0 / (1UL << 53)) < p;
            }
        }

        if (drop)
        {
            Interlocked.Increment(ref _dropped);
        }

        return drop;
    }
}
