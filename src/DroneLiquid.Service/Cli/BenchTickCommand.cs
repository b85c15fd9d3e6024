using System.CommandLine;
using System.Globalization;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Liquid.Policies;
using DroneLiquid.Perception.Onnx;
using DroneLiquid.Service.Cli.Bench;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid bench tick [--policy DIR] [--seconds N] [--json]`: the control tick's latency from the telemetry
/// sample to the setpoint's bytes handed to a loopback UDP socket (p50, p99), the tick on one thread (ONNX Runtime
/// with one intra-op thread), for the given policy or
/// for an untrained state policy and an untrained vision policy at 128x96; the 50 Hz setpoint stream's jitter
/// (p99 of |interval - 20 ms|); and a soak of one simulated hour at 50 Hz (180,000 ticks) for memory growth.
/// Exit 1 when the soak allocated more than 1 KiB on the tick thread (a one-off JIT promotion is not growth) or grew
/// the heap by more than 1 MiB.
/// </summary>
internal static class BenchTickCommand
{
    private const long HeapGrowthLimitBytes = 1 << 20;
    private const long AllocationLimitBytes = 1 << 10;

    public static Command Create()
    {
        var policy = new Option<string?>("--policy") { Description = "Time this policy folder (default: untrained state and 128x96 vision policies)." };
        var seconds = new Option<double>("--seconds") { Description = "Seconds of 50 Hz ticking per policy (2..600).", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object on stdout." };
        var command = new Command("tick", "Measure the control tick: latency to the socket, 50 Hz jitter, and a simulated hour for memory growth.");
        command.Options.Add(policy);
        command.Options.Add(seconds);
        command.Options.Add(json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            double duration = parse.GetValue(seconds);
            if (!double.IsFinite(duration) || duration < 2 || duration > 600)
            {
                throw new BadInputException($"--seconds: expected 2..600, got {duration.ToString(CultureInfo.InvariantCulture)}");
            }

            string? given = parse.GetValue(policy);
            string temp = Path.Combine(Path.GetTempPath(), $"droneliquid-bench-tick-{Guid.NewGuid():N}");
            try
            {
                var folders = given is not null
                    ? new[] { given }
                    : [UntrainedPolicy.WriteState(Path.Combine(temp, "state")), UntrainedPolicy.WriteVision(Path.Combine(temp, "vision"), 128, 96)];
                var figures = new List<TickBenchFigures>();
                SoakFigures soak;
                foreach (string folder in folders)
                {
                    figures.Add(await TickBench.MeasureAsync(folder, given is null, TimeSpan.FromSeconds(duration)));
                }

                soak = TickBench.Soak(folders[0], TimeSpan.FromHours(1));

                Report(figures, soak, parse.GetValue(json));
                return soak.TickThreadAllocatedBytes <= AllocationLimitBytes && soak.HeapGrowthBytes <= HeapGrowthLimitBytes ? ExitCodes.Success : ExitCodes.CheckFailed;
            }
            catch (Exception ex) when (ex is PolicyFormatException or OnnxModelException or IOException)
            {
                throw new BadInputException(ex.Message);
            }
            finally
            {
                if (Directory.Exists(temp))
                {
                    Directory.Delete(temp, recursive: true);
                }
            }
        });
        return command;
    }

    private static void Report(List<TickBenchFigures> figures, SoakFigures soak, bool json)
    {
        if (json)
        {
            JsonOutput.WriteLine(new { Policies = figures, Soak = soak, soak.HeapGrowthBytes, Environment.ProcessorCount });
        }

        foreach (var f in figures)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Kind} policy '{f.Policy}'{(f.Image is null ? "" : $" {f.Image}")}{(f.Untrained ? " (untrained, random weights)" : "")}: sample->socket p50 {f.LatencyP50Microseconds:0} us, p99 {f.LatencyP99Microseconds:0} us (target <= {f.TargetP99Microseconds:0}), max {f.LatencyMaxMicroseconds:0} us; 50 Hz jitter p99 {f.JitterP99Milliseconds:0.000} ms, max {f.JitterMaxMilliseconds:0.000} ms; {f.Ticks} ticks, {f.DeadlineMisses} deadline misses, {f.DatagramsReceived} datagrams received"));
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak '{soak.Policy}': {soak.SimulatedSeconds:0} s simulated, {soak.Ticks} ticks in {soak.WallSeconds:0.0} s: {soak.TickThreadAllocatedBytes} bytes allocated by the tick, heap {soak.HeapBeforeBytes} -> {soak.HeapAfterBytes} bytes ({soak.HeapGrowthBytes:+#;-#;0})"));
    }
}
