using System.CommandLine;
using DroneLiquid.Training.Cli;

// `droneliquid-train`: training stays off the vehicle (libtorch is about 1 GB); it writes policy folders.
var root = new RootCommand("DroneLiquid training: behaviour cloning of liquid (CfC/NCP) flight policies with TorchSharp.");
root.Subcommands.Add(TrainCommand.Create());
return CliRunner.Run(root, args);
