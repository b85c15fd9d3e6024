
namespace DroneLiquid.Mavlink.Connection;

/// <summary>States of <see cref="LinkWatchdog"/>.</summary>
public enum LinkState
{
    /// <summary>No valid frame has arrived yet.</summary>
    NeverHeard,

    /// <summary>A valid frame arrived within the loss timeout.</summary>
    Alive,

    /// <summary>Silence for at least the loss timeout.</summary>
    Lost,
}
