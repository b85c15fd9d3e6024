namespace DroneLiquid.Service.Host.Options;

/// <summary>The policy to fly (section "DroneLiquid:Policy").</summary>
public sealed class PolicyOptions
{
    /// <summary>
    /// The policy folder (policy.json, weights.safetensors, perception.onnx for vision). A relative path is taken
    /// from the folder of the configuration file (or the working directory when there is none).
    /// </summary>
    public string Path { get; set; } = "";
}
