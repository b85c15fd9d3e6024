using System.Globalization;
using System.Text;
using DroneLiquid.Evaluation.Runs;

namespace DroneLiquid.Evaluation.Reports;

/// <summary>
/// Writes an evaluation folder: results.json (every run, every episode), report.md (a table per run, the settings,
/// the failed episodes) and the PNG charts: success_by_world.png and one trajectories_&lt;pilot&gt;_&lt;world&gt;.png per run.
/// </summary>
public static class ReportWriter
{
    public const string ReportFileName = "report.md";

    public const string SuccessChartFileName = "success_by_world.png";

    /// <summary>Writes the folder and returns the files written.</summary>
    public static IReadOnlyList<string> Write(string directory, IReadOnlyList<EvaluationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Directory.CreateDirectory(directory);
        var files = new List<string> { Path.Combine(directory, ResultsFile.FileName) };
        ResultsFile.Write(files[0], runs);
        files.Add(Path.Combine(directory, SuccessChartFileName));
        ReportCharts.SaveSuccessChart(files[^1], runs);
        foreach (EvaluationRun run in runs)
        {
            files.Add(Path.Combine(directory, TrajectoryFileName(run)));
            ReportCharts.SaveTrajectories(files[^1], run);
        }

        files.Add(Path.Combine(directory, ReportFileName));
        File.WriteAllText(files[^1], Markdown(runs));
        return files;
    }

    public static string TrajectoryFileName(EvaluationRun run) => $"trajectories_{Safe(run.Policy)}_{run.World}.png";

    public static string Markdown(IReadOnlyList<EvaluationRun> runs)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("# Closed-loop evaluation").AppendLine();
        md.AppendLine("Flown in the in-process simulator on held-out test seeds (never used for training or model selection), the pilot in control")
            .AppendLine("at the jittered control rate with dropped frames, wind on. Success: within the success radius of the target before the time")
            .AppendLine("limit without touching an obstacle. Time to target and path efficiency (straight line / flown path) are over successful")
            .AppendLine("episodes; smoothness is the mean change of the velocity command per second (m/s², lower is smoother); min clearance is the")
            .AppendLine("mean over episodes of the closest approach to an obstacle, worst the closest of all.").AppendLine();
        md.AppendLine("| pilot | world | seed | episodes | success | crash | timeout | time to target (s) | path efficiency | smoothness (m/s²) | min clearance (m) | worst clearance (m) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (EvaluationRun run in runs)
        {
            RunSummary s = run.Summary;
            md.AppendLine(string.Create(c,
                $"| {run.Policy} | {run.World} | {run.Seed} | {s.Episodes}{(run.ShardCount > 1 ? $" (shard {run.ShardText} of {run.EpisodesTotal})" : string.Empty)} | {s.SuccessRate:P1} | {s.CrashRate:P1} | {s.TimeoutRate:P1} | {Format(s.MeanTimeToTargetS, "0.0")} | {Format(s.PathEfficiency, "0.000")} | {s.Smoothness:0.00} | {s.MinClearanceM:0.00} | {s.WorstClearanceM:0.00} |"));
        }

        md.AppendLine().AppendLine($"![success by world and pilot]({SuccessChartFileName})").AppendLine();
        foreach (EvaluationRun run in runs)
        {
            RunSettings t = run.Settings;
            md.AppendLine($"## {run.Policy} in {run.World}").AppendLine();
            if (run.PolicySha256 is not null)
            {
                md.AppendLine($"policy.json SHA-256 `{run.PolicySha256}`").AppendLine();
            }

            md.AppendLine(string.Create(c,
                $"Control {t.ControlRateHz:0.#} Hz (jitter {t.JitterFraction:P0}, {t.FrameDropProbability:P0} frames dropped), wind {t.WindMetresPerSecond:0.#} m/s, time limit {t.TimeLimitSeconds:0} s, success radius {t.SuccessRadiusMetres:0.#} m, cruise {t.CruiseAltitudeMetres:0.#} m, density {t.Density:0.##}, targets {t.MinTargetDistanceMetres:0}-{t.MaxTargetDistanceMetres:0} m away{(t.ImageWidth > 0 ? $", camera {t.ImageWidth}x{t.ImageHeight}" : string.Empty)}."));
            md.AppendLine();
            md.AppendLine($"![example trajectories]({TrajectoryFileName(run)})").AppendLine();
            var failed = run.Episodes.Where(e => !e.Success).ToArray();
            if (failed.Length == 0)
            {
                md.AppendLine("Every episode succeeded.").AppendLine();
                continue;
            }

            md.AppendLine($"{failed.Length} failed episodes{(failed.Length > 20 ? " (first 20)" : string.Empty)}:").AppendLine();
            md.AppendLine("| episode | world seed | outcome | detail | distance left (m) |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (EpisodeResult e in failed.Take(20))
            {
                md.AppendLine(string.Create(c, $"| {e.Index} | {e.WorldSeed} | {e.Outcome} | {e.CrashReason ?? string.Empty} | {e.FinalDistanceToTargetM:0.0} |"));
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static string Format(double? value, string format) => value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";

    private static string Safe(string name) => string.Concat(name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' ? ch : '_'));
}
