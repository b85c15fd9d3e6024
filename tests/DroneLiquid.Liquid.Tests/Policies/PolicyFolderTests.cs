using System.Text.Json.Nodes;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Liquid.Tests.Fakes;
using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Liquid.Tests.Policies;

public class PolicyFolderTests
{
    public static TheoryData<int> SpecIndexes() => new(Enumerable.Range(0, SamplePolicies.Specs().Count()));

    [Theory]
    [MemberData(nameof(SpecIndexes))]
    public void WriteThenReadGivesTheSameSpecAndBitExactTensors(int index)
    {
        var spec = SamplePolicies.Specs().ElementAt(index);
        var weights = SamplePolicies.Weights(spec);
        using var folder = new TempFolder();

        var written = PolicyFolder.Write(folder.Path, SamplePolicies.Document(spec), weights);
        var policy = PolicyFolder.Read(folder.Path);

        AssertSameSpec(spec, policy.Document.Architecture);
        ReferenceParameters.AssertBitExact(weights, policy.Weights);
        var want = SamplePolicies.Document(spec);
        Assert.Equal(want.Name, policy.Document.Name);
        Assert.Equal(want.Description, policy.Document.Description);
        Assert.Equal(want.Observations, policy.Document.Observations);
        Assert.Equal(want.Actions, policy.Document.Actions);
        Assert.Equal(want.Provenance.Tool, policy.Document.Provenance.Tool);
        Assert.Equal(SamplePolicies.Created, policy.Document.Provenance.CreatedUtc);
        Assert.Equal(want.Provenance.Details, policy.Document.Provenance.Details);
        Assert.Equal(written.Files, policy.Document.Files);
        Assert.Equal(PolicyFolder.Sha256(folder.File("weights.safetensors")), policy.Document.Files["weights.safetensors"]);
    }

    [Fact]
    public void PerceptionModelIsCopiedAndHashed()
    {
        var spec = SamplePolicies.Specs().First();
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("cnn.onnx"), [1, 2, 3, 4]);
        PolicyFolder.Write(folder.File("policy"), VisionDocument(spec, imageFeatures: 3), SamplePolicies.Weights(spec), folder.File("cnn.onnx"));
        var policy = PolicyFolder.Read(folder.File("policy"));
        Assert.Equal("9f64a747e1b97f131fabb6b447296c9b6f0201e79fb3c5356e6c77e89b6a806a", policy.Document.Files["perception.onnx"]);
        Assert.Equal(spec.InputSize - 3, policy.Document.Observations.Count);
    }

    [Fact]
    public void AVisionPolicyMustLeaveInputsForTheImageFeatures()
    {
        var spec = SamplePolicies.Specs().First();
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("cnn.onnx"), [1, 2, 3, 4]);
        var ex = Assert.Throws<PolicyFormatException>(() =>
            PolicyFolder.Write(folder.File("policy"), SamplePolicies.Document(spec), SamplePolicies.Weights(spec), folder.File("cnn.onnx")));
        Assert.Equal(
            $"policy.json: observation.inputs: has {spec.InputSize} entries, but a vision policy's architecture (input_size = {spec.InputSize}) takes the image features first, so fewer are allowed",
            Assert.Single(ex.Problems));
    }

    [Fact]
    public void AStatePolicyWithFewerObservationsThanInputsIsRefused()
    {
        var spec = SamplePolicies.Specs().First();
        using var folder = new TempFolder();
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFolder.Write(folder.Path, VisionDocument(spec, imageFeatures: 3), SamplePolicies.Weights(spec)));
        Assert.Equal($"policy.json: observation.inputs: has {spec.InputSize - 3} entries, but the architecture takes input_size = {spec.InputSize}", Assert.Single(ex.Problems));
    }

    private static PolicyDocument VisionDocument(LiquidModelSpec spec, int imageFeatures)
    {
        var document = SamplePolicies.Document(spec);
        return document with { Observations = [.. document.Observations.Skip(imageFeatures)] };
    }

    [Fact]
    public void AChangedWeightsFileIsAShaMismatchNamingTheFileAndBothHashes()
    {
        using var folder = WriteSample(out _);
        string weights = folder.File("weights.safetensors");
        string before = PolicyFolder.Sha256(weights);
        byte[] bytes = File.ReadAllBytes(weights);
        bytes[^1] ^= 0x40;
        File.WriteAllBytes(weights, bytes);

        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFolder.Read(folder.Path));
        Assert.Equal($"{weights}: SHA-256 is {PolicyFolder.Sha256(weights)}, but policy.json says {before}: the file changed or is corrupt", Assert.Single(ex.Problems));
    }

    [Fact]
    public void AMissingListedFileIsNamed()
    {
        using var folder = WriteSample(out _);
        File.Delete(folder.File("weights.safetensors"));
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFolder.Read(folder.Path));
        Assert.StartsWith($"{folder.File("weights.safetensors")}: missing, but policy.json lists it with SHA-256 ", Assert.Single(ex.Problems));
    }

    [Theory]
    [InlineData("architecture.mode", null, "architecture.mode: is missing; expected one of default, no_gate, pure")]
    [InlineData("architecture.mode", "\"fast\"", "architecture.mode: 'fast' is not allowed; allowed: default, no_gate, pure")]
    [InlineData("architecture.kind", "\"GRU\"", "architecture.kind: 'GRU' is not allowed; allowed: CfC, WiredCfC, LTC")]
    [InlineData("architecture.input_size", "0", "architecture.input_size: 0 is not an integer from 1 to 2147483647")]
    [InlineData("format_version", "2", "format_version: 2 is not an integer from 1 to 1")]
    [InlineData("name", null, "name: is missing; expected a string")]
    [InlineData("observation.inputs", "[]", "observation.inputs: has 0 entries, but the architecture takes input_size = 8")]
    [InlineData("observation.inputs[0].std", "0", "observation.inputs[0].std: 0 is not allowed; std must be > 0")]
    [InlineData("action.outputs[1].max", "-3", "action.outputs[1].max: -3 is below min -1; the range must have min <= max")]
    [InlineData("action.outputs[1].name", "\"out_0\"", "action.outputs[1].name: 'out_0' appears twice in action.outputs; names must be unique")]
    [InlineData("provenance.created_utc", "\"yesterday\"", "provenance.created_utc: 'yesterday' is not a UTC time; expected ISO 8601 such as 2026-11-28T07:44:30.000Z")]
    [InlineData("files.weights.safetensors", null, "files.weights.safetensors: is missing; every policy has weights.safetensors and its SHA-256")]
    [InlineData("architecture.wiring.adjacency_matrix[3]", "[0, 1]", "architecture.wiring.adjacency_matrix[3]: row has 2 entries; the matrix must be square, 19 x 19 (units x units)")]
    [InlineData("architecture.wiring.adjacency_matrix[2][5]", "2", "architecture.wiring.adjacency_matrix[2][5]: 2 is not a synapse polarity; allowed: -1, 0, 1")]
    [InlineData("architecture.wiring.input_dim", null, "architecture.wiring.output_dim: 20 is not an integer from 1 to 19", "architecture.wiring.output_dim", "20")]
    [InlineData("architecture.wiring.sensory_adjacency_matrix[7]", null, "architecture.wiring.input_dim: 8 does not match sensory_adjacency_matrix, which has 7 rows", null, null,
        "architecture.wiring.sensory_adjacency_matrix: has 7 rows (inputs), but the model's input_size is 8")]
    [InlineData("architecture.wiring.layers[1].neurons", "[4, 5, 6, 7, 8, 9, 10]", "architecture.wiring: layer 'command': neuron id 10 is out of range 0..18 or appears twice")]
    [InlineData("architecture.dropout", "0.5", "architecture.dropout: is not a WiredCfC architecture key; allowed: kind, input_size, mode, proj_size, mixed_memory, wiring")]
    public void EachProblemOfPolicyJsonIsOneLineNamingTheKey(string path, string? json, string expected, string? path2 = null, string? json2 = null, string? expected2 = null)
    {
        using var folder = WriteSample(out _);
        Edit(folder.File("policy.json"), path, json);
        if (path2 is not null)
        {
            Edit(folder.File("policy.json"), path2, json2);
        }

        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFolder.Read(folder.Path));
        string[] want = expected2 is null ? [expected] : [expected, expected2];
        Assert.Equal(want.Select(line => $"{folder.File("policy.json")}: {line}"), ex.Problems);
    }

    [Fact]
    public void EveryProblemIsReportedAtOnce()
    {
        using var folder = WriteSample(out _);
        Edit(folder.File("policy.json"), "architecture.mode", "\"fast\"");
        Edit(folder.File("policy.json"), "name", "7");
        Edit(folder.File("policy.json"), "observation.inputs[2].mean", "\"zero\"");
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFolder.Read(folder.Path));
        Assert.Equal(3, ex.Problems.Count);
        Assert.Equal(3, ex.Message.Split('\n').Length);
    }

    [Fact]
    public void WeightsThatDoNotFitTheArchitectureAreRefusedOnWrite()
    {
        var spec = SamplePolicies.Specs().First();
        var weights = new DroneLiquid.Liquid.Tensors.TensorDictionary(SamplePolicies.Weights(spec).Tensors
            .Where(t => t.Name != "rnn_cell.ff2.bias")
            .Select(t => t.Name == "rnn_cell.ff1.weight" ? new DroneLiquid.Liquid.Tensors.NamedTensor(t.Name, [16, 8], t.Data) : t));
        using var folder = new TempFolder();
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFolder.Write(folder.Path, SamplePolicies.Document(spec), weights));
        Assert.Equal(
            ["weights.safetensors: tensor 'rnn_cell.ff1.weight' has shape [16, 8], expected [8, 16]", "weights.safetensors: tensor 'rnn_cell.ff2.bias' is missing (expected shape [8])"],
            ex.Problems);
    }

    [Fact]
    public void AMaskThatContradictsTheWiringIsNamedWithItsPosition()
    {
        var spec = new WiredCfcSpec(8, WiringGenerators.AutoNcp(8, 19, 4));
        var weights = SamplePolicies.Weights(spec);
        var mask = weights.Get("rnn_cell.layer_1.sparsity_mask");
        int zero = Array.IndexOf(mask.Data, 0f);
        mask.Data[zero] = 1f;
        var problem = Assert.Single(StateDictLayout.Check(spec, weights));
        Assert.Equal($"tensor 'rnn_cell.layer_1.sparsity_mask' [{zero / 15}, {zero % 15}] is 1, but the wiring's matrices give 0: the weights were trained on another wiring", problem);
    }

    [Fact]
    public void NonFiniteWeightsAndUnknownTensorsAreRefused()
    {
        var spec = SamplePolicies.Specs().First();
        var weights = SamplePolicies.Weights(spec);
        weights.Get("rnn_cell.time_a.bias").Data[3] = float.NaN;
        weights.Add(new DroneLiquid.Liquid.Tensors.NamedTensor("rnn_cell.extra", [1], [0f]));
        Assert.Equal(
            ["tensor 'rnn_cell.time_a.bias' holds NaN at flat index 3; weights must be finite", "tensor 'rnn_cell.extra' [1] is not a parameter of this architecture"],
            StateDictLayout.Check(spec, weights));
    }

    [Fact]
    public void AFolderWithoutPolicyJsonSaysSo()
    {
        using var folder = new TempFolder();
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyFolder.Read(folder.Path));
        Assert.Equal($"{folder.File("policy.json")}: missing; a policy folder holds policy.json and weights.safetensors", ex.Message);
    }

    internal static void AssertSameSpec(LiquidModelSpec want, LiquidModelSpec got)
    {
        switch (want, got)
        {
            case (WiredCfcSpec w, WiredCfcSpec g):
                Assert.True(w.Wiring.TopologyEquals(g.Wiring), "wiring differs");
                Assert.Equal(w, g with { Wiring = w.Wiring });
                break;
            case (LtcSpec w, LtcSpec g):
                Assert.True(w.Wiring.TopologyEquals(g.Wiring), "wiring differs");
                Assert.Equal(w, g with { Wiring = w.Wiring });
                break;
            default:
                Assert.Equal(want, got);
                break;
        }
    }

    private static TempFolder WriteSample(out LiquidModelSpec spec)
    {
        spec = new WiredCfcSpec(8, WiringGenerators.AutoNcp(8, 19, 4));
        var folder = new TempFolder();
        PolicyFolder.Write(folder.Path, SamplePolicies.Document(spec), SamplePolicies.Weights(spec));
        return folder;
    }

    /// <summary>Sets (or with null JSON removes) the value at a dotted path with [i] indexes; keys may contain dots when they name a file.</summary>
    private static void Edit(string policyJson, string path, string? json)
    {
        var root = JsonNode.Parse(File.ReadAllText(policyJson))!;
        var parts = path.StartsWith("files.", StringComparison.Ordinal) ? ["files", path["files.".Length..]] : path.Split('.');
        JsonNode parent = root;
        for (int i = 0; i < parts.Length - 1; i++) parent = Step(parent, parts[i]);
        string last = parts[^1];
        if (last.EndsWith(']'))
        {
            int open = last.LastIndexOf('[');
            var array = Step(parent, last[..open]).AsArray();
            int index = int.Parse(last[(open + 1)..^1]);
            if (json is null) array.RemoveAt(index);
            else array[index] = JsonNode.Parse(json);
        }
        else if (json is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = JsonNode.Parse(json);
        }

        File.WriteAllText(policyJson, root.ToJsonString());
    }

    private static JsonNode Step(JsonNode node, string part)
    {
        foreach (string piece in part.Replace("]", "").Split('['))
        {
            node = int.TryParse(piece, out int i) ? node[i]! : node[piece]!;
        }

        return node;
    }
}
