using System.Globalization;
using System.Text;

namespace DroneLiquid.Service.Cli;

/// <summary>The human-readable form of `model info`.</summary>
internal static class ModelInfoText
{
    public static string Format(ModelInfoCommand.ModelInfo info)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"policy '{info.Name}' in {info.Policy} (policy.json format {info.FormatVersion})");
        if (info.Description.Length > 0) text.AppendLine(CultureInfo.InvariantCulture, $"  {info.Description}");
        text.AppendLine(CultureInfo.InvariantCulture, $"architecture  {info.Architecture.Summary}");
        text.AppendLine(CultureInfo.InvariantCulture, $"              state {info.Architecture.StateSize}, {info.Architecture.InputSize} inputs -> {info.Architecture.OutputSize} outputs");
        var p = info.Parameters;
        text.AppendLine(CultureInfo.InvariantCulture, $"parameters    {p.Trainable:N0} trainable + {p.Masks:N0} mask values = {p.Total:N0} in {p.Tensors} tensors");
        if (info.Wiring is { } w)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"synapses      {w.SynapseCount} between neurons + {w.SensorySynapseCount} from inputs = {w.SynapseCount + w.SensorySynapseCount}");
            foreach (string line in w.Description.TrimEnd().Split('\n')) text.AppendLine(CultureInfo.InvariantCulture, $"  {line.TrimEnd()}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"observation   {info.Observation.Count} inputs (network input = (raw - mean) / std)");
        foreach (var (o, i) in info.Observation.Select((o, i) => (o, i)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {i,3} {o.Name} [{o.Unit}] mean {o.Mean:G6} std {o.Std:G6} valid {Range(o.Min, o.Max)}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"action        {info.Action.Count} outputs (command = raw * scale + offset)");
        foreach (var (a, i) in info.Action.Select((a, i) => (a, i)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {i,3} {a.Name} [{a.Unit}] scale {a.Scale:G6} offset {a.Offset:G6} limits {Range(a.Min, a.Max)}");
        }

        text.AppendLine("provenance");
        foreach (var (key, value) in info.Provenance.OrderBy(k => k.Key, StringComparer.Ordinal)) text.AppendLine(CultureInfo.InvariantCulture, $"  {key}: {value}");
        text.AppendLine("files");
        foreach (var file in info.Files) text.AppendLine(CultureInfo.InvariantCulture, $"  {file.Name}  sha256 {file.Sha256}  {(file.Verified ? "ok" : "MISMATCH")}");
        return text.ToString();
    }

    private static string Range(double? min, double? max) =>
        min is null && max is null ? "unbounded" : $"[{min?.ToString("G6", CultureInfo.InvariantCulture) ?? "-inf"}, {max?.ToString("G6", CultureInfo.InvariantCulture) ?? "+inf"}]";
}
