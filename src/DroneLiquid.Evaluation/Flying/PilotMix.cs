namespace DroneLiquid.Evaluation.Flying;

/// <summary>
/// Who flies each tick of an episode. With no learner the expert flies every tick. With a learner, the expert flies a
/// tick with probability <see cref="ExpertProbability"/> (DAgger's beta) and the learner otherwise. Noise, when
/// <see cref="NoiseStd"/> is above 0, perturbs the commands the expert flies (Gauss-Markov, 1 s correlation: m/s on
/// forward and right, a quarter of it on down, half of it in rad/s on yaw rate) so the data shows recoveries.
/// </summary>
/// <param name="ExpertFallback">When the learner's step fails: true lets the expert fly that tick (collection), false holds
/// position with a zero command (evaluation, where the failure must count against the learner).</param>
public sealed record PilotMix(double ExpertProbability, float NoiseStd, bool ExpertFallback)
{
    /// <summary>The expert alone, clean (expert evaluation).</summary>
    public static PilotMix Expert { get; } = new(1.0, 0f, true);

    /// <summary>The learner alone (policy evaluation).</summary>
    public static PilotMix Learner { get; } = new(0.0, 0f, false);

    public void Validate()
    {
        if (!double.IsFinite(ExpertProbability) || ExpertProbability is < 0 or > 1)
        {
            throw new ArgumentException($"beta (expert probability): expected a value in [0, 1], got {ExpertProbability}");
        }

        if (!float.IsFinite(NoiseStd) || NoiseStd is < 0f or > 5f)
        {
            throw new ArgumentException($"noise: expected a standard deviation in [0, 5] m/s, got {NoiseStd}");
        }
    }
}
