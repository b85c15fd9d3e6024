using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting.Systemd;

namespace DroneLiquid.Service.Tests.Fakes;

/// <summary>
/// A real AF_UNIX datagram socket standing in for systemd's NOTIFY_SOCKET, and the library's own
/// <see cref="SystemdNotifier"/> pointed at it (it reads NOTIFY_SOCKET when constructed).
/// </summary>
internal sealed class FakeNotifySocket : IDisposable
{
    private static readonly Lock EnvironmentGate = new();
    private readonly Socket _socket;
    private readonly string _path;

    public FakeNotifySocket()
    {
        _path = Path.Combine(Path.GetTempPath(), $"dl-notify-{Guid.NewGuid():N}.sock");
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(_path));
        lock (EnvironmentGate)
        {
            string? before = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
            Environment.SetEnvironmentVariable("NOTIFY_SOCKET", _path);
            try
            {
                Notifier = new SystemdNotifier();
            }
            finally
            {
                Environment.SetEnvironmentVariable("NOTIFY_SOCKET", before);
            }
        }
    }

    public SystemdNotifier Notifier { get; }

    /// <summary>The socket's path, for NOTIFY_SOCKET.</summary>
    public string SocketPath => _path;

    /// <summary>The next datagram as text, or null when none arrives within <paramref name="timeout"/>.</summary>
    public string? Receive(TimeSpan timeout)
    {
        if (!_socket.Poll((int)timeout.TotalMicroseconds, SelectMode.SelectRead))
        {
            return null;
        }

        var buffer = new byte[512];
        int n = _socket.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    /// <summary>Every datagram waiting now, as text.</summary>
    public List<string> Drain()
    {
        var messages = new List<string>();
        var buffer = new byte[512];
        while (_socket.Available > 0)
        {
            int n = _socket.Receive(buffer);
            messages.Add(Encoding.UTF8.GetString(buffer, 0, n));
        }

        return messages;
    }

    public void Dispose()
    {
        _socket.Dispose();
        File.Delete(_path);
    }
}
