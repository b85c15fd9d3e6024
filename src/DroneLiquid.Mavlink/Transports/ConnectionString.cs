using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace DroneLiquid.Mavlink.Transports;

/// <summary>
/// A parsed MAVSDK-style connection string: <c>udpin://0.0.0.0:14540</c>, <c>udpout://127.0.0.1:14550</c>,
/// <c>tcpin://0.0.0.0:5760</c>, <c>tcpout://127.0.0.1:5760</c> or <c>serial:///dev/ttyAMA0:921600</c>.
/// </summary>
/// <param name="Text">The string as given.</param>
/// <param name="Kind">Which transport.</param>
/// <param name="Host">Bind address (in) or destination host (out); empty for serial.</param>
/// <param name="Port">UDP/TCP port; 0 for serial (and for an ephemeral bind port).</param>
/// <param name="DevicePath">Serial device, e.g. <c>/dev/ttyAMA0</c>; empty for UDP/TCP.</param>
/// <param name="BaudRate">Serial baud rate; 0 for UDP/TCP.</param>
public sealed record ConnectionString(string Text, ConnectionKind Kind, string Host, int Port, string DevicePath, int BaudRate)
{
    /// <summary>Baud rate when a serial string names none (MAVSDK's default, and the usual telemetry radio rate).</summary>
    public const int DefaultBaudRate = 57600;

    /// <summary>Highest baud rate accepted.</summary>
    public const int MaxBaudRate = 12_000_000;

    /// <summary>The forms every error message lists.</summary>
    public const string AcceptedForms =
        "udpin://BIND_IP:PORT, udpout://HOST:PORT, tcpin://BIND_IP:PORT, tcpout://HOST:PORT, serial:///dev/DEVICE[:BAUD]";

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/> naming the wrong part.</summary>
    public static ConnectionString Parse(string text) =>
        TryParse(text, out var parsed, out string? error) ? parsed : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> names the wrong part and the accepted forms.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ConnectionString? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        string? problem = TryParseCore(text ?? "", out parsed);
        error = problem is null ? null : $"connection string '{text}': {problem}; accepted forms: {AcceptedForms}";
        return problem is null;
    }

    /// <summary>The string as given.</summary>
    public override string ToString() => Text;

    private static string? TryParseCore(string text, out ConnectionString? parsed)
    {
        parsed = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return "it is empty";
        }

        int separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return "the scheme is missing (expected SCHEME:// at the start)";
        }

        string scheme = text[..separator];
        string rest = text[(separator + 3)..];
        ConnectionKind? kind = scheme switch
        {
            "udpin" => ConnectionKind.UdpIn,
            "udpout" => ConnectionKind.UdpOut,
            "tcpin" => ConnectionKind.TcpIn,
            "tcpout" => ConnectionKind.TcpOut,
            "serial" => ConnectionKind.Serial,
            _ => null,
        };
        if (kind is null)
        {
            return $"scheme '{scheme}' is unknown (expected udpin, udpout, tcpin, tcpout or serial)";
        }

        return kind == ConnectionKind.Serial
            ? ParseSerial(text, rest, out parsed)
            : ParseNetwork(text, kind.Value, rest, out parsed);
    }

    private static string? ParseSerial(string text, string rest, out ConnectionString? parsed)
    {
        parsed = null;
        string device = rest;
        int baud = DefaultBaudRate;
        int colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            device = rest[..colon];
            string baudText = rest[(colon + 1)..];
            if (!int.TryParse(baudText, NumberStyles.None, CultureInfo.InvariantCulture, out baud) || baud <= 0 || baud > MaxBaudRate)
            {
                return $"baud rate '{baudText}' is not a whole number from 1 to {MaxBaudRate}";
            }
        }

        bool windowsPort = device.StartsWith("COM", StringComparison.OrdinalIgnoreCase) && device.Length > 3 && device[3..].All(char.IsAsciiDigit);
        if (device.Length < 2 || (!device.StartsWith('/') && !windowsPort))
        {
            return $"serial device '{device}' is not an absolute path such as /dev/ttyAMA0 (note the three slashes in serial:///dev/...)";
        }

        parsed = new ConnectionString(text, ConnectionKind.Serial, "", 0, device, baud);
        return null;
    }

    private static string? ParseNetwork(string text, ConnectionKind kind, string rest, out ConnectionString? parsed)
    {
        parsed = null;
        string host;
        string portText;
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']');
            if (close < 0)
            {
                return $"IPv6 address in '{rest}' has no closing ']'";
            }

            host = rest[1..close];
            string after = rest[(close + 1)..];
            if (!after.StartsWith(':'))
            {
                return $"port is missing after '[{host}]' (expected [ADDRESS]:PORT)";
            }

            portText = after[1..];
        }
        else
        {
            int colon = rest.LastIndexOf(':');
            if (colon < 0)
            {
                return $"port is missing in '{rest}' (expected HOST:PORT)";
            }

            host = rest[..colon];
            portText = rest[(colon + 1)..];
            if (host.Contains(':'))
            {
                return $"host '{host}' contains ':' (write an IPv6 address in brackets: [::1]:14550)";
            }
        }

        if (host.Length == 0)
        {
            return "host is empty (expected HOST:PORT)";
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > IPEndPoint.MaxPort)
        {
            return $"port '{portText}' is not a whole number from 0 to {IPEndPoint.MaxPort}";
        }

        bool outgoing = kind is ConnectionKind.UdpOut or ConnectionKind.TcpOut;
        bool isAddress = IPAddress.TryParse(host, out var address);
        if (outgoing)
        {
            if (port == 0)
            {
                return "port 0 cannot be a destination (expected the peer's port, e.g. 14550 or 5760)";
            }

            if (isAddress && (address!.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)))
            {
                return $"host '{host}' is an 'any' address and cannot be a destination";
            }

            if (!isAddress && Uri.CheckHostName(host) != UriHostNameType.Dns)
            {
                return $"host '{host}' is neither an IP address nor a host name";
            }
        }
        else if (!isAddress)
        {
            return $"bind address '{host}' is not an IP address (use 0.0.0.0 for every interface)";
        }

        parsed = new ConnectionString(text, kind, host, port, "", 0);
        return null;
    }
}
