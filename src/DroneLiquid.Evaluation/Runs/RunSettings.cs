using DroneLiquid.Evaluation.Episodes;

namespace DroneLiquid.Evaluation.Runs;

/// <summary>The episode settings as results.json records them, enough to regenerate every episode (for charts and merges).</summary>
public sealed record RunSettings(
    double ControlRateHz,
    double JitterFraction,
    double FrameDropProbability,
    float WindMetresPerSecond,
    double TimeLimitSeconds,
    float SuccessRadiusMetres,
    float CruiseAltitudeMetres,
    float Density,
    float ExtentMetres,
    float MinTargetDistanceMetres,
    float MaxTargetDistanceMetres,
    int ImageWidth,
    int ImageHeight,
    float CameraFovRadians)
{
    public static RunSettings From(EpisodeSettings s) => new(s.ControlRateHz, s.JitterFraction, s.FrameDropProbability, s.WindMetresPerSecond,
        s.TimeLimitSeconds, s.SuccessRadiusMetres, s.CruiseAltitudeMetres, s.Density, s.ExtentMetres, s.MinTargetDistanceMetres,
        s.MaxTargetDistanceMetres, s.ImageWidth, s.ImageHeight, s.CameraFovRadians);

    public EpisodeSettings ToEpisodeSettings(string world) => new()
    {
        World = EpisodeArguments.ParseWorld(world, "world"),
        ControlRateHz = ControlRateHz,
        JitterFraction = JitterFraction,
        FrameDropProbability = FrameDropProbability,
        WindMetresPerSecond = WindMetresPerSecond,
        TimeLimitSeconds = TimeLimitSeconds,
        SuccessRadiusMetres = SuccessRadiusMetres,
        CruiseAltitudeMetres = CruiseAltitudeMetres,
        Density = Density,
        ExtentMetres = ExtentMetres,
        MinTargetDistanceMetres = MinTargetDistanceMetres,
        MaxTargetDistanceMetres = MaxTargetDistanceMetres,
        ImageWidth = ImageWidth,
        ImageHeight = ImageHeight,
        CameraFovRadians = CameraFovRadians,
    };
}
