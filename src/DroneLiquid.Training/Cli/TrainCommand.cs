using System.CommandLine;
using DroneLiquid.Training.Config;
using DroneLiquid.Training.Data;
using DroneLiquid.Training.Trainer;
using Spectre.Console;

namespace DroneLiquid.Training.Cli;

/// <summary>`droneliquid-train train --config FILE [--restart] [--json]`.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var config = new Option<FileInfo>("--config") { Description = "Training config (JSON), e.g. training/state-nav.json.", Required = true };
        var restart = new Option<bool>("--restart") { Description = "Discard the checkpoint folder and train from scratch instead of resuming." };
        var json = new Option<bool>("--json") { Description = "Print one JSON summary object on stdout." };
        var command = new Command("train", "Train a policy by behaviour cloning (BPTT) and write its policy folder; resumes from the last checkpoint.");
        command.Options.Add(config);
        command.Options.Add(restart);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            TrainingConfig loaded;
            TrainingData data;
            try
            {
                loaded = TrainingConfig.Load(parse.GetValue(config)!.FullName);
                data = DataLoader.Load(loaded);
            }
            catch (TrainingConfigException ex)
            {
                throw new BadInputException(ex.Message);
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.MarkupLineInterpolated($"[bold]{loaded.Name}[/]: {data.Episodes.Count} episodes, {data.StepCount} steps from {string.Join(", ", loaded.Data)}");
            TrainingResult result;
            try
            {
                result = console.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .Start(ctx => new BehaviourCloningTrainer(TimeProvider.System).Run(loaded, data, new SpectreProgress(ctx, console), parse.GetValue(restart)));
            }
            catch (TrainingConfigException ex)
            {
                throw new BadInputException(ex.Message);
            }

            console.MarkupLineInterpolated(
                $"wrote [green]{result.Output}[/]: epoch {result.ExportedEpoch}, best validation epoch {result.BestEpoch} (loss {result.BestValidationLoss:G4}), train loss {result.FirstTrainLoss:G4} -> {result.FinalTrainLoss:G4}, {result.Seconds:F0} s");
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(result);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
