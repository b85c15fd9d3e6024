namespace DroneLiquid.Perception.Recurrent;

/// <summary>One recorded step of a reference step graph: inputs x, h, ts and what torch computed, y and h_next.</summary>
public sealed record OnnxStepPair(float[] X, float[] H, float Ts, float[] Y, float[] HNext);
