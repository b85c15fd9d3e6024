using System.CommandLine;
using System.Reflection;
using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid model import --weights model.safetensors --config config.json --out &lt;dir&gt; [--name N] [--json]`:
/// turns an ncps model saved from Python into a policy folder (README "Import from ncps").
/// </summary>
internal static class ModelImportCommand
{
    public static Command Create() => Create(TimeProvider.System);

    internal static Command Create(TimeProvider time)
    {
        var weights = new Option<string>("--weights") { Description = "The state_dict written by safetensors.torch.save_file.", Required = true };
        var config = new Option<string>("--config") { Description = "config.json: model_class, constructor_args and (wired models) the wiring.", Required = true };
        var output = new Option<string>("--out") { Description = "The policy folder to create.", Required = true };
        var name = new Option<string?>("--name") { Description = "Policy name (default: the weights file's name)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var command = new Command("import", "Import an ncps model (safetensors state_dict + config.json) into a policy folder.");
        command.Options.Add(weights);
        command.Options.Add(config);
        command.Options.Add(output);
        command.Options.Add(name);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            string outDirectory = parse.GetValue(output)!;
            PolicyDocument written;
            try
            {
                written = NcpsImporter.Import(parse.GetValue(weights)!, parse.GetValue(config)!, outDirectory, parse.GetValue(name), Tool(), time);
            }
            catch (Exception ex) when (ex is PolicyFormatException or InvalidDataException)
            {
                throw new BadInputException(ex.Message, ex);
            }

            var (trainable, masks, total) = StateDictLayout.Count(written.Architecture);
            var result = new ImportResult(outDirectory, written.Name, NcpsImporter.Summary(written.Architecture), trainable, masks, total, written.Files);
            if (parse.GetValue(json))
            {
                JsonOutput.WriteLine(result);
            }
            else
            {
                Console.Error.WriteLine($"wrote policy '{result.Name}' to {result.Policy}: {result.Summary}");
                Console.Error.WriteLine($"  {trainable:N0} trainable parameters + {masks:N0} mask values = {total:N0}");
                foreach (var (file, hash) in result.Files) Console.Error.WriteLine($"  {file}  sha256 {hash}");
                Console.Error.WriteLine("  edit policy.json to name the inputs and outputs and give their units, normalisation and limits");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Tool() =>
        "droneliquid model import " + (typeof(ModelImportCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    private sealed record ImportResult(string Policy, string Name, string Summary, long TrainableParameters, long MaskValues, long TotalParameters, IReadOnlyDictionary<string, string> Files);
}
