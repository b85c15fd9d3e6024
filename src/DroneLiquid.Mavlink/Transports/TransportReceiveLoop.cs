namespace DroneLiquid.Mavlink.Transports;

/// <summary>Receives bytes into a caller's span; valid only during the call. <paramref name="epoch"/> changes on every reconnect.</summary>
public delegate void TransportBytesHandler(ReadOnlySpan<byte> bytes, long epoch);

/// <summary>The callback form of <see cref="ITransport.ReceiveAsync"/>: one loop, one buffer, a handler per read.</summary>
public static class TransportReceiveLoop
{
    /// <summary>
    /// Reads into <paramref name="buffer"/> and calls <paramref name="handler"/> with each chunk until the transport
    /// stops (returns the bytes received) or <paramref name="cancellationToken"/> is cancelled (throws
    /// <see cref="OperationCanceledException"/>). Allocates nothing per read when the transport does not.
    /// </summary>
    public static async Task<long> RunAsync(ITransport transport, Memory<byte> buffer, TransportBytesHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(handler);
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("the receive buffer is empty", nameof(buffer));
        }

        long total = 0;
        while (true)
        {
            TransportRead read = await transport.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read.Count == 0)
            {
                return total;
            }

            total += read.Count;
            handler(buffer.Span[..read.Count], read.Epoch);
        }
    }
}
