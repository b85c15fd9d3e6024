using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Tests.Episodes;

public sealed class EpisodeArgumentsTests
{
    [Theory]
    [InlineData("forest", WorldKind.Forest)]
    [InlineData("Urban", WorldKind.Urban)]
    [InlineData("empty", WorldKind.Empty)]
    public void Worlds_parse_by_name(string text, WorldKind expected) => Assert.Equal(expected, EpisodeArguments.ParseWorld(text));

    [Fact]
    public void Bad_spellings_name_the_option_and_what_is_allowed()
    {
        Assert.Contains("--world: expected forest, urban or empty, got 'city'", Assert.Throws<ArgumentException>(() => EpisodeArguments.ParseWorld("city")).Message);
        Assert.Contains("--image: expected WIDTHxHEIGHT", Assert.Throws<ArgumentException>(() => EpisodeArguments.ParseImage("64by48")).Message);
        Assert.Contains("--shard: expected i/N", Assert.Throws<ArgumentException>(() => EpisodeArguments.ParseShard("4/4")).Message);
    }

    [Fact]
    public void Images_and_shards_parse()
    {
        Assert.Equal((64, 48), EpisodeArguments.ParseImage("64x48"));
        Assert.Equal((2, 5), EpisodeArguments.ParseShard("2/5"));
    }
}
