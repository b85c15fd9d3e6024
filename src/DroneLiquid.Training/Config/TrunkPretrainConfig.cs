namespace DroneLiquid.Training.Config;

/// <summary>
/// Stage one of a vision run: the trunk and a small feed-forward readout (features and observations -> one
/// hidden tanh layer -> commands) learn the expert's command from single frames in shuffled batches. Each frame
/// goes through the trunk once an epoch, where BPTT windows overlapping by half pass it twice and in correlated
/// batches; the frozen trunk's features are then cached, so the recurrent head can train for many epochs at a
/// small fraction of the cost.
/// </summary>
/// <param name="Augment">
/// Colour augmentation of every training frame (validation frames stay clean): a random channel order, grey
/// with probability 0.3, brightness and contrast in [0.6, 1.4] and a gain per channel in [0.8, 1.2]. The
/// trunk then cannot tell obstacles by the forest's colours alone (green crowns, brown trunks, green ground),
/// which is what a forest-only trunk must not depend on to see a grey street.
/// </param>
/// <param name="Data">
/// The run's data sets (entries of its <c>data</c>) that stage one learns and validates on; null: all of them. A DAgger set
/// can be left to the head: the trunk learns to see from the expert's flights, the head learns to recover from
/// its own mistakes on the frozen trunk's features of every set.
/// </param>
/// <param name="NearnessWeight">
/// Weight of the auxiliary nearness loss (<see cref="Data.NearnessTargets"/>: how near the world is on a 16 x 12 grid
/// over the view, predicted linearly from the features), added to the command loss; null or 0: none. Needs collected
/// data, whose worlds the trainer rebuilds. Validation (best epoch) still judges the command loss alone.
/// </param>
/// <param name="FrameFraction">
/// Share of the training frames each epoch draws, at random and anew every epoch (seeded); null or 1: all. Frames a
/// control tick apart are nearly the same picture, so the trunk can learn from several data sets (DAgger rounds, whose
/// learner flew where the expert never goes) for the time one set costs.
/// </param>
/// <param name="Checkpoints">
/// Folder of the trunk's checkpoints and cached features (relative to the config file); empty: "trunk" inside the
/// run's checkpoint folder. Runs whose trunk stage is identical (same data, seed, image, features and these
/// settings) may share it: the second finds the finished trunk and reuses it.
/// </param>
public sealed record TrunkPretrainConfig(
    int Epochs = 2,
    int Batch = 64,
    int Hidden = 64,
    double LearningRate = 1e-3,
    double LearningRateFinal = 3e-4,
    bool Augment = false,
    IReadOnlyList<string>? Data = null,
    string Checkpoints = "",
    double? NearnessWeight = null,
    double? FrameFraction = null)
{
    public IEnumerable<string> Validate()
    {
        if (Epochs < 1) yield return $"epochs: is {Epochs}, expected >= 1";
        if (Batch < 1) yield return $"batch: is {Batch}, expected >= 1";
        if (Hidden < 1) yield return $"hidden: is {Hidden}, expected >= 1";
        if (!(LearningRate > 0) || !(LearningRateFinal > 0)) yield return $"learning_rate/learning_rate_final: are {LearningRate}/{LearningRateFinal}, expected > 0";
        if (NearnessWeight is { } w && !(w >= 0 && w <= 100)) yield return $"nearness_weight: is {w}, expected in [0, 100]";
        if (FrameFraction is { } f && !(f > 0 && f <= 1)) yield return $"frame_fraction: is {f}, expected in (0, 1]";
        if (Data is { Count: 0 }) yield return "data: lists no data set (leave it out to use all of the run's)";
    }
}
