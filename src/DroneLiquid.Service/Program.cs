using System.CommandLine;
using DroneLiquid.Service.Cli;

// The `droneliquid` executable. Each verb group lives in its own file under Cli/ and is added here.
var root = new RootCommand("DroneLiquid: fly a drone with a liquid neural network (CfC/LTC) over MAVLink.");
root.Subcommands.Add(VersionCommand.Create());
root.Subcommands.Add(ModelCommand.Create(ModelInfoCommand.Create(), ModelImportCommand.Create(), ModelExportOnnxCommand.Create()));
root.Subcommands.Add(SensorsCommand.Create());
root.Subcommands.Add(MavlinkCommand.Create());
root.Subcommands.Add(SimCommand.Create());
root.Subcommands.Add(ConfigCommand.Create());
root.Subcommands.Add(FlyCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(CollectCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(BenchCommand.Create(BenchTickCommand.Create()));

return CliRunner.Run(root, args);
