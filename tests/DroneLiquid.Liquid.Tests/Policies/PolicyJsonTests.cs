using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Liquid.Tests.Policies;

public class PolicyJsonTests
{
    [Fact]
    public void WriteThenParseKeepsEveryField()
    {
        foreach (var spec in SamplePolicies.Specs())
        {
            var document = SamplePolicies.Document(spec) with { Files = new Dictionary<string, string> { ["weights.safetensors"] = new string('a', 64) } };
            var back = PolicyJson.Parse(PolicyJson.Write(document), "policy.json");
            PolicyFolderTests.AssertSameSpec(spec, back.Architecture);
            Assert.Equal(document.Observations, back.Observations);
            Assert.Equal(document.Actions, back.Actions);
            Assert.Equal(document.Files, back.Files);
        }
    }

    [Fact]
    public void MangledTextIsAlwaysAListOfProblemsNeverACrash()
    {
        var spec = SamplePolicies.Specs().ElementAt(6); // LTC on an NCP: wiring, mappings, every block
        string json = PolicyJson.Write(SamplePolicies.Document(spec) with { Files = new Dictionary<string, string> { ["weights.safetensors"] = new string('b', 64) } });
        var random = new Random(5);
        const string Replacements = "{}[]\",:0123456789-.eEtrufalsn \u00e9x";
        for (int trial = 0; trial < 3000; trial++)
        {
            char[] text = json.ToCharArray();
            for (int edits = random.Next(1, 4); edits > 0; edits--)
            {
                text[random.Next(text.Length)] = Replacements[random.Next(Replacements.Length)];
            }

            try
            {
                PolicyJson.Parse(new string(text), "policy.json");
            }
            catch (PolicyFormatException ex)
            {
                Assert.All(ex.Problems, line => Assert.StartsWith("policy.json: ", line));
            }
        }
    }

    [Fact]
    public void FilesMayNotPointOutsideTheFolder()
    {
        var spec = SamplePolicies.Specs().First();
        var document = SamplePolicies.Document(spec) with { Files = new Dictionary<string, string> { ["weights.safetensors"] = new string('c', 64), ["../etc/passwd"] = new string('d', 64) } };
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyJson.Parse(PolicyJson.Write(document), "policy.json"));
        Assert.Equal("policy.json: files.../etc/passwd: is not allowed; files lists plain file names in the policy folder other than policy.json", Assert.Single(ex.Problems));
    }
}
