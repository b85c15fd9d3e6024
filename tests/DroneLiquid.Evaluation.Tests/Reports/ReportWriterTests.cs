using DroneLiquid.Evaluation.Reports;
using DroneLiquid.Evaluation.Runs;
using DroneLiquid.Evaluation.Tests.Fakes;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Tests.Reports;

public sealed class ReportWriterTests
{
    [Fact]
    public void An_evaluation_folder_holds_results_report_and_charts_for_every_run()
    {
        EvaluationRun forest = Run(WorldKind.Forest);
        EvaluationRun urban = Run(WorldKind.Urban);
        string dir = TestFolders.Create();
        IReadOnlyList<string> files = ReportWriter.Write(dir, [forest, urban]);

        Assert.Equal(
            ["report.md", "results.json", "success_by_world.png", "trajectories_expert_forest.png", "trajectories_expert_urban.png"],
            files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string png in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            byte[] bytes = File.ReadAllBytes(png);
            Assert.True(bytes.Length > 10_000, $"{png}: {bytes.Length} bytes");
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        }

        string report = File.ReadAllText(Path.Combine(dir, ReportWriter.ReportFileName));
        Assert.Contains("| expert | forest | 9 | 2 | 100.0 % | 0.0 % |", report);
        Assert.Contains("| expert | urban | 9 | 2 |", report);
        Assert.Contains("![example trajectories](trajectories_expert_urban.png)", report);
        Assert.Equal(2, ResultsFile.Read(Path.Combine(dir, ResultsFile.FileName)).Count);
    }

    [Fact]
    public void Example_trajectories_show_failures_when_there_are_any()
    {
        EvaluationRun run = Run(WorldKind.Empty);
        var episodes = run.Episodes.Concat(run.Episodes.Select(e => e with { Index = e.Index + 10, Success = false, Outcome = "crashed" })).ToArray();
        int[] chosen = [.. ReportCharts.Examples(episodes).Select(e => e.Index)];
        Assert.Equal([0, 1, 10, 11], chosen);
    }

    private static EvaluationRun Run(WorldKind world) => PolicyEvaluator.Run(new EvaluationOptions
    {
        Settings = SmallEpisodes.Settings(world),
        Seed = 9,
        Episodes = 2,
        Workers = 2,
    });
}
