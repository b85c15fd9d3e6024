using System.Threading.Channels;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Sensors.Tests.Fakes;

/// <summary>
/// One end of an in-memory wire between two <see cref="DroneLiquid.Mavlink.Connection.MavlinkConnection"/>s:
/// what one end sends, the other receives, in order. Sends complete synchronously; nothing touches a socket.
/// </summary>
internal sealed class FakeLinkTransport : ITransport
{
    private readonly Channel<byte[]> _inbound = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private FakeLinkTransport? _peer;

    private FakeLinkTransport(string name) => Name = name;

    public event Action<ITransport, TransportState>? StateChanged;

    public string Name { get; }

    public TransportState State { get; private set; } = TransportState.Created;

    public TransportCounters Counters { get; } = new();

    /// <summary>Two joined ends.</summary>
    public static (FakeLinkTransport Companion, FakeLinkTransport Autopilot) CreatePair()
    {
        var companion = new FakeLinkTransport("fake-companion");
        var autopilot = new FakeLinkTransport("fake-autopilot");
        companion._peer = autopilot;
        autopilot._peer = companion;
        return (companion, autopilot);
    }

    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        State = TransportState.Connected;
        StateChanged?.Invoke(this, State);
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync()
    {
        State = TransportState.Stopped;
        _inbound.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => StopAsync();

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (State != TransportState.Connected || _peer is null)
        {
            return ValueTask.FromResult(false);
        }

        _peer._inbound.Writer.TryWrite(bytes.ToArray());
        return ValueTask.FromResult(true);
    }

    public async ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            byte[] bytes = await _inbound.Reader.ReadAsync(cancellationToken);
            bytes.CopyTo(buffer);
            return new TransportRead(bytes.Length, 1);
        }
        catch (ChannelClosedException)
        {
            return new TransportRead(0, 1);
        }
    }
}
