using System.Threading.Channels;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.FirmwareBridge.Tests.Fakes;

/// <summary>A transport that receives the frames a test injects (one read each) and counts what is sent to it.</summary>
internal sealed class FakeTransport : ITransport
{
    private readonly Channel<byte[]> _inbound = Channel.CreateUnbounded<byte[]>();
    private long _sends;
    private long _received;
    private long _injected;

    public string Name => "fake";

    public TransportState State { get; private set; } = TransportState.Stopped;

    public TransportCounters Counters { get; } = new();

    public long Sends => Interlocked.Read(ref _sends);

    /// <summary>Injected reads the connection has taken.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Frames injected so far.</summary>
    public long Injected => Interlocked.Read(ref _injected);

#pragma warning disable CS0067 // the fake never changes state on its own
    public event Action<ITransport, TransportState>? StateChanged;
#pragma warning restore CS0067

    /// <summary>Queues one frame from the autopilot (system 1, component 1).</summary>
    public void Inject<T>(in T message, byte sequence = 0)
        where T : unmanaged, IMavlinkMessage<T>
    {
        byte[] frame = new byte[MavlinkWire.MaxFrameLength];
        int length = MavlinkEncoder.Encode(frame, in message, new MavlinkHeader(1, 1, sequence));
        Interlocked.Increment(ref _injected);
        _inbound.Writer.TryWrite(frame[..length]);
    }

    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        State = TransportState.Connected;
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync()
    {
        State = TransportState.Stopped;
        _inbound.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    /// <summary>Called with each MAVLink 2 frame sent (message id, payload); a scripted autopilot answers here.</summary>
    public Action<uint, byte[]>? OnSent { get; set; }

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sends);
        ReadOnlySpan<byte> frame = bytes.Span;
        if (OnSent is { } onSent && frame.Length >= MavlinkWire.HeaderLengthV2 && frame[0] == MavlinkWire.StxV2)
        {
            uint messageId = (uint)(frame[7] | (frame[8] << 8) | (frame[9] << 16));
            onSent(messageId, frame.Slice(MavlinkWire.HeaderLengthV2, frame[1]).ToArray());
        }

        return ValueTask.FromResult(true);
    }

    public async ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (await _inbound.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_inbound.Reader.TryRead(out byte[]? frame))
            {
                frame.CopyTo(buffer);
                Interlocked.Increment(ref _received);
                return new TransportRead(frame.Length, 1);
            }
        }

        return new TransportRead(0, 1);
    }

    public ValueTask DisposeAsync() => StopAsync();
}
