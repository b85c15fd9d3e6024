using System.CommandLine;
using System.Globalization;
using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Flying;
using DroneLiquid.Evaluation.Reports;
using DroneLiquid.Evaluation.Runs;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid eval --policy DIR | --expert --world forest|urban|empty --episodes N --seed S [--shard i/N] [--wind m/s]
/// [--out DIR] [--json] [--min-success f]`: flies test episodes closed loop with the policy (or the expert) in control,
/// in parallel, and writes results.json, report.md and the charts. `droneliquid eval merge DIR... --out DIR` combines
/// shards (and runs of several pilots or worlds into one comparison). Exit 0 when the run completes, 1 only when
/// --min-success is given and not met, 2 for bad input.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var policy = new Option<DirectoryInfo?>("--policy") { Description = "Policy folder to fly (policy.json, weights.safetensors, perception.onnx for vision)." };
        var expert = new Option<bool>("--expert") { Description = "Fly the privileged expert instead of a policy (its own success rate)." };
        var world = new Option<string?>("--world") { Description = "World: forest, urban or empty." };
        var episodes = new Option<int>("--episodes") { Description = "Episodes of the whole run (all shards).", DefaultValueFactory = _ => 200 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the run; episodes use test world seeds derived from it (never training ones).", DefaultValueFactory = _ => 1UL };
        var shard = new Option<string?>("--shard") { Description = "Fly only shard i of N (episodes with index mod N == i), e.g. 0/4; combine with 'eval merge'." };
        var wind = new Option<float>("--wind") { Description = "Mean wind speed, m/s.", DefaultValueFactory = _ => 1.5f };
        var rate = new Option<double>("--rate") { Description = "Nominal control (camera) rate, Hz.", DefaultValueFactory = _ => 20.0 };
        var jitter = new Option<double>("--jitter") { Description = "Std of each control interval as a fraction of the period.", DefaultValueFactory = _ => 0.1 };
        var drop = new Option<double>("--drop") { Description = "Probability that a camera frame (and so a control tick) is dropped.", DefaultValueFactory = _ => 0.05 };
        var workers = new Option<int>("--workers") { Description = "Episodes flown at once (default: one per core).", DefaultValueFactory = _ => EpisodeParallel.DefaultWorkers };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for results.json, report.md and charts (default evals/<pilot>-<world>-seed<S>[-shard<i>of<N>])." };
        var minSuccess = new Option<double?>("--min-success") { Description = "Exit 1 when the success rate is below this fraction (0..1)." };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object on stdout." };
        var command = new Command("eval", "Fly a policy (or the expert) closed loop on held-out test episodes and report success, crashes, time, efficiency, smoothness.");
        foreach (Option option in new Option[] { policy, expert, world, episodes, seed, shard, wind, rate, jitter, drop, workers, output, minSuccess, json })
        {
            command.Options.Add(option);
        }

        command.Subcommands.Add(CreateMerge());
        command.SetAction(parse =>
        {
            EvaluationOptions options;
            try
            {
                options = BuildOptions(parse.GetValue(policy), parse.GetValue(expert), parse.GetValue(world), parse.GetValue(episodes), parse.GetValue(seed),
                    parse.GetValue(shard), parse.GetValue(workers));
                options = options with
                {
                    Settings = options.Settings with
                    {
                        WindMetresPerSecond = parse.GetValue(wind),
                        ControlRateHz = parse.GetValue(rate),
                        JitterFraction = parse.GetValue(jitter),
                        FrameDropProbability = parse.GetValue(drop),
                    },
                };
                options.Validate();
                CheckFraction(parse.GetValue(minSuccess));
            }
            catch (ArgumentException ex)
            {
                throw new BadInputException(ex.Message, ex);
            }

            long start = TimeProvider.System.GetTimestamp();
            EvaluationRun run;
            try
            {
                run = PolicyEvaluator.Run(options);
            }
            catch (Exception ex) when (ex is PolicyFormatException or OnnxModelException or ArgumentException)
            {
                throw new BadInputException(ex.Message, ex);
            }

            double seconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
            string folder = parse.GetValue(output)?.FullName ?? Path.Combine("evals",
                $"{run.Policy}-{run.World}-seed{run.Seed}{(run.ShardCount > 1 ? $"-shard{run.ShardIndex}of{run.ShardCount}" : string.Empty)}");
            ReportWriter.Write(folder, [run]);
            RunSummary s = run.Summary;
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(EvalOutput.From(run, folder, seconds));
            }

            Console.Error.WriteLine(Describe(s));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Episodes} episodes in {seconds:0.#} s ({s.Episodes / seconds:0.##} episodes/s, {run.Episodes.Sum(e => e.TimeS) / seconds:0}x real time, on {options.Workers} workers); wrote {Path.Combine(folder, ResultsFile.FileName)}, {ReportWriter.ReportFileName} and charts"));
            return Verdict(parse.GetValue(minSuccess), [s]);
        });
        return command;
    }

    private static Command CreateMerge()
    {
        var inputs = new Argument<DirectoryInfo[]>("folders") { Description = "Evaluation folders (each with results.json): shards of one run, or runs to compare.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the merged results.json, report.md and charts.", Required = true };
        var minSuccess = new Option<double?>("--min-success") { Description = "Exit 1 when any merged run's success rate is below this fraction (0..1)." };
        var json = new Option<bool>("--json") { Description = "Print the merged summaries as one JSON object on stdout." };
        var command = new Command("merge", "Combine shard results into one run, and several runs into one comparison report.");
        command.Arguments.Add(inputs);
        command.Options.Add(output);
        command.Options.Add(minSuccess);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            IReadOnlyList<EvaluationRun> merged;
            try
            {
                CheckFraction(parse.GetValue(minSuccess));
                var runs = parse.GetValue(inputs)!.SelectMany(d => ResultsFile.Read(Path.Combine(d.FullName, ResultsFile.FileName))).ToList();
                merged = ResultsMerger.Merge(runs);
            }
            catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
            {
                throw new BadInputException(ex.Message, ex);
            }

            string folder = parse.GetValue(output)!.FullName;
            ReportWriter.Write(folder, merged);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(new MergeOutput(folder, merged.Select(r => r.Summary).ToArray()));
            }

            foreach (EvaluationRun run in merged)
            {
                Console.Error.WriteLine(Describe(run.Summary));
            }

            Console.Error.WriteLine($"wrote {Path.Combine(folder, ResultsFile.FileName)}, {ReportWriter.ReportFileName} and charts");
            return Verdict(parse.GetValue(minSuccess), merged.Select(r => r.Summary));
        });
        return command;
    }

    internal static EvaluationOptions BuildOptions(DirectoryInfo? policy, bool expert, string? world, int episodes, ulong seed, string? shard, int workers)
    {
        if ((policy is null) == !expert)
        {
            throw new ArgumentException(expert ? "--policy and --expert: give one, not both" : "--policy DIR or --expert: say which pilot flies");
        }

        if (world is null)
        {
            throw new ArgumentException("--world: required (forest, urban or empty)");
        }

        (int index, int count) = shard is null ? (0, 1) : EpisodeArguments.ParseShard(shard);
        return new EvaluationOptions
        {
            Settings = new EpisodeSettings { World = EpisodeArguments.ParseWorld(world) },
            Seed = seed,
            Episodes = episodes,
            ShardIndex = index,
            ShardCount = count,
            PolicyDirectory = policy?.FullName,
            Workers = workers,
        };
    }

    private static void CheckFraction(double? value)
    {
        if (value is double v && (!double.IsFinite(v) || v < 0 || v > 1))
        {
            throw new ArgumentException($"--min-success: expected a fraction in [0, 1], got {v.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static int Verdict(double? minSuccess, IEnumerable<RunSummary> summaries)
    {
        if (minSuccess is not double min)
        {
            return ExitCodes.Success;
        }

        bool met = true;
        foreach (RunSummary s in summaries.Where(s => s.SuccessRate < min))
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Policy} in {s.World}: success {s.SuccessRate:P1} is below --min-success {min:P1}"));
            met = false;
        }

        return met ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static string Describe(RunSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.Policy} in {s.World} (seed {s.Seed}, shard {s.Shard}): success {s.SuccessRate:P1}, crash {s.CrashRate:P1}, timeout {s.TimeoutRate:P1}, time to target {s.MeanTimeToTargetS?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a"} s, path efficiency {s.PathEfficiency?.ToString("0.000", CultureInfo.InvariantCulture) ?? "n/a"}, smoothness {s.Smoothness:0.00} m/s², min clearance {s.MinClearanceM:0.00} m (worst {s.WorstClearanceM:0.00})");

    private sealed record MergeOutput(string Out, IReadOnlyList<RunSummary> Runs);

    private sealed record EvalOutput(
        string Policy, string World, ulong Seed, string Shard, int Episodes, double SuccessRate, double CrashRate, double TimeoutRate,
        double? MeanTimeToTargetS, double? PathEfficiency, double Smoothness, double MinClearanceM, double WorstClearanceM,
        string Out, double WallSeconds, double EpisodesPerSecond, double SimulatedSecondsPerSecond)
    {
        public static EvalOutput From(EvaluationRun run, string folder, double seconds)
        {
            RunSummary s = run.Summary;
            return new(s.Policy, s.World, s.Seed, s.Shard, s.Episodes, s.SuccessRate, s.CrashRate, s.TimeoutRate, s.MeanTimeToTargetS, s.PathEfficiency,
                s.Smoothness, s.MinClearanceM, s.WorstClearanceM, folder, Math.Round(seconds, 2), Math.Round(s.Episodes / seconds, 2),
                Math.Round(run.Episodes.Sum(e => e.TimeS) / seconds, 1));
        }
    }
}
