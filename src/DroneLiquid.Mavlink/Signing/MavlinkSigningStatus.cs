namespace DroneLiquid.Mavlink;

/// <summary>Outcome of the signature rules for one signed frame (the C library's last_status).</summary>
public enum MavlinkSigningStatus
{
    Ok,

    /// <summary>The 6 signature bytes do not match the key.</summary>
    BadSignature,

    /// <summary>A new stream whose timestamp is more than a minute behind the receiver's.</summary>
    OldTimestamp,

    /// <summary>A known stream whose timestamp did not increase.</summary>
    Replay,
}
