namespace DroneLiquid.Training.Data;

/// <summary>
/// Per-step weights of the head's loss. Braking steps are few (0.2 % of the expert's forest flights, 16 % of the
/// fourth DAgger round, where the learner flew), and at the moments that decide a crash: the learner closing on a
/// tree at cruise speed while the expert's label says slow down and turn.
/// </summary>
public static class StepWeights
{
    /// <summary>The column, among the observations and among the actions, that braking is read from.</summary>
    public const string Velocity = "velocity_body_forward";

    /// <summary>A step brakes when the expert's forward command is at least this far below the forward velocity.</summary>
    public const float BrakeMarginMetresPerSecond = 1f;

    /// <summary>Per episode [steps]: <paramref name="brakeWeight"/> where the expert brakes, 1 elsewhere.</summary>
    public static float[][] Braking(IReadOnlyList<TrainingEpisode> episodes, IReadOnlyList<string> observationNames, IReadOnlyList<string> actionNames, float brakeWeight)
    {
        int velocity = IndexOf(observationNames, "observations");
        int command = IndexOf(actionNames, "actions");
        int nObs = observationNames.Count, nAct = actionNames.Count;
        var weights = new float[episodes.Count][];
        for (int e = 0; e < episodes.Count; e++)
        {
            var episode = episodes[e];
            var w = new float[episode.Steps];
            for (int t = 0; t < episode.Steps; t++)
            {
                bool brakes = episode.Actions[(t * nAct) + command] <= episode.Observations[(t * nObs) + velocity] - BrakeMarginMetresPerSecond;
                w[t] = brakes ? brakeWeight : 1f;
            }

            weights[e] = w;
        }

        return weights;
    }

    /// <summary>The share of steps that brake, for the provenance.</summary>
    public static double BrakingShare(float[][] weights, float brakeWeight)
    {
        long steps = 0, braking = 0;
        foreach (var w in weights)
        {
            steps += w.Length;
            braking += w.Count(v => v == brakeWeight);
        }

        return steps == 0 ? 0 : (double)braking / steps;
    }

    private static int IndexOf(IReadOnlyList<string> names, string what)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == Velocity)
            {
                return i;
            }
        }

        throw new ArgumentException($"braking weights need {Velocity} among the {what}");
    }
}
