namespace DroneLiquid.Evaluation.Episodes;

/// <summary>
/// What an episode is for. Each purpose draws its world seeds from its own stream (<see cref="EpisodeSeeds"/>), so a
/// test episode can never share a world with a training or validation episode, whatever seeds the user passes.
/// </summary>
public enum EpisodePurpose
{
    /// <summary>Data collection for training (`collect`, the default there).</summary>
    Train = 0,

    /// <summary>Model selection while training (`collect --purpose validation`).</summary>
    Validation = 1,

    /// <summary>Held-out evaluation (`eval`, always).</summary>
    Test = 2,
}
