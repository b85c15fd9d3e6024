using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Transports;

public class ConnectionStringTests
{
    [Theory]
    [InlineData("udpin://0.0.0.0:14540", ConnectionKind.UdpIn, "0.0.0.0", 14540)]
    [InlineData("udpout://127.0.0.1:14550", ConnectionKind.UdpOut, "127.0.0.1", 14550)]
    [InlineData("tcpout://127.0.0.1:5760", ConnectionKind.TcpOut, "127.0.0.1", 5760)]
    [InlineData("tcpin://0.0.0.0:5760", ConnectionKind.TcpIn, "0.0.0.0", 5760)]
    [InlineData("tcpout://localhost:5762", ConnectionKind.TcpOut, "localhost", 5762)]
    [InlineData("udpout://[::1]:14550", ConnectionKind.UdpOut, "::1", 14550)]
    [InlineData("udpin://127.0.0.1:0", ConnectionKind.UdpIn, "127.0.0.1", 0)]
    public void NetworkFormsParse(string text, ConnectionKind kind, string host, int port)
    {
        var parsed = ConnectionString.Parse(text);
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(host, parsed.Host);
        Assert.Equal(port, parsed.Port);
        Assert.Equal(text, parsed.ToString());
    }

    [Theory]
    [InlineData("serial:///dev/ttyAMA0:921600", "/dev/ttyAMA0", 921600)]
    [InlineData("serial:///dev/ttyUSB0", "/dev/ttyUSB0", ConnectionString.DefaultBaudRate)]
    [InlineData("serial://COM3:57600", "COM3", 57600)]
    public void SerialFormsParse(string text, string device, int baud)
    {
        var parsed = ConnectionString.Parse(text);
        Assert.Equal(ConnectionKind.Serial, parsed.Kind);
        Assert.Equal(device, parsed.DevicePath);
        Assert.Equal(baud, parsed.BaudRate);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("127.0.0.1:14550", "scheme is missing")]
    [InlineData("udp://0.0.0.0:14540", "scheme 'udp' is unknown")]
    [InlineData("udpin://0.0.0.0", "port is missing in '0.0.0.0'")]
    [InlineData("udpin://:14540", "host is empty")]
    [InlineData("udpin://0.0.0.0:99999", "port '99999'")]
    [InlineData("udpin://0.0.0.0:14x40", "port '14x40'")]
    [InlineData("udpin://0.0.0.0:-1", "port '-1'")]
    [InlineData("udpin://myhost:14540", "bind address 'myhost' is not an IP address")]
    [InlineData("udpout://127.0.0.1:0", "port 0 cannot be a destination")]
    [InlineData("tcpout://0.0.0.0:5760", "'any' address")]
    [InlineData("tcpout://bad host!:5760", "neither an IP address nor a host name")]
    [InlineData("udpout://::1:14550", "IPv6 address in brackets")]
    [InlineData("udpout://[::1:14550", "no closing ']'")]
    [InlineData("serial://dev/ttyUSB0:57600", "not an absolute path")]
    [InlineData("serial:///dev/ttyUSB0:fast", "baud rate 'fast'")]
    [InlineData("serial:///dev/ttyUSB0:0", "baud rate '0'")]
    public void MalformedStringsNameTheWrongPartAndListTheAcceptedForms(string text, string expectedFragment)
    {
        Assert.False(ConnectionString.TryParse(text, out var parsed, out string? error));
        Assert.Null(parsed);
        Assert.Contains(expectedFragment, error);
        Assert.Contains($"connection string '{text}'", error);
        Assert.Contains(ConnectionString.AcceptedForms, error);

        var thrown = Assert.Throws<FormatException>(() => ConnectionString.Parse(text));
        Assert.Equal(error, thrown.Message);
    }

    [Fact]
    public void FactoryMakesTheTransportTheSchemeNames()
    {
        Assert.IsType<UdpServerTransport>(TransportFactory.Create("udpin://127.0.0.1:0"));
        Assert.IsType<UdpClientTransport>(TransportFactory.Create("udpout://127.0.0.1:14550"));
        Assert.IsType<TcpServerTransport>(TransportFactory.Create("tcpin://127.0.0.1:0"));
        Assert.IsType<TcpClientTransport>(TransportFactory.Create("tcpout://127.0.0.1:5760"));
        Assert.IsType<SerialTransport>(TransportFactory.Create("serial:///dev/ttyAMA0:921600"));
        Assert.Throws<FormatException>(() => TransportFactory.Create("tcp://127.0.0.1:5760"));
    }
}
