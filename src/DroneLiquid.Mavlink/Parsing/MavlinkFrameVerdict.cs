namespace DroneLiquid.Mavlink;

/// <summary>What the parser concluded about a frame (the C library's OK / BAD_CRC / BAD_SIGNATURE, plus Unverified).</summary>
public enum MavlinkFrameVerdict
{
    /// <summary>Checksum (with CRC_EXTRA) correct and, when signing is on, the signature rules passed or the id may be unsigned.</summary>
    Ok,

    /// <summary>Checksum wrong. The bytes are those the C parser consumed (no signature block).</summary>
    BadCrc,

    /// <summary>Checksum correct but the signature is wrong, old, replayed, or missing on an id that must be signed.</summary>
    BadSignature,

    /// <summary>The dialect does not know the id, so the checksum cannot be checked: a raw frame for routing only.</summary>
    Unverified,
}
