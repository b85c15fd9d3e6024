namespace DroneLiquid.Flight.Observations;

/// <summary>Whether an observation vector could be built; anything but <see cref="Ok"/> means: do not step the policy.</summary>
public enum ObservationStatus
{
    Ok,

    /// <summary>A raw value is NaN or infinite (a bad or missing sample).</summary>
    NonFinite,

    /// <summary>A raw value lies outside the Min/Max policy.json declares for it (the policy was never trained there).</summary>
    OutOfRange,
}
