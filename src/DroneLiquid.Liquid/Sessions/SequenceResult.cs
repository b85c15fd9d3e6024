namespace DroneLiquid.Liquid.Sessions;

/// <summary>What <see cref="LiquidSession.RunSequence"/> recorded, indexed [time][...].</summary>
/// <param name="Outputs">[time][output size].</param>
/// <param name="States">[time][state size]: the hidden state h after every step, in the model's state layout.</param>
/// <param name="CellStates">[time][state size]: the LSTM cell state c after every step, or null without mixed memory.</param>
public sealed record SequenceResult(float[][] Outputs, float[][] States, float[][]? CellStates);
