using System.Numerics;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Tests.Scenarios;

public class ScenarioLoaderTests
{
    private static string FilePath(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", "Files", name);

    private const string Minimal = """{ "world": "empty", "seed": 1, "target": { "north_m": 10, "east_m": 0, "altitude_m": 2 } }""";

    private static string Message(string json) => Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(json, "test.json")).Message;

    [Fact]
    public void Reads_every_field_of_a_full_scenario_file()
    {
        Scenario s = ScenarioLoader.LoadFile(FilePath("forest-gusts.json"));

        Assert.Equal(WorldKind.Forest, s.World);
        Assert.Equal(7UL, s.Seed);
        Assert.Equal(0.4f, s.Density);
        Assert.Equal(50f, s.ExtentMetres);
        Assert.Equal(new Vector3(-30f, 0f, 0f), s.StartNed);
        Assert.Equal(new Vector3(30f, 5f, -3f), s.TargetNed);
        Assert.Equal(new Vector3(1f, 0f, 0f), s.WindMeanNed);
        Assert.Equal(0.5f, s.GustStdMetresPerSecond);
        Assert.Equal(3, s.Events.Count);
        Assert.Equal(SimEvent.WindGust(8, new Vector3(0f, 4f, 0f), 3), s.Events[0]);
        Assert.Equal(SimEvent.SensorFreeze(12, 1), s.Events[1]);
        Assert.Equal(SimEvent.LowBattery(15, 0.2f), s.Events[2]);
        Assert.Equal(60, s.TimeLimitSeconds);
        Assert.Equal(1.5f, s.SuccessRadiusMetres);
        Assert.Equal(new CameraSpec(256, 144, 1.5708f, 0f, 120f), s.Camera);
    }

    [Fact]
    public void Optional_fields_take_their_documented_defaults()
    {
        Scenario s = ScenarioLoader.Parse(Minimal, "minimal.json");
        Assert.Equal(0.5f, s.Density);
        Assert.Equal(60f, s.ExtentMetres);
        Assert.Equal(Vector3.Zero, s.StartNed);
        Assert.Empty(s.Events);
        Assert.Equal(60, s.TimeLimitSeconds);
        Assert.Equal(1f, s.SuccessRadiusMetres);
        Assert.Null(s.Camera);
    }

    [Fact]
    public void An_unknown_world_kind_names_the_field_and_lists_the_valid_ones()
    {
        string message = Message(Minimal.Replace("\"empty\"", "\"desert\""));
        Assert.Equal("scenario 'test.json': field 'world': unknown value \"desert\"; valid: forest, urban, empty", message);
    }

    [Theory]
    [InlineData("""{ "world": "forest", "seed": 1, "target": { "north_m": 900, "east_m": 0, "altitude_m": 2 } }""", "field 'target.north_m': expected a number in [-60, 60], got 900")]
    [InlineData("""{ "world": "forest", "seed": 1, "density": 1.5, "target": { "north_m": 9, "east_m": 0, "altitude_m": 2 } }""", "field 'density': expected a number in [0, 1], got 1.5")]
    [InlineData("""{ "world": "forest", "seed": -3, "target": { "north_m": 9, "east_m": 0, "altitude_m": 2 } }""", "field 'seed': expected an integer in [0, 9007199254740991], got -3")]
    [InlineData("""{ "world": "forest", "seed": 1 }""", "field 'target': required: an object")]
    [InlineData("""{ "world": "forest", "seed": 1, "target": { "north_m": 9, "altitude_m": 2 } }""", "field 'target.east_m': required: a number in [-60, 60]")]
    [InlineData("""{ "world": "forest", "seed": 1, "target": { "north_m": "far", "east_m": 0, "altitude_m": 2 } }""", "field 'target.north_m': expected a number in [-60, 60], got \"far\"")]
    [InlineData("""{ "world": "forest", "seed": 1, "speed": 3, "target": { "north_m": 9, "east_m": 0, "altitude_m": 2 } }""", "field 'speed': unknown field; valid here:")]
    [InlineData("""{ "world": "forest", "seed": 1, "target": { "north_m": 9, "east_m": 0, "altitude": 2 } }""", "field 'target.altitude_m': required")]
    [InlineData("""{ "world": "forest", "seed": 1, "time_limit_s": 30, "target": { "north_m": 9, "east_m": 0, "altitude_m": 2 }, "events": [ { "time_s": 1, "kind": "low_battery", "remaining": 0.5 }, { "time_s": 40, "kind": "wind_gust", "duration_s": 1 } ] }""", "field 'events[1].time_s': expected a number in [0, 30], got 40")]
    [InlineData("""{ "world": "forest", "seed": 1, "target": { "north_m": 9, "east_m": 0, "altitude_m": 2 }, "events": [ { "time_s": 1, "kind": "earthquake" } ] }""", "field 'events[0].kind': unknown value \"earthquake\"; valid: wind_gust, sensor_freeze, low_battery")]
    [InlineData("""{ "world": "forest", "seed": 1, "target": { "north_m": 9, "east_m": 0, "altitude_m": 2 }, "events": [ { "time_s": 1, "kind": "sensor_freeze" } ] }""", "field 'events[0].duration_s': required: a number in [0.05, 600]")]
    [InlineData("""{ "world": "forest", "seed": 1, "target": { "north_m": 9, "east_m": 0, "altitude_m": 2 }, "camera": { "width_px": 2 } }""", "field 'camera.width_px': expected a number in [8, 4096], got 2")]
    [InlineData("""{ "world": "forest", "seed": 1, "target": { "north_m": 9, "east_m": 0, "altitude_m": 2 }, "camera": { "height_px": 12.5 } }""", "field 'camera.height_px': expected an integer in [8, 4096], got 12.5")]
    [InlineData("""{ "world": "forest", "seed": 1, "target": { "north_m": 9, "east_m": 0, "altitude_m": 2 }, "wind": { "north_m_s": 1e9 } }""", "field 'wind.north_m_s': expected a number in [-25, 25], got 1000000000")]
    [InlineData("""[1, 2]""", "field '(root)': expected an object, got an array")]
    public void A_bad_field_gives_one_message_naming_it_with_expected_and_actual(string json, string expected)
    {
        string message = Message(json);
        Assert.StartsWith("scenario 'test.json': ", message);
        Assert.Contains(expected, message);
    }

    [Fact]
    public void Malformed_json_and_missing_files_are_reported_with_the_file_named()
    {
        string message = Message("{ \"world\": \"forest\", ");
        Assert.StartsWith("scenario 'test.json': not valid JSON (line 1", message);

        string missing = FilePath("no-such-scenario.json");
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.LoadFile(missing));
        Assert.Contains(missing, error.Message);
        Assert.Contains("cannot read the file", error.Message);
    }
}
