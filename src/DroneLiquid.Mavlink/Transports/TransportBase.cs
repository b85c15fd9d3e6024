using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DroneLiquid.Mavlink.Transports;

/// <summary>What every transport shares: its name, counters, logger and a state that, once stopped, stays stopped.</summary>
public abstract class TransportBase : ITransport
{
    private int _state;

    /// <summary>Creates the transport.</summary>
    protected TransportBase(string name, ILogger? logger)
    {
        Name = name;
        Logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public TransportState State => (TransportState)Volatile.Read(ref _state);

    /// <inheritdoc />
    public TransportCounters Counters { get; } = new();

    /// <inheritdoc />
    public event Action<ITransport, TransportState>? StateChanged;

    /// <summary>Where connects, losses and failures are logged.</summary>
    protected ILogger Logger { get; }

    /// <inheritdoc />
    public abstract ValueTask StartAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask StopAsync();

    /// <inheritdoc />
    public abstract ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        DisposeCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what <see cref="StopAsync"/> leaves (called once stopped).</summary>
    protected virtual void DisposeCore()
    {
    }

    /// <summary>Reports a state change; a stopped transport stays stopped.</summary>
    protected void SetState(TransportState state)
    {
        int previous = Interlocked.Exchange(ref _state, (int)state);
        if (previous == (int)TransportState.Stopped && state != TransportState.Stopped)
        {
            Volatile.Write(ref _state, previous);
            return;
        }

        if (previous != (int)state)
        {
            StateChanged?.Invoke(this, state);
        }
    }
}
