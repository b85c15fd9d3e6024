using System.Text.Json;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

public class ModelInfoCommandTests
{
    [Fact]
    public void JsonHoldsArchitectureCountsWiringSpecsAndVerifiedHashes()
    {
        string folder = ModelVerbs.ImportWiredCfc();
        try
        {
            var (code, stdout, stderr) = ModelVerbs.Run("model", "info", folder, "--json");
            Assert.Equal(ExitCodes.Success, code);
            Assert.Equal("", stderr);
            var root = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal("lane", root.GetProperty("name").GetString());
            var architecture = root.GetProperty("architecture");
            Assert.Equal(("WiredCfC", 8, 4, 19), (architecture.GetProperty("kind").GetString(), architecture.GetProperty("input_size").GetInt32(), architecture.GetProperty("output_size").GetInt32(), architecture.GetProperty("state_size").GetInt32()));

            // Three CfC layers without backbone: 4 heads of [n, in + n] weights and [n] biases; masks [n, in + n].
            int Heads(int n, int inputs) => 4 * ((n * (inputs + n)) + n);
            var parameters = root.GetProperty("parameters");
            Assert.Equal(Heads(9, 8) + Heads(6, 9) + Heads(4, 6), parameters.GetProperty("trainable").GetInt64());
            Assert.Equal((9 * 17) + (6 * 15) + (4 * 10), parameters.GetProperty("masks").GetInt64());
            Assert.Equal(27, parameters.GetProperty("tensors").GetInt32());

            var wiring = root.GetProperty("wiring");
            Assert.Equal((45, 35), (wiring.GetProperty("synapse_count").GetInt32(), wiring.GetProperty("sensory_synapse_count").GetInt32()));
            Assert.Equal(["inter", "command", "motor"], wiring.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("name").GetString()));
            Assert.StartsWith("AutoNCP wiring: 19 neurons, 8 inputs, 4 outputs", wiring.GetProperty("description").GetString());

            Assert.Equal(8, root.GetProperty("observation").GetArrayLength());
            Assert.Equal("output_3", root.GetProperty("action")[3].GetProperty("name").GetString());
            var file = Assert.Single(root.GetProperty("files").EnumerateArray());
            Assert.True(file.GetProperty("verified").GetBoolean());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void HumanTextGoesToStderrAndAcceptsThePolicyJsonPath()
    {
        string folder = ModelVerbs.ImportWiredCfc();
        try
        {
            var (code, stdout, stderr) = ModelVerbs.Run("model", "info", Path.Combine(folder, "policy.json"));
            Assert.Equal(ExitCodes.Success, code);
            Assert.Equal("", stdout);
            Assert.Contains("synapses      45 between neurons + 35 from inputs = 80", stderr);
            Assert.Contains("inter      9 neurons  ids 10..18", stderr);
            Assert.Contains("weights.safetensors  sha256 ", stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ATamperedPolicyIsExitCode2WithBothHashes()
    {
        string folder = ModelVerbs.ImportWiredCfc();
        try
        {
            string weights = Path.Combine(folder, "weights.safetensors");
            var bytes = File.ReadAllBytes(weights);
            bytes[^4] ^= 1;
            File.WriteAllBytes(weights, bytes);
            var (code, stdout, stderr) = ModelVerbs.Run("model", "info", folder, "--json");
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal("", stdout);
            Assert.Matches($"^droneliquid: {System.Text.RegularExpressions.Regex.Escape(weights)}: SHA-256 is [0-9a-f]{{64}}, but policy.json says [0-9a-f]{{64}}: the file changed or is corrupt$", stderr.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ANonexistentFolderIsExitCode2()
    {
        var (code, _, stderr) = ModelVerbs.Run("model", "info", "/nonexistent/policy");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("droneliquid: /nonexistent/policy: no such policy folder", stderr.Trim());
    }
}
