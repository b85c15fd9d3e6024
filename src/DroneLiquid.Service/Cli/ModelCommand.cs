using System.CommandLine;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Reference;
using DroneLiquid.Perception.Recurrent;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid model ...`: the liquid-model verbs. This file holds the group, `check` and `bench`;
/// other verbs (info, import) are passed to <see cref="Create"/> so each keeps its own file.
/// </summary>
internal static class ModelCommand
{
    /// <param name="extra">Further `model` verbs to add to the group.</param>
    public static Command Create(params Command[] extra)
    {
        var group = new Command("model", "Check and benchmark liquid models (CfC, wired CfC/NCP, LTC) against ncps.");
        group.Subcommands.Add(CreateCheck());
        group.Subcommands.Add(ModelBench.CreateCommand());
        foreach (var command in extra)
        {
            group.Subcommands.Add(command);
        }

        return group;
    }

    /// <summary>Loads a model source, turning every input problem into a <see cref="BadInputException"/> (exit 2).</summary>
    internal static ModelSource Load(string path)
    {
        try
        {
            return ModelSource.Load(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
        {
            throw new BadInputException(ex.Message, ex);
        }
    }

    /// <summary>Builds the runnable model, reporting bad tensors or specs as bad input.</summary>
    internal static LiquidModel CreateModel(ModelSource source)
    {
        try
        {
            return source.CreateModel();
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
        {
            throw new BadInputException($"{source.Path}: {ex.Message}", ex);
        }
    }

    private static Command CreateCheck()
    {
        var path = new Argument<string>("model") { Description = "A reference vector file (ncps reference JSON), or an ONNX step reference (*_step.json beside its .onnx)." };
        var atol = new Option<double>("--atol") { Description = "Absolute tolerance.", DefaultValueFactory = _ => ReferenceRunner.DefaultAtol };
        var rtol = new Option<double>("--rtol") { Description = "Relative tolerance: a value fails when |got - want| > atol + rtol*|want|.", DefaultValueFactory = _ => ReferenceRunner.DefaultRtol };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("check", "Run the recorded inputs and compare outputs, per-step states and final state with what ncps computed.");
        command.Arguments.Add(path);
        command.Options.Add(atol);
        command.Options.Add(rtol);
        command.Options.Add(json);
        command.SetAction(parse => Check(parse.GetValue(path)!, parse.GetValue(atol), parse.GetValue(rtol), parse.GetValue(json)));
        return command;
    }

    private static int Check(string path, double atol, double rtol, bool json)
    {
        if (!(atol >= 0 && double.IsFinite(atol)) || !(rtol >= 0 && double.IsFinite(rtol)))
        {
            throw new BadInputException($"--atol and --rtol must be finite and >= 0, got {atol} and {rtol}");
        }

        if (OnnxStepReference.IsStepReference(path))
        {
            return ModelStepCheck.Run(path, atol, rtol, json);
        }

        var source = Load(path);
        var reference = source.Reference ?? throw new BadInputException($"{path} ({source.Format}) carries no recorded vectors to check against");
        var model = CreateModel(source);
        ReferenceCheck result;
        try
        {
            result = ReferenceRunner.Check(model, reference, atol, rtol);
        }
        catch (ArithmeticException ex)
        {
            Console.Error.WriteLine($"{path}: FAIL: {ex.Message}");
            if (json) JsonOutput.WriteLine(new { File = path, Passed = false, Error = ex.Message });
            return ExitCodes.CheckFailed;
        }

        if (json)
        {
            JsonOutput.WriteLine(new CheckReport(
                path, reference.Name, reference.Kind, LiquidModel.Describe(model.Spec), reference.Batch, reference.SequenceLength, atol, rtol, result.Passed,
                result.Outputs, result.States, result.CellStates, result.FinalState, result.FinalCellState));
        }
        else
        {
            Console.Error.WriteLine($"{path}: {reference.Kind} '{reference.Name}', {LiquidModel.Describe(model.Spec)}, {reference.Batch} x {reference.SequenceLength} steps");
            Console.Error.WriteLine($"  tolerance |got - want| <= {atol:G3} + {rtol:G3} |want|");
            Print("outputs", result.Outputs);
            Print("states", result.States);
            if (result.CellStates is not null) Print("cell states", result.CellStates);
            Print("final state", result.FinalState);
            if (result.FinalCellState is not null) Print("final cell", result.FinalCellState);
            Console.Error.WriteLine(result.Passed ? "PASS" : "FAIL");
        }

        return result.Passed ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static void Print(string what, ErrorSummary summary) =>
        Console.Error.WriteLine(
            $"  {what,-12} max abs {summary.MaxAbs:0.00E+00}  max rel {summary.MaxRel:0.00E+00}  {summary.Violations} of {summary.Count} over tolerance" +
            (summary.Passed ? "" : $" (worst at {summary.WorstAt})"));

    private sealed record CheckReport(
        string File,
        string Name,
        string Kind,
        string Model,
        int Batch,
        int Steps,
        double Atol,
        double Rtol,
        bool Passed,
        ErrorSummary Outputs,
        ErrorSummary States,
        ErrorSummary? CellStates,
        ErrorSummary FinalState,
        ErrorSummary? FinalCellState);
}
