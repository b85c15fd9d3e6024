using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// The ncps CfC cell in TorchSharp, default (gated) mode: z = [x, h], an optional lecun_tanh backbone, then
/// <c>h' = tanh(ff1 z) (1 - g) + g tanh(ff2 z)</c> with <c>g = sigmoid(time_a(z) dt + time_b(z))</c>.
/// </summary>
/// <remarks>
/// The same mathematics as the native <c>CfcCell</c> with the same parameter names (ff1, ff2, time_a, time_b,
/// backbone.{0,2,..}); a wired layer registers the buffer <c>sparsity_mask</c> [units, inputs + units], which
/// multiplies the ff1 and ff2 weights as ncps does. When <see cref="FreezeTime"/> is set, time_a is held at zero
/// so the gate no longer depends on the elapsed time (the discrete-time LSTM baseline).
/// </remarks>
public sealed class TorchCfcCell : nn.Module
{
    private readonly Sequential? _backbone;
    private readonly Linear _ff1;
    private readonly Linear _ff2;
    private readonly Linear _timeA;
    private readonly Linear _timeB;
    private readonly Tensor? _mask;

    public TorchCfcCell(int inputSize, int units, int backboneUnits, int backboneLayers, Tensor? sparsityMask = null, bool freezeTime = false)
        : base("cfc_cell")
    {
        InputSize = inputSize;
        Units = units;
        FreezeTime = freezeTime;
        int width = inputSize + units;
        if (backboneLayers > 0)
        {
            var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
            for (int layer = 0; layer < backboneLayers; layer++)
            {
                // nn.Sequential indices as in ncps without dropout: Linear at 0, 2, 4.., the activation between.
                layers.Add(($"{2 * layer}", nn.Linear(width, backboneUnits)));
                layers.Add(($"{2 * layer + 1}", new LecunTanh()));
                width = backboneUnits;
            }

            _backbone = nn.Sequential(layers);
            register_module("backbone", _backbone);
        }

        _ff1 = nn.Linear(width, units);
        _ff2 = nn.Linear(width, units);
        _timeA = nn.Linear(width, units);
        _timeB = nn.Linear(width, units);
        register_module("ff1", _ff1);
        register_module("ff2", _ff2);
        register_module("time_a", _timeA);
        register_module("time_b", _timeB);
        if (sparsityMask is not null)
        {
            _mask = sparsityMask;
            register_buffer("sparsity_mask", _mask);
        }

        InitWeights();
    }

    public int InputSize { get; }

    public int Units { get; }

    public bool FreezeTime { get; }

    /// <param name="x">[batch, InputSize].</param>
    /// <param name="h">[batch, Units].</param>
    /// <param name="dt">[batch, 1] elapsed seconds.</param>
    /// <returns>The new state [batch, Units].</returns>
    public Tensor Step(Tensor x, Tensor h, Tensor dt)
    {
        using var scope = NewDisposeScope();
        var z = cat([x, h], 1);
        if (_backbone is not null)
        {
            z = _backbone.call(z);
        }

        Tensor ff1, ff2;
        if (_mask is null)
        {
            ff1 = _ff1.call(z);
            ff2 = _ff2.call(z);
        }
        else
        {
            ff1 = nn.functional.linear(z, _ff1.weight! * _mask, _ff1.bias);
            ff2 = nn.functional.linear(z, _ff2.weight! * _mask, _ff2.bias);
        }

        ff1 = ff1.tanh();
        ff2 = ff2.tanh();
        var gate = (_timeA.call(z) * dt).Plus(_timeB.call(z)).sigmoid();
        var next = (ff1 * gate.OneMinus()).Plus(gate * ff2); // 1f - g and + would pass temporary Scalars (TorchScalars)
        return next.MoveToOuterDisposeScope();
    }

    /// <summary>ncps: Xavier-uniform for every trainable 2-D weight, torch's Linear default for biases.</summary>
    private void InitWeights()
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in named_parameters())
        {
            if (parameter.dim() == 2)
            {
                nn.init.xavier_uniform_(parameter);
            }
        }

        if (FreezeTime)
        {
            _timeA.weight!.zero_();
            _timeA.bias!.zero_();
            _timeA.weight!.requires_grad = false;
            _timeA.bias!.requires_grad = false;
        }
    }
}
