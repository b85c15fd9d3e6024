namespace DroneLiquid.Sim.Simulation;

/// <summary>Where an episode stands.</summary>
public enum EpisodeStatus
{
    Running,

    /// <summary>The vehicle came within the success radius of the target.</summary>
    Succeeded,

    /// <summary>The vehicle touched an obstacle or hit the ground too fast or too tilted.</summary>
    Crashed,

    /// <summary>The time limit passed first.</summary>
    TimedOut,
}
