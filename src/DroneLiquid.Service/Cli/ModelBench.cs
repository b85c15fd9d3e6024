using System.CommandLine;
using System.Numerics;
using System.Runtime.InteropServices;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Sessions;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid model bench <model> [--engine native|onnx] [--onnx file] [--threads N] [--steps N] [--json]`:
/// nanoseconds and bytes allocated per step on this machine, after a warm-up that lets the JIT reach its
/// optimised tier. The native engine is the liquid runtime; the onnx engine exports the same model to ONNX
/// (or takes a given step graph) and times ONNX Runtime with buffers bound once, so both can be compared
/// side by side. Wall time suffers when other processes share the cores; process CPU time per step is
/// printed beside it for that reason.
/// </summary>
internal static class ModelBench
{
    private const int Chunks = 10;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);

    public static Command CreateCommand()
    {
        var path = new Argument<string>("model") { Description = "A policy folder (policy.json + weights.safetensors) or an ncps reference JSON file." };
        var steps = new Option<int>("--steps") { Description = "Measured steps (after warm-up).", DefaultValueFactory = _ => 100_000 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout." };
        var engine = new Option<string>("--engine") { Description = "native (the liquid runtime) or onnx (ONNX Runtime on the exported step graph).", DefaultValueFactory = _ => "native" };
        engine.AcceptOnlyFromAmong("native", "onnx");
        var onnx = new Option<string?>("--onnx") { Description = "With --engine onnx: time this step graph (x, h, ts -> y, h_next) instead of exporting the model." };
        var threads = new Option<int>("--threads") { Description = "With --engine onnx: ONNX Runtime intra-op threads.", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", "Measure ns per step and bytes allocated per step of the model on this machine.");
        command.Arguments.Add(path);
        command.Options.Add(steps);
        command.Options.Add(engine);
        command.Options.Add(onnx);
        command.Options.Add(threads);
        command.Options.Add(json);
        command.SetAction(parse => Run(parse.GetValue(path)!, parse.GetValue(steps), parse.GetValue(json), TimeProvider.System, parse.GetValue(engine)!, parse.GetValue(onnx), parse.GetValue(threads)));
        return command;
    }

    internal static int Run(string path, int steps, bool json, TimeProvider time, string engine = "native", string? onnxPath = null, int threads = 1)
    {
        if (steps < Chunks)
        {
            throw new BadInputException($"--steps must be at least {Chunks}, got {steps}");
        }

        if (onnxPath is not null && engine != "onnx")
        {
            throw new BadInputException("--onnx needs --engine onnx");
        }

        var source = ModelCommand.Load(path);
        var model = ModelCommand.CreateModel(source);
        var (inputs, elapsed) = Workload(source, model);
        using var stepper = ModelBenchEngine.Create(engine, source, model, onnxPath, threads);
        var output = new float[model.OutputSize];

        long warmUpEnd = time.GetTimestamp() + (long)(WarmUp.TotalSeconds * time.TimestampFrequency);
        int warmSteps = 0;
        while (warmSteps < 1000 || time.GetTimestamp() < warmUpEnd)
        {
            StepOrFail(stepper, inputs, elapsed, warmSteps++, output);
        }

        // Touch every measuring call once so that none of them is compiled (and allocates) inside the measurement.
        _ = time.GetElapsedTime(warmUpEnd).TotalNanoseconds + Environment.CpuUsage.TotalTime.TotalNanoseconds;

        int perChunk = steps / Chunks;
        double bestChunk = double.MaxValue;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        long start = time.GetTimestamp();
        for (int chunk = 0; chunk < Chunks; chunk++)
        {
            long chunkStart = time.GetTimestamp();
            for (int t = chunk * perChunk; t < (chunk + 1) * perChunk; t++)
            {
                StepOrFail(stepper, inputs, elapsed, t, output);
            }

            bestChunk = Math.Min(bestChunk, time.GetElapsedTime(chunkStart).TotalNanoseconds / perChunk);
        }

        double meanNs = time.GetElapsedTime(start).TotalNanoseconds / (perChunk * Chunks);
        double cpuNs = (Environment.CpuUsage.TotalTime - cpuBefore).TotalNanoseconds / (perChunk * Chunks);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var report = new BenchReport(
            path,
            LiquidModel.Describe(model.Spec),
            stepper.Description,
            perChunk * Chunks,
            Math.Round(meanNs, 1),
            Math.Round(bestChunk, 1),
            Math.Round(cpuNs, 1),
            (double)allocated / (perChunk * Chunks),
            RuntimeInformation.FrameworkDescription,
            RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
            Vector<float>.Count);
        if (json)
        {
            JsonOutput.WriteLine(report);
        }
        else
        {
            Console.Error.WriteLine($"{path}: {report.Model}, engine {report.Engine}");
            Console.Error.WriteLine($"  {report.NsPerStep:0.0} ns/step mean (wall), {report.BestChunkNsPerStep:0.0} best tenth, {report.CpuNsPerStep:0.0} process CPU; {report.BytesPerStep} bytes/step over {report.Steps} steps");
            Console.Error.WriteLine($"  {report.Runtime}, {report.Architecture}, {report.SimdFloats} floats per SIMD vector");
        }

        return ExitCodes.Success;
    }

    /// <summary>The recorded inputs and elapsed times of the first sequence, or a deterministic sine sweep.</summary>
    internal static (float[][] Inputs, float[] Elapsed) Workload(ModelSource source, LiquidModel model)
    {
        if (source.Reference is { } reference)
        {
            return (reference.Inputs[0], reference.ElapsedSeconds[0]);
        }

        var inputs = Enumerable.Range(0, 64).Select(t => Enumerable.Range(0, model.InputSize).Select(i => MathF.Sin(0.1f * t + i)).ToArray()).ToArray();
        return (inputs, Enumerable.Repeat(0.02f, 64).ToArray());
    }

    private static void StepOrFail(ModelBenchEngine stepper, float[][] inputs, float[] elapsed, int t, float[] output)
    {
        int i = t % inputs.Length;
        var status = stepper.TryStep(inputs[i], elapsed[i], output);
        if (status != StepStatus.Ok)
        {
            throw new BadInputException($"step {t} of the recorded inputs failed: {status}");
        }
    }

    private sealed record BenchReport(
        string File,
        string Model,
        string Engine,
        int Steps,
        double NsPerStep,
        double BestChunkNsPerStep,
        double CpuNsPerStep,
        double BytesPerStep,
        string Runtime,
        string Architecture,
        int SimdFloats);
}
