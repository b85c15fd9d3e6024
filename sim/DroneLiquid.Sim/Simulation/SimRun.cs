using DroneLiquid.Sim.Records;
using DroneLiquid.Sim.Scenarios;

namespace DroneLiquid.Sim.Simulation;

/// <summary>
/// Flies a scenario in process with the <see cref="ScriptedPilot"/> until the episode ends, then writes the
/// flight record (flight.jsonl), the plot (flight.png), the summary (summary.json) and, when the scenario has a
/// camera, the first and last camera frames (camera_first.png, camera_last.png) into an output folder.
/// </summary>
public static class SimRun
{
    /// <summary>Setpoint stream rate of the scripted pilot, hertz.</summary>
    public const double PilotRateHz = 20;

    public static FlightSummary Fly(Scenario scenario, string? outputFolder, SimWorldOptions? options = null, float cruiseSpeedMetresPerSecond = 3f)
    {
        var sim = new SimWorld(scenario, options);
        var pilot = new ScriptedPilot(cruiseSpeedMetresPerSecond);
        byte[]? rgb = sim.Camera is null ? null : new byte[sim.Camera.RgbLength];
        float[]? depth = sim.Camera is null ? null : new float[sim.Camera.DepthLength];
        if (outputFolder is not null)
        {
            Directory.CreateDirectory(outputFolder);
            SaveFrame(sim, rgb, depth, Path.Combine(outputFolder, "camera_first.png"));
        }

        while (sim.Status == EpisodeStatus.Running)
        {
            pilot.Update(sim);
            sim.Step(1.0 / PilotRateHz);
        }

        FlightSummary summary = sim.Summary();
        if (outputFolder is not null)
        {
            SaveFrame(sim, rgb, depth, Path.Combine(outputFolder, "camera_last.png"));
            sim.Recorder.WriteJsonLines(Path.Combine(outputFolder, "flight.jsonl"));
            FlightPlotter.SavePng(Path.Combine(outputFolder, "flight.png"), sim.World, sim.Recorder, scenario.SuccessRadiusMetres);
            File.WriteAllText(Path.Combine(outputFolder, "summary.json"), summary.ToJson() + "\n");
        }

        return summary;
    }

    private static void SaveFrame(SimWorld sim, byte[]? rgb, float[]? depth, string path)
    {
        if (sim.Camera is null || rgb is null || depth is null)
        {
            return;
        }

        sim.RenderCamera(rgb, depth);
        Camera.FrameImage.SavePng(path, rgb, sim.Camera.Spec.WidthPixels, sim.Camera.Spec.HeightPixels);
    }
}
