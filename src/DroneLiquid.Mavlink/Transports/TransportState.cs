namespace DroneLiquid.Mavlink.Transports;

/// <summary>Life cycle of a transport.</summary>
public enum TransportState
{
    /// <summary>Created, <see cref="ITransport.StartAsync"/> not called yet.</summary>
    Created,

    /// <summary>Trying to connect, open the port or accept a client (waiting out a backoff delay between tries).</summary>
    Connecting,

    /// <summary>Bytes can flow. For a UDP server: bound (it may not know its peer yet).</summary>
    Connected,

    /// <summary>The link was lost; the receive loop will reconnect.</summary>
    Disconnected,

    /// <summary><see cref="ITransport.StopAsync"/> was called; nothing flows any more.</summary>
    Stopped,
}
