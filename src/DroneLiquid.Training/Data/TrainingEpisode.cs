namespace DroneLiquid.Training.Data;

/// <summary>
/// One recorded flight as the trainer sees it: per step the raw (unnormalised) observations in the data set's
/// column order, the real elapsed time since the previous step, the expert's command and, for vision data,
/// the camera frame as 8-bit RGB planes.
/// </summary>
/// <param name="Id">Where it came from (file and episode), for messages.</param>
/// <param name="Observations">[Steps * observation count], row-major.</param>
/// <param name="ElapsedSeconds">[Steps]; the first step's value is the time since the episode began.</param>
/// <param name="Actions">[Steps * action count], row-major, in SI units.</param>
/// <param name="Images">[Steps * 3 * height * width] CHW bytes, or null for state-only data.</param>
/// <param name="Validation">True when the episode belongs to the validation split (model selection, never test).</param>
public sealed record TrainingEpisode(string Id, int Steps, float[] Observations, float[] ElapsedSeconds, float[] Actions, byte[]? Images, bool Validation)
{
    /// <summary>How to rebuild its world and where each frame was taken; null for generated data.</summary>
    public EpisodeOrigin? Origin { get; init; }
}
