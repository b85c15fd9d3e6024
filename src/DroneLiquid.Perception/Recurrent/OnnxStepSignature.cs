using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Perception.Recurrent;

/// <summary>
/// The inputs and outputs of one recurrent cell step as ONNX, as torch.onnx exports an ncps cell and as
/// our exporter writes it: x [1, in], h [1, units] (c [1, units] with mixed memory),
/// ts [1, 1] in; y [1, out], h_next [1, units] (c_next) out.
/// </summary>
public sealed record OnnxStepSignature(int InputSize, int StateSize, int OutputSize, bool HasCellState = false)
{
    public const string X = "x";
    public const string H = "h";
    public const string C = "c";
    public const string Ts = "ts";
    public const string Y = "y";
    public const string HNext = "h_next";
    public const string CNext = "c_next";

    public IReadOnlyList<OnnxTensorSpec> Inputs =>
        HasCellState
            ? [new(X, [1, InputSize]), new(H, [1, StateSize]), new(C, [1, StateSize]), new(Ts, [1, 1])]
            : [new(X, [1, InputSize]), new(H, [1, StateSize]), new(Ts, [1, 1])];

    public IReadOnlyList<OnnxTensorSpec> Outputs =>
        HasCellState
            ? [new(Y, [1, OutputSize]), new(HNext, [1, StateSize]), new(CNext, [1, StateSize])]
            : [new(Y, [1, OutputSize]), new(HNext, [1, StateSize])];
}
