using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// ncps's mixed-memory LSTM (<c>lstm.input_map</c> with bias, <c>lstm.recurrent_map</c> without):
/// q = input_map(x) + recurrent_map(h) split into i, ig, fg, og;
/// c' = c sigmoid(fg + 1) + tanh(i) sigmoid(ig); h' = tanh(c') sigmoid(og). The native <c>LstmMemoryCell</c>.
/// </summary>
public sealed class TorchLstmMemory : nn.Module
{
    private readonly Linear _inputMap;
    private readonly Linear _recurrentMap;

    public TorchLstmMemory(int inputSize, int units)
        : base("lstm")
    {
        _inputMap = nn.Linear(inputSize, 4 * units);
        _recurrentMap = nn.Linear(units, 4 * units, hasBias: false);
        register_module("input_map", _inputMap);
        register_module("recurrent_map", _recurrentMap);
        using var _ = no_grad();
        // ncps's LSTMCell init: Xavier-uniform input map, orthogonal recurrent map, zero bias.
        nn.init.xavier_uniform_(_inputMap.weight!);
        nn.init.orthogonal_(_recurrentMap.weight!);
        _inputMap.bias!.zero_();
    }

    public (Tensor H, Tensor C) Step(Tensor x, Tensor h, Tensor c)
    {
        using var scope = NewDisposeScope();
        var q = _inputMap.call(x).Plus(_recurrentMap.call(h)); // no temporary Scalars on the step (TorchScalars)
        var gates = q.chunk(4, 1);
        var input = gates[0].tanh();
        var inputGate = gates[1].sigmoid();
        var forgetGate = gates[2].add(TorchScalars.One, TorchScalars.One).sigmoid();
        var outputGate = gates[3].sigmoid();
        var nextC = (c * forgetGate).Plus(input * inputGate);
        var nextH = nextC.tanh() * outputGate;
        return (nextH.MoveToOuterDisposeScope(), nextC.MoveToOuterDisposeScope());
    }
}
