using System.CommandLine;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid model info &lt;policy-dir&gt; [--json]`: what a policy folder holds, after verifying it
/// (file hashes, policy.json, weights against the architecture): architecture, parameter and synapse
/// counts, the wiring's layers, the observation and action specs, provenance.
/// </summary>
internal static class ModelInfoCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("policy") { Description = "The policy folder (or its policy.json)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("info", "Verify a policy folder and describe its architecture, parameters, wiring and I/O specs.");
        command.Arguments.Add(path);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var policy = Load(parse.GetValue(path)!);
            var info = Describe(policy);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(info);
            }
            else
            {
                Console.Error.Write(ModelInfoText.Format(info));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    internal static Policy Load(string path)
    {
        string directory = Path.GetFileName(path) == PolicyFolder.PolicyFileName ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
        try
        {
            return PolicyFolder.Read(directory);
        }
        catch (PolicyFormatException ex)
        {
            throw new BadInputException(ex.Message, ex);
        }
    }

    internal static ModelInfo Describe(Policy policy)
    {
        var doc = policy.Document;
        var spec = doc.Architecture;
        var (trainable, masks, total) = StateDictLayout.Count(spec);
        var wiring = spec switch { WiredCfcSpec w => w.Wiring, LtcSpec l => l.Wiring, _ => null };
        return new ModelInfo(
            Policy: policy.Directory,
            Name: doc.Name,
            Description: doc.Description,
            FormatVersion: PolicyDocument.FormatVersion,
            Architecture: new ArchitectureInfo(
                Kind: spec switch { CfcSpec => "CfC", WiredCfcSpec => "WiredCfC", _ => "LTC" },
                Summary: NcpsImporter.Summary(spec),
                InputSize: spec.InputSize,
                OutputSize: spec.OutputSize,
                StateSize: spec.StateSize,
                MixedMemory: spec.MixedMemory),
            Parameters: new ParameterInfo(trainable, masks, total, policy.Weights.Count),
            Wiring: wiring is null ? null : new WiringInfo(
                Type: wiring.Type,
                Units: wiring.Units,
                InputDim: wiring.InputDim,
                OutputDim: wiring.OutputDim,
                SynapseCount: wiring.SynapseCount,
                SensorySynapseCount: wiring.SensorySynapseCount,
                Layers: wiring.Layers.Select(l => new LayerInfo(l.Name, l.NeuronIds.ToArray())).ToArray(),
                Description: wiring.Describe()),
            Observation: doc.Observations,
            Action: doc.Actions,
            Provenance: new Dictionary<string, string>(doc.Provenance.Details)
            {
                ["tool"] = doc.Provenance.Tool,
                ["created_utc"] = doc.Provenance.CreatedUtc.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            },
            Files: doc.Files.Select(f => new FileInfo(f.Key, f.Value, Verified: true)).ToArray());
    }

    internal sealed record ModelInfo(
        string Policy,
        string Name,
        string Description,
        int FormatVersion,
        ArchitectureInfo Architecture,
        ParameterInfo Parameters,
        WiringInfo? Wiring,
        IReadOnlyList<ObservationInput> Observation,
        IReadOnlyList<ActionOutput> Action,
        IReadOnlyDictionary<string, string> Provenance,
        IReadOnlyList<FileInfo> Files);

    internal sealed record ArchitectureInfo(string Kind, string Summary, int InputSize, int OutputSize, int StateSize, bool MixedMemory);

    /// <summary>Values of trained parameters, of sparsity masks, and in all; tensor count.</summary>
    internal sealed record ParameterInfo(long Trainable, long Masks, long Total, int Tensors);

    internal sealed record WiringInfo(string Type, int Units, int InputDim, int OutputDim, int SynapseCount, int SensorySynapseCount, IReadOnlyList<LayerInfo> Layers, string Description);

    internal sealed record LayerInfo(string Name, IReadOnlyList<int> Neurons);

    internal sealed record FileInfo(string Name, string Sha256, bool Verified);
}
