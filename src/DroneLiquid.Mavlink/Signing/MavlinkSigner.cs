namespace DroneLiquid.Mavlink;

/// <summary>
/// Signs outgoing frames of one link: key, link id and a timestamp from <see cref="TimeProvider"/> that
/// never repeats (one more than the last when the clock has not moved, as the spec requires).
/// Safe to call from several sending threads.
/// </summary>
public sealed class MavlinkSigner
{
    private readonly TimeProvider _clock;
    private ulong _lastTimestamp;

    public MavlinkSigner(MavlinkSigningKey key, byte linkId, TimeProvider clock, ulong initialTimestamp = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(clock);
        Key = key;
        LinkId = linkId;
        _clock = clock;
        _lastTimestamp = initialTimestamp;
    }

    public MavlinkSigningKey Key { get; }

    public byte LinkId { get; }

    /// <summary>The timestamp of the last signed frame (persist it so a restart never goes back).</summary>
    public ulong LastTimestamp => Volatile.Read(ref _lastTimestamp);

    /// <summary>max(clock, last + 1), capped at 48 bits.</summary>
    public ulong NextTimestamp()
    {
        ulong now = MavlinkTimestamp.Now(_clock);
        while (true)
        {
            ulong last = Volatile.Read(ref _lastTimestamp);
            ulong next = Math.Min(now > last ? now : last + 1, MavlinkTimestamp.MaxValue);
            if (Interlocked.CompareExchange(ref _lastTimestamp, next, last) == last)
            {
                return next;
            }
        }
    }

    public override string ToString() => $"MavlinkSigner(link {LinkId})";
}
