namespace DroneLiquid.Mavlink;

/// <summary>
/// Incoming signing rules, in the order of the MAVLink C library: signature bytes, then per-stream
/// replay protection keyed by (system, component, link id): a new stream must not be more than one minute
/// behind the receiver timestamp, a known stream's timestamp must strictly increase. A frame that fails
/// (or an unsigned frame) is still Ok when the accept-unsigned callback accepts its id. The stream table
/// is bounded; when full, the stream updated longest ago is forgotten.
/// </summary>
public sealed class MavlinkSignatureVerifier
{
    public const int DefaultStreamCapacity = 32;

    private readonly Func<uint, bool>? _acceptUnsigned;
    private readonly ulong[] _streamKeys;
    private readonly ulong[] _streamTimestamps;
    private readonly long[] _streamTouched;
    private int _streamCount;
    private long _touch;

    /// <param name="key">The shared secret.</param>
    /// <param name="acceptUnsigned">Ids that may arrive unsigned or fail the checks (e.g. RADIO_STATUS); null accepts none.</param>
    /// <param name="initialTimestamp">Receiver timestamp to start from, e.g. <see cref="MavlinkTimestamp.Now"/>; 0 trusts the first frame of every stream.</param>
    /// <param name="streamCapacity">Streams remembered at once (1..1024).</param>
    public MavlinkSignatureVerifier(MavlinkSigningKey key, Func<uint, bool>? acceptUnsigned = null, ulong initialTimestamp = 0,
        int streamCapacity = DefaultStreamCapacity)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(streamCapacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(streamCapacity, 1024);
        Key = key;
        _acceptUnsigned = acceptUnsigned;
        ReceiverTimestamp = Math.Min(initialTimestamp, MavlinkTimestamp.MaxValue);
        _streamKeys = new ulong[streamCapacity];
        _streamTimestamps = new ulong[streamCapacity];
        _streamTouched = new long[streamCapacity];
    }

    /// <summary>A verifier whose receiver timestamp starts at the clock's now, so stale new streams are refused from the start.</summary>
    public MavlinkSignatureVerifier(MavlinkSigningKey key, TimeProvider clock, Func<uint, bool>? acceptUnsigned = null,
        int streamCapacity = DefaultStreamCapacity)
        : this(key, acceptUnsigned, MavlinkTimestamp.Now(clock ?? throw new ArgumentNullException(nameof(clock))), streamCapacity)
    {
    }

    public MavlinkSigningKey Key { get; }

    /// <summary>Highest timestamp accepted so far (or set by <see cref="AdvanceTimestamp"/>).</summary>
    public ulong ReceiverTimestamp { get; private set; }

    /// <summary>Status of the last signed frame checked.</summary>
    public MavlinkSigningStatus LastStatus { get; private set; }

    public int StreamCount => _streamCount;

    public long BadSignatures { get; private set; }

    public long OldTimestamps { get; private set; }

    public long Replays { get; private set; }

    /// <summary>Unsigned frames rejected because their id must be signed.</summary>
    public long UnsignedRejected { get; private set; }

    /// <summary>Frames that failed or lacked a signature but were accepted by the callback.</summary>
    public long AcceptedUnsigned { get; private set; }

    public long StreamsEvicted { get; private set; }

    /// <summary>Moves the receiver timestamp forward (e.g. from the clock); never backwards.</summary>
    public void AdvanceTimestamp(ulong timestamp)
    {
        if (timestamp > ReceiverTimestamp)
        {
            ReceiverTimestamp = Math.Min(timestamp, MavlinkTimestamp.MaxValue);
        }
    }

    /// <summary>The verdict for a frame whose checksum is correct.</summary>
    public MavlinkFrameVerdict Check(in MavlinkFrame frame)
    {
        if (!frame.IsSigned)
        {
            if (AcceptsUnsigned(frame.MessageId))
            {
                return MavlinkFrameVerdict.Ok;
            }
            UnsignedRejected++;
            return MavlinkFrameVerdict.BadSignature;
        }
        MavlinkSigningStatus status = CheckSignature(in frame);
        if (status == MavlinkSigningStatus.Ok)
        {
            return MavlinkFrameVerdict.Ok;
        }
        return AcceptsUnsigned(frame.MessageId) ? MavlinkFrameVerdict.Ok : MavlinkFrameVerdict.BadSignature;
    }

    /// <summary>Applies the signature and replay rules to a signed frame, updating the stream table when it passes.</summary>
    public MavlinkSigningStatus CheckSignature(in MavlinkFrame frame)
    {
        MavlinkSigningStatus status = Evaluate(in frame);
        LastStatus = status;
        switch (status)
        {
            case MavlinkSigningStatus.BadSignature: BadSignatures++; break;
            case MavlinkSigningStatus.OldTimestamp: OldTimestamps++; break;
            case MavlinkSigningStatus.Replay: Replays++; break;
        }
        return status;
    }

    private MavlinkSigningStatus Evaluate(in MavlinkFrame frame)
    {
        if (!MavlinkSignature.Verify(Key, in frame))
        {
            return MavlinkSigningStatus.BadSignature;
        }
        ulong timestamp = frame.SignatureTimestamp;
        ulong streamKey = ((ulong)frame.SystemId << 16) | ((ulong)frame.ComponentId << 8) | frame.LinkId;
        int slot = Array.IndexOf(_streamKeys, streamKey, 0, _streamCount);
        if (slot < 0)
        {
            if (timestamp + MavlinkTimestamp.OneMinute < ReceiverTimestamp)
            {
                return MavlinkSigningStatus.OldTimestamp;
            }
            slot = _streamCount < _streamKeys.Length ? _streamCount++ : EvictOldest();
            _streamKeys[slot] = streamKey;
        }
        else if (timestamp <= _streamTimestamps[slot])
        {
            return MavlinkSigningStatus.Replay;
        }
        _streamTimestamps[slot] = timestamp;
        _streamTouched[slot] = ++_touch;
        if (timestamp > ReceiverTimestamp)
        {
            ReceiverTimestamp = timestamp;
        }
        return MavlinkSigningStatus.Ok;
    }

    private int EvictOldest()
    {
        int oldest = 0;
        for (int i = 1; i < _streamCount; i++)
        {
            if (_streamTouched[i] < _streamTouched[oldest])
            {
                oldest = i;
            }
        }
        StreamsEvicted++;
        return oldest;
    }

    private bool AcceptsUnsigned(uint messageId)
    {
        if (_acceptUnsigned is not null && _acceptUnsigned(messageId))
        {
            AcceptedUnsigned++;
            return true;
        }
        return false;
    }

    public override string ToString() => $"MavlinkSignatureVerifier({_streamCount} streams)";
}
