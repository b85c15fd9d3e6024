using System.Text.Json;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

public class ModelImportCommandTests
{
    [Fact]
    public void ImportWritesAPolicyFolderAndPrintsOneJsonObject()
    {
        string folder = ModelVerbs.NewFolder();
        try
        {
            var (code, stdout, stderr) = ModelVerbs.Run("model", "import", "--weights", ModelVerbs.Fixture("cfc_default.safetensors"), "--config", ModelVerbs.Fixture("cfc_default.config.json"), "--out", folder, "--json");
            Assert.Equal(ExitCodes.Success, code);
            Assert.Equal("", stderr);
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            Assert.Equal("cfc_default", root.GetProperty("name").GetString());
            Assert.Equal("CfC (default), 5 inputs, 8 units, backbone 1 x 16 lecun_tanh, 8 outputs", root.GetProperty("summary").GetString());
            Assert.Equal(16 * 13 + 16 + 4 * (8 * 16 + 8), root.GetProperty("trainable_parameters").GetInt64());
            Assert.Equal(0, root.GetProperty("mask_values").GetInt64());
            Assert.Equal(PolicyFolder.Sha256(Path.Combine(folder, "weights.safetensors")), root.GetProperty("files").GetProperty("weights.safetensors").GetString());

            var policy = PolicyFolder.Read(folder);
            Assert.Equal(ModelVerbs.Now, policy.Document.Provenance.CreatedUtc);
            Assert.StartsWith("droneliquid model import ", policy.Document.Provenance.Tool);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ABadConfigIsExitCode2WithOneLinePerProblem()
    {
        string config = Path.GetTempFileName();
        try
        {
            File.WriteAllText(config, """{"model_class": "CfC", "constructor_args": {"input_size": 5, "units": 8, "mode": "fast", "backbone_layers": -1}}""");
            var (code, stdout, stderr) = ModelVerbs.Run("model", "import", "--weights", ModelVerbs.Fixture("cfc_default.safetensors"), "--config", config, "--out", ModelVerbs.NewFolder());
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal("", stdout);
            Assert.Equal(
                [$"droneliquid: {config}: constructor_args.mode: 'fast' is not allowed; allowed: default, no_gate, pure", $"{config}: constructor_args.backbone_layers: -1 is not an integer from 0 to 2147483647"],
                stderr.TrimEnd().Split(Environment.NewLine));
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void ATruncatedWeightsFileIsExitCode2NamingTheFile()
    {
        string weights = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(weights, File.ReadAllBytes(ModelVerbs.Fixture("cfc_default.safetensors"))[..^100]);
            var (code, _, stderr) = ModelVerbs.Run("model", "import", "--weights", weights, "--config", ModelVerbs.Fixture("cfc_default.config.json"), "--out", ModelVerbs.NewFolder());
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.StartsWith($"droneliquid: {weights}: tensor '", stderr);
            Assert.Contains("the file is truncated", stderr);
        }
        finally
        {
            File.Delete(weights);
        }
    }

    [Fact]
    public void AMissingRequiredOptionIsBadUsage()
    {
        var (code, stdout, stderr) = ModelVerbs.Run("model", "import", "--weights", "w.safetensors", "--out", "x");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains("--config", stderr);
    }
}
