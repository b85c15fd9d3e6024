using System.Globalization;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Episodes;

/// <summary>
/// How the episodes of a `collect` or `eval` run are made and flown. Defaults: 20 Hz control with 10% interval
/// jitter and 5% dropped frames, 1.5 m/s mean wind with gusts, a 60 s limit, a 1 m success radius, 2.5 m cruise
/// height, density 0.5 in a 120 m square, targets 25-40 m from the start.
/// </summary>
public sealed record EpisodeSettings
{
    public required WorldKind World { get; init; }

    /// <summary>Nominal control (camera) rate, hertz; the policy steps once per delivered frame.</summary>
    public double ControlRateHz { get; init; } = 20;

    /// <summary>Standard deviation of each sample interval as a fraction of the nominal period (clamped to [0.5, 1.5] periods).</summary>
    public double JitterFraction { get; init; } = 0.1;

    /// <summary>Probability that a frame is dropped: no sample and no policy step at that tick; the next sample's elapsed time covers the gap.</summary>
    public double FrameDropProbability { get; init; } = 0.05;

    /// <summary>Mean wind speed, m/s (direction drawn per episode); gusts add a Gauss-Markov turbulence of a quarter of it.</summary>
    public float WindMetresPerSecond { get; init; } = 1.5f;

    public double TimeLimitSeconds { get; init; } = 60;

    public float SuccessRadiusMetres { get; init; } = 1.0f;

    /// <summary>Height of the start hover and of the target above the ground, metres.</summary>
    public float CruiseAltitudeMetres { get; init; } = 2.5f;

    /// <summary>Obstacle density, 0..1.</summary>
    public float Density { get; init; } = 0.5f;

    /// <summary>Half the side of the square world, metres.</summary>
    public float ExtentMetres { get; init; } = 60f;

    public float MinTargetDistanceMetres { get; init; } = 25f;

    public float MaxTargetDistanceMetres { get; init; } = 40f;

    /// <summary>Camera image width for vision policies and image datasets, pixels (0: no camera).</summary>
    public int ImageWidth { get; init; }

    public int ImageHeight { get; init; }

    /// <summary>Horizontal field of view of the forward camera, radians.</summary>
    public float CameraFovRadians { get; init; } = 1.5708f;

    public bool HasCamera => ImageWidth > 0 && ImageHeight > 0;

    /// <summary>Checks every field; throws <see cref="ArgumentException"/> naming the field, its limits and the value.</summary>
    public void Validate()
    {
        Check(ControlRateHz, 1, 200, "control rate (Hz)");
        Check(JitterFraction, 0, 0.5, "jitter (fraction of the period)");
        Check(FrameDropProbability, 0, 0.5, "frame drop probability");
        Check(WindMetresPerSecond, 0, 12, "wind (m/s)");
        Check(TimeLimitSeconds, 1, 3600, "time limit (s)");
        Check(SuccessRadiusMetres, 0.2, 10, "success radius (m)");
        Check(CruiseAltitudeMetres, 1, 50, "cruise altitude (m)");
        Check(Density, 0, 1, "density");
        Check(ExtentMetres, 20, 500, "extent (m)");
        Check(MinTargetDistanceMetres, 2, ExtentMetres, "minimum target distance (m)");
        Check(MaxTargetDistanceMetres, MinTargetDistanceMetres, ExtentMetres, "maximum target distance (m)");
        Check(CameraFovRadians, 0.1, 3.0, "camera field of view (rad)");
        if (ImageWidth != 0 || ImageHeight != 0)
        {
            Check(ImageWidth, 8, 1024, "image width (px)");
            Check(ImageHeight, 8, 1024, "image height (px)");
        }
    }

    private static void Check(double value, double min, double max, string name)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}: expected a value in [{min}, {max}], got {value}"));
        }
    }
}
