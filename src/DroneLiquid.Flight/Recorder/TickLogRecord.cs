namespace DroneLiquid.Flight.Recorder;

/// <summary>One record read back from a tick log: the fixed part plus the observation and policy-output values.</summary>
public sealed record TickLogRecord(TickSample Sample, float[] Observation, float[] Outputs);
