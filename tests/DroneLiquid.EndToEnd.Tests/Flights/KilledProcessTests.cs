using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.Service.Tests.Fakes;

namespace DroneLiquid.EndToEnd.Tests.Flights;

/// <summary>`droneliquid fly --sim` killed with SIGKILL mid-flight leaves a readable record missing at most the last second.</summary>
public sealed partial class KilledProcessTests : IDisposable
{
    private readonly FakeFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const double Speed = 4;

    [Fact]
    public async Task A_killed_fly_leaves_a_readable_tick_log_missing_at_most_the_last_second()
    {
        string policy = FakePolicies.WriteGoalSeekingPolicy(_folder.Path, cruiseMetresPerSecond: 1f);
        string records = _folder.File("flights");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { Path.Combine(AppContext.BaseDirectory, "droneliquid.dll"), "fly", "--sim", "--autopilot", "px4", "--world", "empty",
                     "--policy", policy, "--out", records, "--speed", Speed.ToString(CultureInfo.InvariantCulture), "--time-limit", "120" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        double lastPrinted = 0;
        var policyControlSince = Stopwatch.StartNew();
        bool flying = false;
        var wall = Stopwatch.StartNew();
        while (wall.Elapsed < TimeSpan.FromSeconds(90))
        {
            string? line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(line);
            Match progress = ProgressLine().Match(line);
            if (!progress.Success)
            {
                continue;
            }

            lastPrinted = double.Parse(progress.Groups["t"].Value, CultureInfo.InvariantCulture);
            if (!flying && progress.Groups["state"].Value == "PolicyControl")
            {
                flying = true;
                policyControlSince.Restart();
            }

            if (flying && policyControlSince.Elapsed > TimeSpan.FromSeconds(2.5))
            {
                break;
            }
        }

        Assert.True(flying, "the flight never reached policy control");
        process.Kill(); // SIGKILL: no graceful stop, no flush
        await process.WaitForExitAsync();

        string flight = Assert.Single(Directory.GetDirectories(records));
        using TickLogReader reader = TickLogReader.Open(Path.Combine(flight, FlightRecorder.TickLogFileName));
        List<TickLogRecord> ticks = [.. reader.ReadAll()];
        Assert.NotEmpty(ticks);
        Assert.True(reader.TrailingBytes < reader.Layout.RecordSize, $"{reader.TrailingBytes} trailing bytes");
        double recordedSeconds = (ticks[^1].Sample.TimestampMicroseconds - ticks[0].Sample.TimestampMicroseconds) / 1e6;

        // The last progress line printed before the kill is a lower bound of the (simulated) flight time at the kill.
        // What a kill may lose is the last second of the process's life, in wall time: at 4x that is 4 s simulated
        // (the recorder, on the simulation's clock, flushes every simulated second, so far less is lost).
        double lostWallSeconds = (lastPrinted - recordedSeconds) / Speed;
        Assert.True(lostWallSeconds <= 1.0, $"the tick log covers {recordedSeconds:0.00} s; {lastPrinted:0.00} s had been flown when the process was killed ({lostWallSeconds:0.00} s of wall time lost)");
        Assert.Contains(ticks, t => t.Sample.State == Flight.Failsafe.FlightState.PolicyControl);
    }

    [GeneratedRegex(@"^\s+(?<t>\d+\.\d) s\s+(?<state>\w+)")]
    private static partial Regex ProgressLine();
}
