namespace DroneLiquid.Mavlink.Transports;

/// <summary>
/// Moves bytes between this program and one MAVLink peer (UDP, TCP or serial). A transport knows nothing
/// of frames: the connection above it parses what it receives and hands it whole frames to send.
/// </summary>
/// <remarks>
/// <para>Exactly one receive loop may call <see cref="ReceiveAsync"/> at a time; that loop also drives
/// reconnection for the transports that reconnect (TCP client and serial). Sends may come from any thread.</para>
/// <para>Each (re)connection gets a new <see cref="TransportRead.Epoch"/>. Bytes of different epochs belong to
/// different byte streams, so a reader resets its parser when the epoch changes, and only that reader's.</para>
/// </remarks>
public interface ITransport : IAsyncDisposable
{
    /// <summary>The connection string this transport was made from, for logs and messages.</summary>
    string Name { get; }

    /// <summary>Where the transport stands now.</summary>
    TransportState State { get; }

    /// <summary>Byte and event counters, updated without locks.</summary>
    TransportCounters Counters { get; }

    /// <summary>Raised (from the thread that saw it) when <see cref="State"/> changes.</summary>
    event Action<ITransport, TransportState>? StateChanged;

    /// <summary>
    /// Binds, listens, opens or connects. A client transport that cannot reach its peer yet still starts:
    /// the receive loop keeps trying with backoff. Throws only for a local problem that retrying cannot fix
    /// (an address already in use, a bind address this machine does not have).
    /// </summary>
    ValueTask StartAsync(CancellationToken cancellationToken);

    /// <summary>Closes sockets and ports; a pending <see cref="ReceiveAsync"/> returns a read of 0 bytes.</summary>
    ValueTask StopAsync();

    /// <summary>
    /// Sends one or more whole frames. Returns false, and counts a dropped send, when there is no peer to send
    /// to (not connected, UDP server that has not heard from anyone) or the send failed; never throws for that.
    /// </summary>
    ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for bytes and copies them into <paramref name="buffer"/>. A count of 0 means the transport was
    /// stopped. Cancelling <paramref name="cancellationToken"/> throws <see cref="OperationCanceledException"/>.
    /// </summary>
    ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken);
}
