namespace DroneLiquid.Sensors.Camera;

/// <summary>Running totals of a camera source.</summary>
/// <param name="FramesPublished">Frames handed over as the newest.</param>
/// <param name="FramesDropped">Frames overwritten by a newer one before the tick took them.</param>
/// <param name="BadFrames">Frames refused (wrong size, not a JPEG) or capture errors.</param>
public readonly record struct CameraCounters(long FramesPublished, long FramesDropped, long BadFrames);
