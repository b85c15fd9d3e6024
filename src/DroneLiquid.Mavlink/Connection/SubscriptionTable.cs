namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// Handlers by message id. Reads (once per frame, on the receive loop) take no lock and allocate nothing:
/// the table is an immutable snapshot that (rare) subscribe and unsubscribe calls replace.
/// </summary>
internal sealed class SubscriptionTable
{
    private readonly Lock _gate = new();
    private Dictionary<uint, FrameSubscriber[]> _byId = [];

    public bool TryGet(uint messageId, out FrameSubscriber[] subscribers) =>
        Volatile.Read(ref _byId).TryGetValue(messageId, out subscribers!);

    public IDisposable Add(FrameSubscriber subscriber)
    {
        lock (_gate)
        {
            var next = new Dictionary<uint, FrameSubscriber[]>(_byId);
            next[subscriber.MessageId] = next.TryGetValue(subscriber.MessageId, out var existing) ? [.. existing, subscriber] : [subscriber];
            Volatile.Write(ref _byId, next);
        }

        return new Unsubscriber(this, subscriber);
    }

    private void Remove(FrameSubscriber subscriber)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(subscriber.MessageId, out var existing))
            {
                return;
            }

            var next = new Dictionary<uint, FrameSubscriber[]>(_byId);
            FrameSubscriber[] remaining = existing.Where(s => s != subscriber).ToArray();
            if (remaining.Length == 0)
            {
                next.Remove(subscriber.MessageId);
            }
            else
            {
                next[subscriber.MessageId] = remaining;
            }

            Volatile.Write(ref _byId, next);
        }
    }

    private sealed class Unsubscriber(SubscriptionTable table, FrameSubscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                table.Remove(subscriber);
            }
        }
    }
}
