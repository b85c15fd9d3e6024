namespace DroneLiquid.Sim.Scenarios;

/// <summary>
/// A body-fixed forward camera: image size, horizontal field of view, mounting pitch (positive tilts the optical
/// axis up from the body's forward axis) and the range beyond which nothing is drawn (depth reads this value).
/// </summary>
public sealed record CameraSpec(int WidthPixels, int HeightPixels, float HorizontalFovRadians, float MountPitchRadians = 0f, float MaxRangeMetres = 120f)
{
    public static CameraSpec Default { get; } = new(128, 96, 1.5708f);

    /// <summary>Checks every field; throws with the field named, its limits and the value found.</summary>
    public void Validate()
    {
        Check(WidthPixels, 8, 4096, "width_px");
        Check(HeightPixels, 8, 4096, "height_px");
        Check(HorizontalFovRadians, 0.1f, 3.0f, "hfov_rad");
        Check(MountPitchRadians, -1.5f, 1.5f, "pitch_rad");
        Check(MaxRangeMetres, 1f, 2000f, "max_range_m");
    }

    private static void Check(float value, float min, float max, string field)
    {
        if (!float.IsFinite(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(field, value, $"camera field '{field}': expected a value in [{min}, {max}], got {value}");
        }
    }
}
