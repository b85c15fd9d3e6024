using BenchmarkDotNet.Running;

// Every suite in this assembly; pick with --filter, e.g. --filter '*Cfc*'.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
