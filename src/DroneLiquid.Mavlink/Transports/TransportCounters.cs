namespace DroneLiquid.Mavlink.Transports;

/// <summary>Counters of one transport. Written by the transport with <see cref="Interlocked"/>; read at any time.</summary>
public sealed class TransportCounters
{
    private long _bytesReceived;
    private long _bytesSent;
    private long _sendsDropped;
    private long _connects;
    private long _linkLosses;

    /// <summary>Bytes handed to the receive loop.</summary>
    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    /// <summary>Bytes the operating system accepted for sending.</summary>
    public long BytesSent => Volatile.Read(ref _bytesSent);

    /// <summary>Sends refused because there was no peer or the send failed.</summary>
    public long SendsDropped => Volatile.Read(ref _sendsDropped);

    /// <summary>Successful connects, opens or accepts (the first one included).</summary>
    public long Connects => Volatile.Read(ref _connects);

    /// <summary>Times an established link was lost (peer closed, read or write error, device gone).</summary>
    public long LinkLosses => Volatile.Read(ref _linkLosses);

    internal void AddReceived(int count) => Interlocked.Add(ref _bytesReceived, count);

    internal void AddSent(int count) => Interlocked.Add(ref _bytesSent, count);

    internal void AddDroppedSend() => Interlocked.Increment(ref _sendsDropped);

    internal long AddConnect() => Interlocked.Increment(ref _connects);

    internal void AddLinkLoss() => Interlocked.Increment(ref _linkLosses);
}
