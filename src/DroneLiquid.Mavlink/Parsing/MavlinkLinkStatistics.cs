namespace DroneLiquid.Mavlink;

/// <summary>Counters of one parser (one link). Updated by the parser's thread; read them from the same thread or tolerate tearing.</summary>
public sealed class MavlinkLinkStatistics
{
    /// <summary>Bytes handed to the parser.</summary>
    public long BytesReceived { get; internal set; }

    /// <summary>Frames yielded as <see cref="MavlinkFrameVerdict.Ok"/>.</summary>
    public long FramesReceived { get; internal set; }

    /// <summary>Frames with a wrong checksum (as the C library reports them).</summary>
    public long CrcErrors { get; internal set; }

    /// <summary>Frames yielded as <see cref="MavlinkFrameVerdict.BadSignature"/>.</summary>
    public long SignatureErrors { get; internal set; }

    /// <summary>Frames with an id the dialect does not know, yielded as <see cref="MavlinkFrameVerdict.Unverified"/>.</summary>
    public long UnknownMessageIds { get; internal set; }

    /// <summary>
    /// Valid frames the C parser would have lost: found by rescanning bytes a failed frame had claimed
    /// (e.g. a truncated frame followed by a whole one). Included in <see cref="FramesReceived"/>.
    /// </summary>
    public long FramesRecovered { get; internal set; }

    /// <summary>Sum of sequence gaps over every (system, component) seen in Ok frames.</summary>
    public long PacketsLost { get; internal set; }

    public override string ToString() =>
        $"bytes {BytesReceived}, frames {FramesReceived} (recovered {FramesRecovered}), CRC errors {CrcErrors}, " +
        $"signature errors {SignatureErrors}, unknown ids {UnknownMessageIds}, lost {PacketsLost}";
}
