using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>
/// The trainable image of a <see cref="LiquidModelSpec"/> (dense <see cref="CfcSpec"/> or <see cref="WiredCfcSpec"/>,
/// default mode, optional mixed memory and fc projection), registered under the ncps state_dict names
/// (<c>rnn_cell.*</c>, <c>lstm.*</c>, <c>fc.*</c>), so its parameters and buffers ARE the policy's weights.
/// It runs a whole window of steps, each on its own elapsed time, as the native session does step by step.
/// </summary>
public sealed class LiquidHead : nn.Module
{
    private readonly TorchCfcCell? _dense;
    private readonly TorchWiredCfc? _wired;
    private readonly TorchLstmMemory? _lstm;
    private readonly Linear? _fc;

    /// <param name="freezeTime">Hold time_a at zero (the LSTM baseline: elapsed time never enters).</param>
    public LiquidHead(LiquidModelSpec spec, bool freezeTime = false)
        : base("liquid_head")
    {
        Spec = spec;
        switch (spec)
        {
            case CfcSpec c:
                if (c.Mode != CfcMode.Default || c.Activation != BackboneActivation.LecunTanh || c.BackboneDropout != 0f)
                {
                    throw new ArgumentException(
                        $"training supports CfC mode default with lecun_tanh and no dropout, got {NcpsNames.Of(c.Mode)}, {NcpsNames.Of(c.Activation)}, dropout {c.BackboneDropout}",
                        nameof(spec));
                }

                _dense = new TorchCfcCell(c.InputSize, c.Units, c.BackboneUnits, c.BackboneLayers, freezeTime: freezeTime);
                register_module("rnn_cell", _dense);
                break;
            case WiredCfcSpec w:
                if (freezeTime)
                {
                    throw new ArgumentException("a frozen time gate is for the dense LSTM baseline, not a wired CfC", nameof(freezeTime));
                }

                _wired = new TorchWiredCfc(w);
                register_module("rnn_cell", _wired);
                break;
            default:
                throw new ArgumentException($"training supports CfC and wired CfC heads, got {LiquidModel.Describe(spec)}", nameof(spec));
        }

        if (spec.MixedMemory)
        {
            _lstm = new TorchLstmMemory(spec.InputSize, spec.StateSize);
            register_module("lstm", _lstm);
        }

        int? proj = spec switch { CfcSpec c => c.ProjSize, WiredCfcSpec w => w.ProjSize, _ => null };
        if (proj is int p)
        {
            int cellOutputs = _wired?.OutputSize ?? spec.StateSize;
            _fc = nn.Linear(cellOutputs, p);
            register_module("fc", _fc);
        }
    }

    public LiquidModelSpec Spec { get; }

    /// <summary>Runs a window from zero state.</summary>
    /// <param name="inputs">[batch, time, InputSize], already normalised.</param>
    /// <param name="elapsed">[batch, time] seconds since the previous step.</param>
    /// <returns>[batch, time, OutputSize].</returns>
    public Tensor Forward(Tensor inputs, Tensor elapsed)
    {
        long batch = inputs.shape[0], steps = inputs.shape[1];
        var h = zeros(batch, Spec.StateSize, dtype: inputs.dtype, device: inputs.device);
        var c = _lstm is null ? null : zeros(batch, Spec.StateSize, dtype: inputs.dtype, device: inputs.device);
        var outputs = new Tensor[steps];
        for (long t = 0; t < steps; t++)
        {
            var x = inputs.select(1, t);
            var dt = elapsed.select(1, t).unsqueeze(1);
            var cellState = h;
            if (_lstm is not null)
            {
                (cellState, c) = _lstm.Step(x, h, c!);
            }

            Tensor output;
            if (_dense is not null)
            {
                h = _dense.Step(x, cellState, dt);
                output = h;
            }
            else
            {
                (output, h) = _wired!.Step(x, cellState, dt);
            }

            outputs[t] = _fc is null ? output : _fc.call(output);
        }

        return stack(outputs, 1);
    }
}
