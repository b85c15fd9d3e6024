using System.Net;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Mavlink.Transports;

/// <summary>Makes the transport a <see cref="ConnectionString"/> names.</summary>
public static class TransportFactory
{
    /// <summary>Parses <paramref name="connectionString"/> (throwing <see cref="FormatException"/> naming the wrong part) and creates its transport.</summary>
    public static ITransport Create(string connectionString, TransportOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null) =>
        Create(ConnectionString.Parse(connectionString), options, timeProvider, logger);

    /// <summary>Creates the transport for a parsed connection string; nothing is opened yet.</summary>
    public static ITransport Create(ConnectionString connection, TransportOptions? options = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        string name = connection.Text;
        return connection.Kind switch
        {
            ConnectionKind.UdpIn => new UdpServerTransport(name, BindEndPoint(connection), logger),
            ConnectionKind.UdpOut => new UdpClientTransport(name, connection.Host, connection.Port, logger),
            ConnectionKind.TcpIn => new TcpServerTransport(name, BindEndPoint(connection), options, timeProvider, logger),
            ConnectionKind.TcpOut => new TcpClientTransport(name, connection.Host, connection.Port, options, timeProvider, logger),
            ConnectionKind.Serial => new SerialTransport(name, connection.DevicePath, connection.BaudRate, options, timeProvider, logger),
            _ => throw new ArgumentOutOfRangeException(nameof(connection), connection.Kind, "unknown connection kind"),
        };
    }

    private static IPEndPoint BindEndPoint(ConnectionString connection) => new(IPAddress.Parse(connection.Host), connection.Port);
}
