namespace DroneLiquid.Mavlink.Transports;

/// <summary>The transport a <see cref="ConnectionString"/> asks for (MAVSDK's URL schemes).</summary>
public enum ConnectionKind
{
    /// <summary><c>udpin://BIND_IP:PORT</c>: listen; the first sender becomes the peer that replies go to.</summary>
    UdpIn,

    /// <summary><c>udpout://HOST:PORT</c>: send to a fixed address and read what comes back.</summary>
    UdpOut,

    /// <summary><c>tcpin://BIND_IP:PORT</c>: accept one client at a time.</summary>
    TcpIn,

    /// <summary><c>tcpout://HOST:PORT</c>: connect, and reconnect with backoff (ArduPilot SITL on 5760).</summary>
    TcpOut,

    /// <summary><c>serial:///dev/DEVICE[:BAUD]</c>: a serial port, reopened with backoff when lost.</summary>
    Serial,
}
