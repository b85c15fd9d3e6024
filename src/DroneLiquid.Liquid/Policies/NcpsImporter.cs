using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// Turns an ncps model saved from Python (state_dict as safetensors + config.json) into a policy folder.
/// The observation and action specs start generic (input_0.., output_0.., no normalisation, no limits):
/// edit policy.json to name them, give units, normalisation and limits (policy.json itself is not hashed).
/// </summary>
public static class NcpsImporter
{
    /// <summary>Reads, checks and writes; returns the written document.</summary>
    /// <exception cref="PolicyFormatException">The config, the weights, or their agreement has problems (every one listed).</exception>
    /// <exception cref="InvalidDataException">The safetensors file is unreadable.</exception>
    public static PolicyDocument Import(string weightsPath, string configPath, string outDirectory, string? name, string tool, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!File.Exists(configPath))
        {
            throw new PolicyFormatException([$"{configPath}: no such file"]);
        }

        var spec = NcpsConfig.Parse(File.ReadAllText(configPath), configPath);
        var weights = Safetensors.ReadFile(weightsPath).Tensors;
        var problems = StateDictLayout.Check(spec, weights);
        if (problems.Count > 0)
        {
            throw new PolicyFormatException(problems.Select(p => $"{weightsPath}: {p}").ToArray());
        }

        if (File.Exists(Path.Combine(outDirectory, PolicyFolder.PolicyFileName)))
        {
            throw new PolicyFormatException([$"{outDirectory}: already holds a policy.json; choose a new folder"]);
        }

        string policyName = name ?? Path.GetFileNameWithoutExtension(weightsPath);
        var document = new PolicyDocument(
            policyName,
            $"Imported from ncps: {Summary(spec)}",
            spec,
            Enumerable.Range(0, spec.InputSize).Select(i => new ObservationInput($"input_{i}", "1")).ToArray(),
            Enumerable.Range(0, spec.OutputSize).Select(i => new ActionOutput($"output_{i}", "1")).ToArray(),
            new PolicyProvenance(tool, time.GetUtcNow(), new Dictionary<string, string>
            {
                ["source_weights"] = $"{Path.GetFileName(weightsPath)} sha256:{PolicyFolder.Sha256(weightsPath)}",
                ["source_config"] = $"{Path.GetFileName(configPath)} sha256:{PolicyFolder.Sha256(configPath)}",
            }),
            new Dictionary<string, string>());
        return PolicyFolder.Write(outDirectory, document, weights);
    }

    /// <summary>A one-line description of an architecture, e.g. "WiredCfC (default) on AutoNCP, 8 inputs, 19 neurons, 4 outputs".</summary>
    public static string Summary(LiquidModelSpec spec) => spec switch
    {
        CfcSpec c => $"CfC ({NcpsNames.Of(c.Mode)}), {c.InputSize} inputs, {c.Units} units, backbone {c.BackboneLayers} x {c.BackboneUnits} {NcpsNames.Of(c.Activation)}, {c.OutputSize} outputs",
        WiredCfcSpec w => $"WiredCfC ({NcpsNames.Of(w.Mode)}) on {w.Wiring.Type}, {w.InputSize} inputs, {w.Wiring.Units} neurons, {w.OutputSize} outputs",
        LtcSpec l => $"LTC on {l.Wiring.Type}, {l.InputSize} inputs, {l.Wiring.Units} neurons, {l.OdeUnfolds} ODE unfolds, {l.OutputSize} outputs",
        _ => spec.GetType().Name,
    } + (spec.MixedMemory ? ", mixed memory" : "");
}
