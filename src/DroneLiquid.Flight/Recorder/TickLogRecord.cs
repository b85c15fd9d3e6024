namespace DroneLiquid.Flight.Recorder;

/// <summary>One record read back from a tick log: the fixed part plus the observation, policy-output and image-feature values.</summary>
public sealed record TickLogRecord(TickSample Sample, float[] Observation, float[] Outputs, float[] Features);
