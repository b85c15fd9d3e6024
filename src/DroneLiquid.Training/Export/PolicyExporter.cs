using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Training.Data;
using DroneLiquid.Training.Modules;

namespace DroneLiquid.Training.Export;

/// <summary>
/// Writes a trained <see cref="PolicyNetwork"/> as a policy folder: policy.json (architecture, observation spec
/// with the training data's mean/std and validity bounds, action spec undoing the target normalisation,
/// provenance), weights.safetensors (the head's state_dict, ncps names) and, for vision, perception.onnx.
/// </summary>
public static class PolicyExporter
{
    public const string Tool = "droneliquid-train 0.1.0";

    /// <summary>The observation spec: catalogue names, units, training mean/std, bounds.</summary>
    public static ObservationInput[] Observations(IReadOnlyList<string> names, ColumnStats stats) =>
        names.Select((name, i) =>
        {
            string unit = DroneLiquid.Flight.Observations.ObservationCatalog.TryFind(name, out var feature)
                ? DroneLiquid.Flight.Observations.ObservationCatalog.UnitOf(feature)
                : throw new ArgumentException($"observation '{name}' is not in the flight observation catalogue; known: {string.Join(", ", DroneLiquid.Flight.Observations.ObservationCatalog.Names)}");
            var (min, max) = ObservationBounds.For(name, stats.Min[i], stats.Max[i]);
            return new ObservationInput(name, unit, stats.Mean[i], stats.Std[i], min, max);
        }).ToArray();

    public static ActionOutput[] Actions(IReadOnlyList<string> names, ActionScaling scaling) =>
        names.Select((name, i) => new ActionOutput(name, ActionUnits.Of(name), scaling.Scale[i], scaling.Offset[i], scaling.Min[i], scaling.Max[i])).ToArray();

    /// <summary>Writes the folder and returns the document as written (with file hashes).</summary>
    public static PolicyDocument Write(
        string directory,
        PolicyNetwork network,
        string name,
        string description,
        ObservationInput[] observations,
        ActionOutput[] actions,
        IReadOnlyDictionary<string, string> provenance,
        TimeProvider time)
    {
        var weights = TorchTensors.StateDict(network.Head);
        var document = new PolicyDocument(
            name,
            description,
            network.Head.Spec,
            observations,
            actions,
            new PolicyProvenance(Tool, time.GetUtcNow(), provenance),
            new Dictionary<string, string>());
        if (network.Trunk is null)
        {
            return PolicyFolder.Write(directory, document, weights);
        }

        // PolicyFolder.Write copies the graph in from a file; the trunk is serialised to a temporary one.
        string graph = Path.Combine(Path.GetTempPath(), $"droneliquid-trunk-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllBytes(graph, TrunkOnnxWriter.Write(network.Trunk, $"{name}: trained perception trunk", network.Bands));
            return PolicyFolder.Write(directory, document, weights, graph);
        }
        finally
        {
            File.Delete(graph);
        }
    }
}
