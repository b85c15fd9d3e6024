using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Perception.Recurrent;

/// <summary>
/// A recurrent policy whose step is an ONNX graph (x, h, ts) -&gt; (y, h_next). ONNX Runtime is stateless,
/// so the state lives here in two buffers bound twice with their roles swapped: one step reads h from one
/// and writes h_next into the other, and committing the step only flips which is current. No copies of the
/// state, no allocation per step. Not thread-safe: one session per thread.
/// </summary>
/// <remarks>Like <see cref="LiquidSession"/>, a step whose input, elapsed time or result is not finite leaves state and output untouched.</remarks>
public sealed class OnnxStepSession : IDisposable
{
    private readonly OnnxRunner _runner;
    private readonly OnnxTensorBuffer _x;
    private readonly OnnxTensorBuffer _ts;
    private readonly OnnxTensorBuffer _y;
    private readonly OnnxTensorBuffer[] _h;
    private readonly OnnxTensorBuffer[] _c;
    private readonly OnnxBinding[] _bindings;
    private int _current;

    private OnnxStepSession(OnnxRunner runner, OnnxStepSignature signature)
    {
        _runner = runner;
        Signature = signature;
        _x = runner.CreateBuffer(OnnxStepSignature.X);
        _ts = runner.CreateBuffer(OnnxStepSignature.Ts);
        _y = runner.CreateBuffer(OnnxStepSignature.Y);
        _h = [runner.CreateBuffer(OnnxStepSignature.H), runner.CreateBuffer(OnnxStepSignature.H)];
        _c = signature.HasCellState ? [runner.CreateBuffer(OnnxStepSignature.C), runner.CreateBuffer(OnnxStepSignature.C)] : [];
        _bindings = new OnnxBinding[2];
        for (int p = 0; p < 2; p++)
        {
            _bindings[p] = signature.HasCellState
                ? runner.Bind([_x, _h[p], _c[p], _ts], [_y, _h[1 - p], _c[1 - p]])
                : runner.Bind([_x, _h[p], _ts], [_y, _h[1 - p]]);
        }
    }

    public OnnxStepSignature Signature { get; }

    /// <summary>The ONNX file.</summary>
    public string Path => _runner.Path;

    /// <summary>The current hidden state h.</summary>
    public ReadOnlySpan<float> State => _h[_current].Span;

    /// <summary>The current LSTM cell state c (mixed memory), or empty.</summary>
    public ReadOnlySpan<float> CellState => Signature.HasCellState ? _c[_current].Span : [];

    /// <summary>Opens an ONNX step graph and checks it has exactly the inputs and outputs of <paramref name="signature"/>.</summary>
    /// <exception cref="OnnxModelException">Missing or corrupt file, or another signature (names the file, expected and found).</exception>
    public static OnnxStepSession Open(string path, OnnxStepSignature signature, OnnxRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new OnnxStepSession(OnnxRunner.Open(path, signature.Inputs, signature.Outputs, options), signature);
    }

    /// <summary>As <see cref="Open"/>, for a serialized model in memory.</summary>
    public static OnnxStepSession Load(byte[] model, string name, OnnxStepSignature signature, OnnxRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return new OnnxStepSession(OnnxRunner.Load(model, name, signature.Inputs, signature.Outputs, options), signature);
    }

    /// <summary>Advances one step, throwing on bad input like <see cref="LiquidSession.Step"/>.</summary>
    public void Step(ReadOnlySpan<float> input, float elapsedSeconds, Span<float> output)
    {
        var status = TryStep(input, elapsedSeconds, output);
        if (status != StepStatus.Ok)
        {
            throw new ArgumentException(
                $"{Path}: step failed with {status} (input {input.Length} values, expected {Signature.InputSize}; output {output.Length}, expected {Signature.OutputSize}; elapsed {elapsedSeconds} s)");
        }
    }

    /// <summary>One step without exceptions for bad input: on anything but Ok, state and output are untouched.
    /// A failure inside ONNX Runtime itself (not expected of a graph that passed the load checks) still throws OnnxRuntimeException.</summary>
    public StepStatus TryStep(ReadOnlySpan<float> input, float elapsedSeconds, Span<float> output)
    {
        if (input.Length != Signature.InputSize) return StepStatus.InputWidthMismatch;
        if (output.Length != Signature.OutputSize) return StepStatus.OutputWidthMismatch;
        if (!(elapsedSeconds >= 0f) || float.IsPositiveInfinity(elapsedSeconds)) return StepStatus.InvalidElapsedTime;
        if (!AllFinite(input)) return StepStatus.NonFiniteInput;

        input.CopyTo(_x.Span);
        _ts.Span[0] = elapsedSeconds;
        _runner.Run(_bindings[_current]);
        int next = 1 - _current;
        if (!AllFinite(_y.Span) || !AllFinite(_h[next].Span) || (Signature.HasCellState && !AllFinite(_c[next].Span)))
        {
            return StepStatus.NonFiniteResult;
        }

        _current = next;
        _y.Span.CopyTo(output);
        return StepStatus.Ok;
    }

    /// <summary>Sets h (and c with mixed memory; empty means zeros).</summary>
    public void SetState(ReadOnlySpan<float> state, ReadOnlySpan<float> cellState = default)
    {
        if (state.Length != Signature.StateSize || !AllFinite(state))
        {
            throw new ArgumentException($"state must be {Signature.StateSize} finite values, got {state.Length}", nameof(state));
        }

        if (!cellState.IsEmpty && (!Signature.HasCellState || cellState.Length != Signature.StateSize || !AllFinite(cellState)))
        {
            throw new ArgumentException(
                Signature.HasCellState ? $"cell state must be {Signature.StateSize} finite values, got {cellState.Length}" : "this step graph has no cell state", nameof(cellState));
        }

        state.CopyTo(_h[_current].Span);
        if (Signature.HasCellState)
        {
            if (cellState.IsEmpty) _c[_current].Span.Clear();
            else cellState.CopyTo(_c[_current].Span);
        }
    }

    /// <summary>Back to the zero state.</summary>
    public void Reset()
    {
        _h[_current].Span.Clear();
        if (Signature.HasCellState) _c[_current].Span.Clear();
    }

    public void Dispose()
    {
        foreach (var binding in _bindings) binding.Dispose();
        foreach (var buffer in new[] { _x, _ts, _y }.Concat(_h).Concat(_c)) buffer.Dispose();
        _runner.Dispose();
    }

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v)) return false;
        }

        return true;
    }
}
