using System.Numerics;
using DroneLiquid.Sim.Worlds;
using ScottPlot;

namespace DroneLiquid.Sim.Records;

/// <summary>
/// Draws a flight as one PNG with ScottPlot (rendered headless through SkiaSharp): on the left the world from
/// above (east to the right, north up) with every obstacle's footprint in its own colour, the flown path, the
/// start, the target with its success radius and the events; on the right altitude and speed over time.
/// </summary>
public static class FlightPlotter
{
    public static void SavePng(string path, World world, FlightRecorder record, float successRadiusMetres, int widthPixels = 1400, int heightPixels = 800)
    {
        var map = new Plot();
        DrawWorld(map, world);
        DrawPath(map, record, world, successRadiusMetres);
        map.Title($"{world.Kind.ToString().ToLowerInvariant()} world, top view");
        map.XLabel("east (m)");
        map.YLabel("north (m)");
        map.Axes.SquareUnits();

        double[] time = record.Samples.Select(s => s.TimeSeconds).ToArray();
        var altitude = new Plot();
        var altitudeLine = altitude.Add.Scatter(time, record.Samples.Select(s => (double)s.AltitudeMetres).ToArray());
        altitudeLine.MarkerSize = 0;
        altitudeLine.LineWidth = 2;
        altitude.Title("altitude");
        altitude.YLabel("altitude (m)");
        altitude.XLabel("time (s)");
        MarkEvents(altitude, record);

        var speed = new Plot();
        var speedLine = speed.Add.Scatter(time, record.Samples.Select(s => (double)s.SpeedMetresPerSecond).ToArray());
        speedLine.MarkerSize = 0;
        speedLine.LineWidth = 2;
        speedLine.Color = Colors.DarkOrange;
        speed.Title("speed");
        speed.YLabel("speed (m/s)");
        speed.XLabel("time (s)");
        MarkEvents(speed, record);

        var multiplot = new Multiplot();
        multiplot.AddPlot(map);
        multiplot.AddPlot(altitude);
        multiplot.AddPlot(speed);
        var grid = new ScottPlot.MultiplotLayouts.CustomGrid();
        grid.Set(map, new GridCell(0, 0, 2, 5, 2, 3));
        grid.Set(altitude, new GridCell(0, 3, 2, 5, 1, 2));
        grid.Set(speed, new GridCell(1, 3, 2, 5, 1, 2));
        multiplot.Layout = grid;
        multiplot.SavePng(path, widthPixels, heightPixels);
    }

    private static void DrawWorld(Plot plot, World world)
    {
        float extent = world.HalfExtentMetres;
        var ground = plot.Add.Rectangle(-extent, extent, -extent, extent);
        ground.FillColor = ToColour(world.Palette.GroundPrimaryRgb).WithAlpha(0.25);
        ground.LineWidth = 0;
        if (world.Kind == WorldKind.Urban)
        {
            // Streets: bands centred on multiples of the street period, in the asphalt colour.
            Color asphalt = ToColour(world.Palette.GroundPrimaryRgb).WithAlpha(0.35);
            float half = 0.5f * World.StreetWidthMetres;
            for (float centre = -MathF.Floor(extent / World.StreetPeriodMetres) * World.StreetPeriodMetres; centre <= extent; centre += World.StreetPeriodMetres)
            {
                var northSouth = plot.Add.Rectangle(Math.Max(-extent, centre - half), Math.Min(extent, centre + half), -extent, extent);
                var eastWest = plot.Add.Rectangle(-extent, extent, Math.Max(-extent, centre - half), Math.Min(extent, centre + half));
                northSouth.FillColor = eastWest.FillColor = asphalt;
                northSouth.LineWidth = eastWest.LineWidth = 0;
            }
        }
        Obstacle[] obstacles = world.Obstacles[..world.SolidObstacleCount].ToArray();

        // Tallest last, so canopies and roofs cover trunks and poles as they do seen from above.
        foreach (Obstacle o in obstacles.OrderByDescending(o => o.Bounds.Min.Z))
        {
            Color colour = ToColour(o.ColourRgb);
            if (o.Shape == ObstacleShape.Box)
            {
                var box = plot.Add.Rectangle(o.A.Y, o.B.Y, o.A.X, o.B.X);
                box.FillColor = colour;
                box.LineColor = colour.Darken(0.4);
                box.LineWidth = 1;
            }
            else
            {
                var circle = plot.Add.Circle(o.A.Y, o.A.X, o.Radius);
                circle.FillColor = colour.WithAlpha(0.85);
                circle.LineWidth = 0;
            }
        }
    }

    private static void DrawPath(Plot plot, FlightRecorder record, World world, float successRadiusMetres)
    {
        IReadOnlyList<FlightSample> samples = record.Samples;
        if (samples.Count > 0)
        {
            var path = plot.Add.Scatter(samples.Select(s => (double)s.PositionNed.Y).ToArray(), samples.Select(s => (double)s.PositionNed.X).ToArray());
            path.MarkerSize = 0;
            path.LineWidth = 3;
            path.Color = Colors.Blue;
            path.LegendText = "flown path";
            Vector3 start = samples[0].PositionNed;
            var startMarker = plot.Add.Marker(start.Y, start.X, MarkerShape.FilledSquare, 14, Colors.Black);
            startMarker.LegendText = "start";
        }

        var radius = plot.Add.Circle(world.TargetNed.Y, world.TargetNed.X, successRadiusMetres);
        radius.FillColor = Colors.Magenta.WithAlpha(0.2);
        radius.LineColor = Colors.Magenta;
        var target = plot.Add.Marker(world.TargetNed.Y, world.TargetNed.X, MarkerShape.FilledCircle, 14, Colors.Magenta);
        target.LegendText = "target";

        foreach (FlightEvent e in record.Events.Where(IsNotable))
        {
            var marker = plot.Add.Marker(e.EastMetres, e.NorthMetres, MarkerShape.FilledDiamond, 12, EventColour(e.Kind));
            marker.LegendText = e.Kind;
            var label = plot.Add.Text($"{e.Kind} {e.TimeSeconds:0.#}s", e.EastMetres, e.NorthMetres);
            label.LabelFontSize = 11;
            label.LabelFontColor = EventColour(e.Kind);
        }

        plot.ShowLegend(Alignment.UpperRight);
    }

    private static void MarkEvents(Plot plot, FlightRecorder record)
    {
        foreach (FlightEvent e in record.Events.Where(IsNotable))
        {
            var line = plot.Add.VerticalLine(e.TimeSeconds);
            line.Color = EventColour(e.Kind).WithAlpha(0.7);
            line.LinePattern = LinePattern.Dashed;
            line.Text = e.Kind;
        }
    }

    /// <summary>Injected events and the episode's end are drawn; routine mode and arming changes are only listed in the record.</summary>
    private static bool IsNotable(FlightEvent e) =>
        e.Kind is "wind_gust" or "sensor_freeze" or "low_battery" or "crashed" or "succeeded" or "timedout";

    private static Color EventColour(string kind) => kind switch
    {
        "crashed" => Colors.Red,
        "succeeded" => Colors.Green,
        "wind_gust" => Colors.DarkCyan,
        "low_battery" => Colors.OrangeRed,
        _ => Colors.DarkViolet,
    };

    private static Color ToColour(Vector3 rgb) => new((byte)(Math.Clamp(rgb.X, 0f, 1f) * 255), (byte)(Math.Clamp(rgb.Y, 0f, 1f) * 255), (byte)(Math.Clamp(rgb.Z, 0f, 1f) * 255));
}
