namespace DroneLiquid.Flight.Policies;

/// <summary>The outcome of one <see cref="FlightPolicy.TryStep"/>; anything but <see cref="Ok"/> sends nothing.</summary>
public enum PolicyStepStatus
{
    Ok,

    /// <summary>An observation was NaN or infinite (a stale or broken sample); the network state is untouched.</summary>
    ObservationNonFinite,

    /// <summary>An observation was outside its declared Min/Max; the network state is untouched.</summary>
    ObservationOutOfRange,

    /// <summary>The elapsed time was negative or not finite; the network state is untouched.</summary>
    InvalidElapsedTime,

    /// <summary>The network produced a non-finite output; its state is untouched and the output is not used.</summary>
    NonFiniteOutput,
}
