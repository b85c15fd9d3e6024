using System.Text.Json.Nodes;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Reference;

namespace DroneLiquid.Liquid.Tests.Reference;

public class ReferenceCaseTests
{
    private static string WriteVariant(string file, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(ReferenceFiles.PathOf(file)))!;
        change(node);
        string path = Path.Combine(Path.GetTempPath(), $"dl-{Guid.NewGuid():N}-{file}");
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private static string LoadError(string path)
    {
        try
        {
            return Assert.Throws<InvalidDataException>(() => ReferenceCase.Load(path)).Message;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadsTheWiredModelWithItsWiringLayersAndInitialState()
    {
        var reference = ReferenceFiles.Load("wiredcfc_autoncp19.json");
        var spec = Assert.IsType<WiredCfcSpec>(reference.Spec);
        Assert.Equal(["inter", "command", "motor"], spec.Wiring.Layers.Select(l => l.Name));
        Assert.Equal(45, spec.Wiring.SynapseCount);
        Assert.Equal(35, spec.Wiring.SensorySynapseCount);
        Assert.Equal(4, spec.OutputSize);
        Assert.NotNull(reference.InitialState);
        Assert.Equal((2, 20), (reference.Batch, reference.SequenceLength));
    }

    [Fact]
    public void MissingTimespansMeanOneSecondPerStep()
    {
        var reference = ReferenceFiles.Load("cfc_no_gate.json");
        Assert.False(reference.HasTimespans);
        Assert.All(reference.ElapsedSeconds.SelectMany(r => r), v => Assert.Equal(1f, v));
        Assert.Equal(CfcMode.NoGate, Assert.IsType<CfcSpec>(reference.Spec).Mode);
    }

    [Fact]
    public void MalformedJsonNamesTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"dl-{Guid.NewGuid():N}-broken.json");
        File.WriteAllText(path, "{\"format_version\": 1, \"kind\": ");
        Assert.StartsWith($"{Path.GetFileName(path)}: not valid JSON", LoadError(path));
    }

    [Fact]
    public void AMissingKeyIsNamedWithItsPath()
    {
        string path = WriteVariant("ltc_fc8.json", n => n["config"]!["constructor_args"]!.AsObject().Remove("ode_unfolds"));
        Assert.EndsWith("'config.constructor_args.ode_unfolds' is missing", LoadError(path));
    }

    [Fact]
    public void AnInputRowOfTheWrongWidthIsNamedWithExpectedAndActual()
    {
        string path = WriteVariant("cfc_default.json", n => n["inputs"]![1]![3]!.AsArray().RemoveAt(0));
        Assert.EndsWith("'inputs[1][3]' has 4 values, expected 5", LoadError(path));
    }

    [Fact]
    public void AnUnknownModeIsNamedWithTheAllowedOnes()
    {
        string path = WriteVariant("cfc_pure.json", n => n["config"]!["constructor_args"]!["mode"] = "fast");
        Assert.EndsWith("'config.constructor_args.mode' is 'fast', expected default, no_gate or pure", LoadError(path));
    }

    [Fact]
    public void ADuplicatedParameterIsNamedWithTheFile()
    {
        string path = WriteVariant("cfc_pure.json", n => n["parameters"]!.AsArray().Add(n["parameters"]![0]!.DeepClone()));
        Assert.EndsWith("cfc_pure.json: tensor 'rnn_cell.w_tau' appears twice", LoadError(path));
    }

    [Fact]
    public void AnInconsistentWiringIsNamedWithTheFile()
    {
        string path = WriteVariant("ltc_autoncp19.json", n => n["config"]!["wiring"]!["layers"]![0]!["neurons"]!.AsArray().Add(3));
        Assert.Contains("ltc_autoncp19.json: layer 'motor': neuron id 3 is out of range 0..18 or appears twice", LoadError(path));
    }
}
