using DroneLiquid.Liquid.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace DroneLiquid.Training.Export;

/// <summary>Copies between TorchSharp tensors and the runtime's <see cref="NamedTensor"/>.</summary>
public static class TorchTensors
{
    public static NamedTensor ToNamed(string name, Tensor tensor)
    {
        using var cpu = tensor.detach().cpu().contiguous().to_type(ScalarType.Float32);
        return new NamedTensor(name, cpu.shape.Select(d => checked((int)d)).ToArray(), cpu.data<float>().ToArray());
    }

    /// <summary>
    /// The state_dict of <paramref name="module"/> (parameters and buffers, e.g. sparsity masks) as a
    /// <see cref="TensorDictionary"/>: the names are already ncps's, so export is a copy.
    /// </summary>
    public static TensorDictionary StateDict(nn.Module module)
    {
        var dictionary = new TensorDictionary();
        foreach (var (name, parameter) in module.named_parameters())
        {
            dictionary.Add(ToNamed(name, parameter));
        }

        foreach (var (name, buffer) in module.named_buffers())
        {
            dictionary.Add(ToNamed(name, buffer));
        }

        return dictionary;
    }
}
