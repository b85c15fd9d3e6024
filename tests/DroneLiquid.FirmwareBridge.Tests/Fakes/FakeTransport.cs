using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.FirmwareBridge.Tests.Fakes;

/// <summary>A transport that receives nothing and counts what is sent to it.</summary>
internal sealed class FakeTransport : ITransport
{
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sends;

    public string Name => "fake";

    public TransportState State { get; private set; } = TransportState.Stopped;

    public TransportCounters Counters { get; } = new();

    public long Sends => Interlocked.Read(ref _sends);

#pragma warning disable CS0067 // the fake never changes state on its own
    public event Action<ITransport, TransportState>? StateChanged;
#pragma warning restore CS0067

    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        State = TransportState.Connected;
        return ValueTask.CompletedTask;
    }

    public ValueTask StopAsync()
    {
        State = TransportState.Stopped;
        _stopped.TrySetResult();
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sends);
        return ValueTask.FromResult(true);
    }

    public async ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        await _stopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new TransportRead(0, 0);
    }

    public ValueTask DisposeAsync() => StopAsync();
}
