namespace DroneLiquid.Mavlink;

/// <summary>
/// Signs outgoing frames of one link: key, link id and a timestamp from <see cref="TimeProvider"/> that
/// never repeats (one more than the last when the clock has not moved, as the spec requires).
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
    public ulong LastTimestamp => _lastTimestamp;

    /// <summary>max(clock, last + 1), capped at 48 bits.</summary>
    public ulong NextTimestamp()
    {
        ulong now = MavlinkTimestamp.Now(_clock);
        ulong next = now > _lastTimestamp ? now : _lastTimestamp + 1;
        _lastTimestamp = Math.Min(next, MavlinkTimestamp.MaxValue);
        return _lastTimestamp;
    }

    public override string ToString() => $"MavlinkSigner(link {LinkId})";
}
