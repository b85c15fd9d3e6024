using System.Text.Json;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Liquid.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Liquid.Tests.Policies;

public class NcpsImporterTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("wiredcfc_autoncp19")]
    [InlineData("cfc_default")]
    [InlineData("ltc_autoncp19")]
    public void ImportOfPythonWrittenFilesGivesThePolicyOfTheReference(string name)
    {
        using var folder = new TempFolder();
        var written = NcpsImporter.Import(TestFiles.Fixture(name + ".safetensors"), TestFiles.Fixture(name + ".config.json"), folder.Path, null, "tests", Clock);
        var policy = PolicyFolder.Read(folder.Path);

        // Same names, state_dict order, shapes and bit-identical values as the reference's parameters,
        // although the fixture stored them sorted by name as safetensors.torch.save_file does.
        ReferenceParameters.AssertBitExact(ReferenceParameters.Load(name + ".json"), policy.Weights);
        Assert.Equal(name, written.Name);
        Assert.Equal(Clock.GetUtcNow(), policy.Document.Provenance.CreatedUtc);
        Assert.StartsWith(name + ".safetensors sha256:", policy.Document.Provenance.Details["source_weights"]);
        Assert.Equal(policy.Document.Architecture.InputSize, policy.Document.Observations.Count);
        Assert.Equal(policy.Document.Architecture.OutputSize, policy.Document.Actions.Count);
    }

    [Fact]
    public void TheWiredCfcCarriesTheReferenceWiring()
    {
        using var folder = new TempFolder();
        NcpsImporter.Import(TestFiles.Fixture("wiredcfc_autoncp19.safetensors"), TestFiles.Fixture("wiredcfc_autoncp19.config.json"), folder.Path, "lane", "tests", Clock);
        var spec = Assert.IsType<WiredCfcSpec>(PolicyFolder.Read(folder.Path).Document.Architecture);

        using var reference = JsonDocument.Parse(File.ReadAllText(TestFiles.Reference("wiredcfc_autoncp19.json")));
        var wiring = reference.RootElement.GetProperty("config").GetProperty("wiring");
        Assert.Equal((8, CfcMode.Default, (int?)null, false), (spec.InputSize, spec.Mode, spec.ProjSize, spec.MixedMemory));
        Assert.Equal("AutoNCP", spec.Wiring.Type);
        Assert.Equal(wiring.GetProperty("synapse_count").GetInt32(), spec.Wiring.SynapseCount);
        Assert.Equal(wiring.GetProperty("sensory_synapse_count").GetInt32(), spec.Wiring.SensorySynapseCount);
        Assert.Equal(wiring.GetProperty("state_layout").EnumerateArray().Select(e => e.GetInt32()), spec.Wiring.StateLayout);
        Assert.Equal(wiring.GetProperty("neuron_types").EnumerateArray().Select(e => e.GetString()), spec.Wiring.NeuronTypes!);
        var adjacency = wiring.GetProperty("adjacency_matrix").EnumerateArray().Select(r => r.EnumerateArray().Select(v => (sbyte)v.GetInt32()).ToArray()).ToArray();
        for (int i = 0; i < 19; i++)
        for (int j = 0; j < 19; j++)
        {
            Assert.Equal(adjacency[i][j], spec.Wiring.Synapse(i, j));
        }
    }

    [Fact]
    public void DenseAndLtcSpecsTakeNcpsDefaultsAndArguments()
    {
        var cfc = NcpsConfig.Parse(File.ReadAllText(TestFiles.Fixture("cfc_default.config.json")), "config.json");
        Assert.Equal(new CfcSpec(5, 8, CfcMode.Default, BackboneActivation.LecunTanh, 16, 1, 0f), cfc);

        var ltc = Assert.IsType<LtcSpec>(NcpsConfig.Parse(File.ReadAllText(TestFiles.Fixture("ltc_autoncp19.config.json")), "config.json"));
        Assert.Equal((8, LtcMapping.Affine, LtcMapping.Affine, 6, 1e-8f, true, false), (ltc.InputSize, ltc.InputMapping, ltc.OutputMapping, ltc.OdeUnfolds, ltc.Epsilon, ltc.ImplicitParamConstraints, ltc.MixedMemory));
        Assert.Equal(4, ltc.OutputSize);

        var minimal = NcpsConfig.Parse("""{"model_class": "CfC", "constructor_args": {"input_size": 3, "units": 7}}""", "config.json");
        Assert.Equal(new CfcSpec(3, 7), minimal);
    }

    [Theory]
    [InlineData("wiredcfc_autoncp19.json")]
    [InlineData("ltc_autoncp19.json")]
    [InlineData("cfc_default.json")]
    [InlineData("cfc_pure.json")]
    [InlineData("cfc_no_gate.json")]
    [InlineData("ltc_fc8.json")]
    public void AWholeReferenceFileIsAValidConfig(string file)
    {
        var spec = NcpsConfig.Parse(File.ReadAllText(TestFiles.Reference(file)), file);
        Assert.Empty(StateDictLayout.Check(spec, ReferenceParameters.Load(file)));
        Assert.Equal(ReferenceParameters.Load(file).Tensors.Select(t => t.Name), StateDictLayout.For(spec).Select(p => p.Name));
    }

    [Theory]
    [InlineData("""{"model_class": "GRU", "constructor_args": {"input_size": 3, "units": 7}}""", "config.json: model_class: 'GRU' is not allowed; allowed: CfC, ncps.torch.CfC, LTC, ncps.torch.LTC")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 3, "units": 7, "mode": "fast"}}""", "config.json: constructor_args.mode: 'fast' is not allowed; allowed: default, no_gate, pure")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 3, "units": 7, "activation": "swish"}}""", "config.json: constructor_args.activation: 'swish' is not allowed; allowed: lecun_tanh, tanh, relu, silu, gelu")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 3, "units": 7, "hidden": 4}}""", "config.json: constructor_args.hidden: is not a ncps CfC argument key; allowed: input_size, units, proj_size, return_sequences, batch_first, mixed_memory, mode, activation, backbone_units, backbone_layers, backbone_dropout")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"units": 7}}""", "config.json: constructor_args.input_size: is missing; expected an integer from 1 to 2147483647")]
    [InlineData("""{"model_class": "LTC", "constructor_args": {"input_size": 3, "units": 7}}""", "config.json: wiring: is missing; a wired CfC and every LTC need the wiring's matrices (ncps draws them from numpy's RNG): write model.rnn_cell._wiring as the README shows")]
    [InlineData("""{"model_class": "LTC", "constructor_args": {"input_size": 1, "units": 2, "input_mapping": "log"}, "wiring": {"type": "FullyConnected", "output_dim": 2, "adjacency_matrix": [[1, 1], [1, -1]], "sensory_adjacency_matrix": [[1, 1]]}}""", "config.json: constructor_args.input_mapping: 'log' is not allowed; allowed: affine, linear, none")]
    [InlineData("""{"model_class": "LTC", "constructor_args": {"input_size": 1, "units": 3}, "wiring": {"type": "FullyConnected", "output_dim": 2, "adjacency_matrix": [[1, 1], [1, -1]], "sensory_adjacency_matrix": [[1, 1]]}}""", "config.json: constructor_args.units: 3 does not match the wiring, which has 2 neurons")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 1, "units": {"type": "NCP"}, "backbone_units": 64}, "wiring": {"type": "NCP", "output_dim": 1, "adjacency_matrix": [[0, 0, 0], [1, 0, 0], [0, 1, 0]], "sensory_adjacency_matrix": [[0, 0, 1]], "inter_neurons": [2], "command_neurons": [1], "motor_neurons": [0]}}""", "config.json: constructor_args.backbone_units: 64 is not allowed with a wiring (ncps raises); must be null")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 1, "units": {"type": "AutoNCP"}}, "wiring": {"type": "NCP", "output_dim": 1, "adjacency_matrix": [[0, 0, 0], [1, 0, 0], [0, 1, 0]], "sensory_adjacency_matrix": [[0, 0, 1]], "inter_neurons": [2], "command_neurons": [1], "motor_neurons": [0]}}""", "config.json: constructor_args.units.type: 'AutoNCP' does not match wiring.type 'NCP'")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 2, "units": {"type": "NCP"}}, "wiring": {"type": "NCP", "output_dim": 1, "adjacency_matrix": [[0, 0, 0], [1, 0, 0], [0, 1, 0]], "sensory_adjacency_matrix": [[0, 0, 1]], "inter_neurons": [2], "command_neurons": [1], "motor_neurons": [0]}}""", "config.json: wiring.sensory_adjacency_matrix: has 1 rows (inputs), but the model's input_size is 2")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 1, "units": {"type": "NCP"}}, "wiring": {"type": "NCP", "output_dim": 1, "adjacency_matrix": [[0, 0, 0], [1, 0], [0, 1, 0]], "sensory_adjacency_matrix": [[0, 0, 1]]}}""", "config.json: wiring.adjacency_matrix[1]: row has 2 entries; the matrix must be square, 3 x 3 (units x units)")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 1, "units": {"type": "NCP"}}, "wiring": {"type": "NCP", "output_dim": 1, "adjacency_matrix": [[0, 0, 0], [1, 0, 0], [0, -2, 0]], "sensory_adjacency_matrix": [[0, 0, 1]]}}""", "config.json: wiring.adjacency_matrix[2][1]: -2 is not a synapse polarity; allowed: -1, 0, 1")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 1, "units": 2}""", "config.json: not valid JSON: ")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 1, "units": 2, "backbone_dropout": 1e300}}""", "config.json: constructor_args.backbone_dropout: 1e300 is outside the float32 range")]
    [InlineData("""{"model_class": "CfC", "constructor_args": {"input_size": 1, "units": 2, "backbone_dropout": 1.0}}""", "config.json: constructor_args.backbone_dropout: 1.0 is not allowed; backbone dropout must be in [0, 1)")]
    public void BadConfigsGiveOneLineNamingTheKey(string json, string expected)
    {
        var ex = Assert.Throws<PolicyFormatException>(() => NcpsConfig.Parse(json, "config.json"));
        Assert.StartsWith(expected, Assert.Single(ex.Problems));
    }

    [Theory]
    [InlineData("wiredcfc_autoncp19.config.json")]
    [InlineData("ltc_autoncp19.config.json")]
    public void MangledConfigsAreAlwaysAListOfProblemsNeverACrash(string fixture)
    {
        string json = File.ReadAllText(TestFiles.Fixture(fixture));
        var random = new Random(11);
        const string Replacements = "{}[]\",:0123456789-.eEtrufalsn x";
        for (int trial = 0; trial < 1500; trial++)
        {
            char[] text = json.ToCharArray();
            text[random.Next(text.Length)] = Replacements[random.Next(Replacements.Length)];
            try
            {
                NcpsConfig.Parse(new string(text), "config.json");
            }
            catch (PolicyFormatException ex)
            {
                Assert.All(ex.Problems, line => Assert.StartsWith("config.json: ", line));
            }
        }
    }

    [Fact]
    public void WeightsOfAnotherModelListEveryMismatch()
    {
        using var folder = new TempFolder();
        string weights = TestFiles.Fixture("cfc_default.safetensors");
        var ex = Assert.Throws<PolicyFormatException>(() =>
            NcpsImporter.Import(weights, TestFiles.Fixture("wiredcfc_autoncp19.config.json"), folder.Path, null, "tests", Clock));
        Assert.Contains($"{weights}: tensor 'rnn_cell.layer_0.sparsity_mask' is missing (expected shape [9, 17])", ex.Problems);
        Assert.Contains($"{weights}: tensor 'rnn_cell.backbone.0.weight' [16, 13] is not a parameter of this architecture", ex.Problems);
        Assert.Equal(27 + 10, ex.Problems.Count);
        Assert.False(File.Exists(folder.File("policy.json")));
    }

    [Fact]
    public void ImportRefusesToOverwriteAPolicy()
    {
        using var folder = new TempFolder();
        NcpsImporter.Import(TestFiles.Fixture("cfc_default.safetensors"), TestFiles.Fixture("cfc_default.config.json"), folder.Path, null, "tests", Clock);
        var ex = Assert.Throws<PolicyFormatException>(() =>
            NcpsImporter.Import(TestFiles.Fixture("cfc_default.safetensors"), TestFiles.Fixture("cfc_default.config.json"), folder.Path, null, "tests", Clock));
        Assert.Equal($"{folder.Path}: already holds a policy.json; choose a new folder", ex.Message);
    }
}
