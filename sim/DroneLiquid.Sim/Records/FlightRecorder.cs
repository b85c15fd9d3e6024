using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DroneLiquid.Sim.Records;

/// <summary>
/// Collects the flight record in memory (capacity reserved up front, so sampling does not allocate within the
/// planned duration) and writes it as JSON lines: one object per sample ("type":"sample") and per event
/// ("type":"event"), in time order, field names with their units.
/// </summary>
public sealed class FlightRecorder
{
    private readonly List<FlightSample> _samples;
    private readonly List<FlightEvent> _events = new(256);

    public FlightRecorder(int expectedSamples)
    {
        _samples = new List<FlightSample>(Math.Max(16, expectedSamples));
    }

    public IReadOnlyList<FlightSample> Samples => _samples;

    public IReadOnlyList<FlightEvent> Events => _events;

    public void Add(in FlightSample sample) => _samples.Add(sample);

    public void Add(FlightEvent flightEvent) => _events.Add(flightEvent);

    /// <summary>Writes the record as JSON lines to <paramref name="path"/> (the folder must exist).</summary>
    public void WriteJsonLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        WriteJsonLines(stream);
    }

    public void WriteJsonLines(Stream stream)
    {
        var newline = "\n"u8.ToArray();
        int e = 0;
        foreach (FlightSample s in _samples)
        {
            while (e < _events.Count && _events[e].TimeSeconds <= s.TimeSeconds)
            {
                WriteEvent(stream, _events[e++]);
                stream.Write(newline);
            }

            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("type", "sample");
                writer.WriteNumber("t_s", Math.Round(s.TimeSeconds, 4));
                writer.WriteNumber("north_m", Math.Round(s.PositionNed.X, 3));
                writer.WriteNumber("east_m", Math.Round(s.PositionNed.Y, 3));
                writer.WriteNumber("down_m", Math.Round(s.PositionNed.Z, 3));
                writer.WriteNumber("vn_m_s", Math.Round(s.VelocityNed.X, 3));
                writer.WriteNumber("ve_m_s", Math.Round(s.VelocityNed.Y, 3));
                writer.WriteNumber("vd_m_s", Math.Round(s.VelocityNed.Z, 3));
                writer.WriteNumber("roll_rad", Math.Round(s.RollRadians, 4));
                writer.WriteNumber("pitch_rad", Math.Round(s.PitchRadians, 4));
                writer.WriteNumber("yaw_rad", Math.Round(s.YawRadians, 4));
                writer.WriteNumber("clearance_m", Math.Round(s.ClearanceMetres, 3));
                writer.WriteNumber("battery_remaining", Math.Round(s.BatteryRemainingFraction, 4));
                writer.WriteString("mode", s.Mode.ToString().ToLowerInvariant());
                writer.WriteBoolean("armed", s.Armed);
                writer.WriteEndObject();
            }

            stream.Write(newline);
        }

        for (; e < _events.Count; e++)
        {
            WriteEvent(stream, _events[e]);
            stream.Write(newline);
        }
    }

    /// <summary>The record as CSV (samples only), for spreadsheets.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("t_s,north_m,east_m,down_m,vn_m_s,ve_m_s,vd_m_s,roll_rad,pitch_rad,yaw_rad,clearance_m,battery_remaining,mode,armed\n");
        foreach (FlightSample s in _samples)
        {
            csv.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.TimeSeconds:0.####},{s.PositionNed.X:0.###},{s.PositionNed.Y:0.###},{s.PositionNed.Z:0.###},{s.VelocityNed.X:0.###},{s.VelocityNed.Y:0.###},{s.VelocityNed.Z:0.###},{s.RollRadians:0.####},{s.PitchRadians:0.####},{s.YawRadians:0.####},{s.ClearanceMetres:0.###},{s.BatteryRemainingFraction:0.####},{s.Mode.ToString().ToLowerInvariant()},{(s.Armed ? 1 : 0)}"));
        }

        return csv.ToString();
    }

    private static void WriteEvent(Stream stream, FlightEvent flightEvent)
    {
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteString("type", "event");
        writer.WriteNumber("t_s", Math.Round(flightEvent.TimeSeconds, 4));
        writer.WriteString("kind", flightEvent.Kind);
        writer.WriteString("detail", flightEvent.Detail);
        writer.WriteNumber("north_m", Math.Round(flightEvent.NorthMetres, 3));
        writer.WriteNumber("east_m", Math.Round(flightEvent.EastMetres, 3));
        writer.WriteEndObject();
    }
}
