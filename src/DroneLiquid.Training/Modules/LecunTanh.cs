using TorchSharp;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Modules;

/// <summary>ncps's LeCun tanh, 1.7159 tanh(0.666 v), with 0.666 as ncps writes it (the native runtime uses the same constants).</summary>
public sealed class LecunTanh : nn.Module<Tensor, Tensor>
{
    public LecunTanh()
        : base("lecun_tanh")
    {
    }

    public override Tensor forward(Tensor input) => input.mul(TorchScalars.LecunInner).tanh().mul(TorchScalars.LecunOuter); // no temporary Scalars (TorchScalars)
}
