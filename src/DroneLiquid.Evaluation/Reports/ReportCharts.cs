using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Evaluation.Runs;
using DroneLiquid.Sim.Worlds;
using ScottPlot;

namespace DroneLiquid.Evaluation.Reports;

/// <summary>
/// The evaluation charts, drawn headless with ScottPlot as the simulator's flight plots are: success rate by world and
/// pilot (grouped bars), and example trajectories of one run seen from above over the obstacles of each episode's world
/// (regenerated from the run's seed and settings, so results.json needs no copy of the worlds).
/// </summary>
public static class ReportCharts
{
    /// <summary>Episodes drawn per trajectory chart.</summary>
    public const int ExampleEpisodes = 4;

    public static void SaveSuccessChart(string path, IReadOnlyList<EvaluationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        string[] worlds = runs.Select(r => r.World).Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] pilots = runs.Select(r => r.Policy).Distinct().ToArray();
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        double width = 0.8 / pilots.Length;
        for (int p = 0; p < pilots.Length; p++)
        {
            Color colour = palette.GetColor(p);
            var bars = new List<Bar>();
            for (int w = 0; w < worlds.Length; w++)
            {
                EvaluationRun? run = runs.FirstOrDefault(r => r.Policy == pilots[p] && r.World == worlds[w]);
                if (run is null)
                {
                    continue;
                }

                double rate = 100 * run.Summary.SuccessRate;
                bars.Add(new Bar
                {
                    Position = w - 0.4 + (width * (p + 0.5)),
                    Value = rate,
                    Size = width * 0.9,
                    FillColor = colour,
                    Label = $"{rate:0.#}%",
                });
            }

            var series = plot.Add.Bars(bars);
            series.LegendText = pilots[p];
            series.ValueLabelStyle.FontSize = 12;
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, worlds.Length).Select(i => (double)i).ToArray(), worlds);
        plot.Axes.SetLimitsY(0, 110);
        plot.Axes.SetLimitsX(-0.6, worlds.Length - 0.4);
        plot.YLabel("success (%)");
        plot.Title($"success by world and pilot ({string.Join(", ", runs.Select(r => r.Summary.Episodes).Distinct())} episodes per bar)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, Math.Max(600, 220 * worlds.Length * Math.Max(1, pilots.Length / 2)), 500);
    }

    public static void SaveTrajectories(string path, EvaluationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        EpisodeResult[] examples = Examples(run.Episodes);
        EpisodeSettings settings = run.Settings.ToEpisodeSettings(run.World) with { ImageWidth = 0, ImageHeight = 0 };
        var multiplot = new Multiplot();
        var grid = new ScottPlot.MultiplotLayouts.CustomGrid();
        for (int k = 0; k < examples.Length; k++)
        {
            EpisodeResult e = examples[k];
            World world = EpisodeGenerator.Create(settings, EpisodePurpose.Test, run.Seed, e.Index).World;
            var plot = new Plot();
            Draw(plot, world, e, settings.SuccessRadiusMetres, -settings.CruiseAltitudeMetres);
            plot.Title($"{run.Policy}, {run.World} episode {e.Index}: {e.Outcome} (obstacles cut at cruise height)");
            multiplot.AddPlot(plot);
            grid.Set(plot, new GridCell(k / 2, k % 2, 2, 2));
        }

        multiplot.Layout = grid;
        multiplot.SavePng(path, 1400, 1400);
    }

    /// <summary>Up to two failures and the rest successes, lowest indices first, so a chart shows both kinds when both exist.</summary>
    internal static EpisodeResult[] Examples(IReadOnlyList<EpisodeResult> episodes)
    {
        var failures = episodes.Where(e => !e.Success).Take(2).ToList();
        var chosen = failures.Concat(episodes.Where(e => e.Success).Take(ExampleEpisodes - failures.Count)).ToList();
        chosen.AddRange(episodes.Where(e => !chosen.Contains(e)).Take(ExampleEpisodes - chosen.Count));
        return [.. chosen.OrderBy(e => e.Index)];
    }

    private static void Draw(Plot plot, World world, EpisodeResult e, float successRadiusMetres, float cruiseDown)
    {
        double minN = Math.Min(e.StartNe[0], e.TargetNe[0]), maxN = Math.Max(e.StartNe[0], e.TargetNe[0]);
        double minE = Math.Min(e.StartNe[1], e.TargetNe[1]), maxE = Math.Max(e.StartNe[1], e.TargetNe[1]);
        for (int i = 0; i + 1 < e.Trajectory.Count; i += 2)
        {
            (minN, maxN) = (Math.Min(minN, e.Trajectory[i]), Math.Max(maxN, e.Trajectory[i]));
            (minE, maxE) = (Math.Min(minE, e.Trajectory[i + 1]), Math.Max(maxE, e.Trajectory[i + 1]));
        }

        const double margin = 6;
        foreach (Obstacle o in world.Obstacles[..world.SolidObstacleCount].ToArray().OrderByDescending(o => o.Bounds.Min.Z))
        {
            (var low, var high) = o.Bounds;
            if (high.X < minN - margin || low.X > maxN + margin || high.Y < minE - margin || low.Y > maxE + margin)
            {
                continue;
            }

            float section = SectionRadius(o, cruiseDown);
            if (section <= 0f)
            {
                continue;
            }

            var colour = new Color((byte)(255 * Math.Clamp(o.ColourRgb.X, 0f, 1f)), (byte)(255 * Math.Clamp(o.ColourRgb.Y, 0f, 1f)), (byte)(255 * Math.Clamp(o.ColourRgb.Z, 0f, 1f)));
            if (o.Shape == ObstacleShape.Box)
            {
                var box = plot.Add.Rectangle(o.A.Y, o.B.Y, o.A.X, o.B.X);
                box.FillColor = colour;
                box.LineWidth = 0;
            }
            else
            {
                var circle = plot.Add.Circle(o.A.Y, o.A.X, section);
                circle.FillColor = colour.WithAlpha(0.85);
                circle.LineWidth = 0;
            }
        }

        double[] north = e.Trajectory.Where((_, i) => i % 2 == 0).ToArray();
        double[] east = e.Trajectory.Where((_, i) => i % 2 == 1).ToArray();
        var path = plot.Add.Scatter(east, north);
        path.MarkerSize = 0;
        path.LineWidth = 3;
        path.Color = e.Success ? Colors.Blue : Colors.Red;
        path.LegendText = "flown path";
        var start = plot.Add.Marker(e.StartNe[1], e.StartNe[0], MarkerShape.FilledSquare, 12, Colors.Black);
        start.LegendText = "start";
        var radius = plot.Add.Circle(e.TargetNe[1], e.TargetNe[0], successRadiusMetres);
        radius.FillColor = Colors.Magenta.WithAlpha(0.25);
        radius.LineColor = Colors.Magenta;
        var target = plot.Add.Marker(e.TargetNe[1], e.TargetNe[0], MarkerShape.FilledCircle, 10, Colors.Magenta);
        target.LegendText = "target";
        plot.XLabel("east (m)");
        plot.YLabel("north (m)");
        plot.Axes.SetLimits(minE - margin, maxE + margin, minN - margin, maxN + margin);
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.LowerRight);
    }

    /// <summary>The radius of an obstacle's horizontal cross-section at <paramref name="down"/> (boxes: their half-size if cut, else 0), metres.</summary>
    internal static float SectionRadius(in Obstacle o, float down)
    {
        (var low, var high) = o.Bounds;
        if (down < low.Z || down > high.Z)
        {
            return 0f;
        }

        return o.Shape switch
        {
            ObstacleShape.Sphere => MathF.Sqrt(MathF.Max(0f, (o.Radius * o.Radius) - ((down - o.A.Z) * (down - o.A.Z)))),
            ObstacleShape.Cone => o.Radius * (down - o.A.Z) / MathF.Max(1e-3f, o.B.Z - o.A.Z),
            ObstacleShape.Cylinder => o.Radius,
            _ => 0.5f * MathF.Max(high.X - low.X, high.Y - low.Y),
        };
    }
}
