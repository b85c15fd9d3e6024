using System.Text.Json;
using DroneLiquid.Sim.Records;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Sim.Tests.Records;

public sealed class FlightRecordsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"droneliquid-sim-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_scripted_run_writes_the_record_the_plot_the_summary_and_camera_frames()
    {
        Scenario scenario = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Scenarios", "Files", "forest-gusts.json"))
            with { Camera = new CameraSpec(64, 48, 1.5708f) };
        FlightSummary summary = SimRun.Fly(scenario, _folder);

        Assert.True(summary.Success, summary.ToJson());
        Assert.InRange(summary.PathLengthM, 55, 75);
        Assert.InRange(summary.MinClearanceM, 0.35, 20);

        string[] lines = File.ReadAllLines(Path.Combine(_folder, "flight.jsonl"));
        var samples = lines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("type").GetString() == "sample").ToList();
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("type").GetString() == "event").ToList();
        Assert.InRange(samples.Count, (int)(summary.TimeS * 20) - 2, (int)(summary.TimeS * 20) + 2); // 20 Hz
        Assert.Equal(0.05, samples[1].GetProperty("t_s").GetDouble() - samples[0].GetProperty("t_s").GetDouble(), 6);
        Assert.Equal(-30, samples[0].GetProperty("north_m").GetDouble(), 1);
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "wind_gust" && e.GetProperty("t_s").GetDouble() == 8);
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "succeeded");
        double[] times = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("t_s").GetDouble()).ToArray();
        Assert.Equal(times.Order(), times); // one time-ordered stream

        AssertPng(Path.Combine(_folder, "flight.png"), minimumBytes: 20_000);
        AssertPng(Path.Combine(_folder, "camera_first.png"), minimumBytes: 500);
        AssertPng(Path.Combine(_folder, "camera_last.png"), minimumBytes: 500);

        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "summary.json")));
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("success").GetBoolean());
        Assert.False(root.GetProperty("crash").GetBoolean());
        Assert.Equal(summary.TimeS, root.GetProperty("time_s").GetDouble());
        Assert.Equal(summary.PathLengthM, root.GetProperty("path_length_m").GetDouble());
        Assert.Equal(summary.MinClearanceM, root.GetProperty("min_clearance_m").GetDouble());
        FlightSummary? parsed = FlightSummary.FromJson(root.GetRawText());
        Assert.NotNull(parsed);
        Assert.Equal(summary, parsed with { Events = summary.Events });
        Assert.Equal(summary.Events.Count, parsed.Events.Count);
    }

    [Fact]
    public void A_flight_into_buildings_is_summarised_as_a_crash()
    {
        Scenario scenario = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Scenarios", "Files", "urban-crash.json"));
        FlightSummary summary = SimRun.Fly(scenario, outputFolder: null);
        Assert.False(summary.Success);
        Assert.True(summary.Crash, summary.ToJson());
        Assert.Contains("collision with obstacle", summary.CrashReason);
        Assert.True(summary.MinClearanceM < 0.35);
    }

    [Fact]
    public void The_record_exports_as_csv_with_units_in_the_header()
    {
        SimWorld sim = TestScenarios.Quiet(3f);
        sim.Step(1.0);
        string[] csv = sim.Recorder.ToCsv().TrimEnd().Split('\n');
        Assert.StartsWith("t_s,north_m,east_m,down_m,vn_m_s", csv[0]);
        Assert.Equal(22, csv.Length); // header + samples at 0, 0.05 .. 1.0
        Assert.EndsWith(",hold,1", csv[^1]);
    }

    private static void AssertPng(string path, int minimumBytes)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length >= minimumBytes, $"{path} is {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }
}
