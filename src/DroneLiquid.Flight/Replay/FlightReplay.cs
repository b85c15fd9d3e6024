using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Flight.Replay;

/// <summary>
/// Re-runs a policy on a recorded flight: every tick on which the flight stepped the policy is stepped again with
/// the recorded raw observations, image features and elapsed time (the tick log holds exactly what the liquid step
/// took), and the outputs are compared with the recorded ones. The policy that flew must reproduce them exactly.
/// </summary>
public static class FlightReplay
{
    /// <summary>Replays <paramref name="flightFolder"/> with <paramref name="policyDirectory"/>, or with the policy the flight recorded.</summary>
    /// <exception cref="InvalidDataException">The folder is not a flight record, or its tick log does not fit the policy.</exception>
    /// <exception cref="PolicyFormatException">The policy folder is malformed.</exception>
    public static ReplayResult Run(string flightFolder, string? policyDirectory = null)
    {
        if (!Directory.Exists(flightFolder))
        {
            throw new InvalidDataException($"{flightFolder}: no such flight folder");
        }

        var info = FlightRecordInfo.Read(flightFolder);
        string policyDir = Path.GetFullPath(policyDirectory ?? info.PolicyDirectory);
        string policyJson = Path.Combine(policyDir, PolicyFolder.PolicyFileName);
        bool same = File.Exists(policyJson) && PolicyFolder.Sha256(policyJson) == info.PolicySha256;
        using var policy = FlightPolicy.Open(policyDir);
        string logPath = Path.Combine(flightFolder, FlightRecorder.TickLogFileName);
        if (!File.Exists(logPath))
        {
            throw new InvalidDataException($"{logPath}: not found; a flight folder holds its tick log there");
        }

        using var reader = TickLogReader.Open(logPath);
        var layout = reader.Layout;
        if (layout.ObservationCount != policy.Observations.Count || layout.FeatureCount != policy.FeatureCount || layout.OutputCount != policy.Actions.Count)
        {
            throw new InvalidDataException(
                $"{logPath}: the log has {layout.ObservationCount} observations, {layout.FeatureCount} image features and {layout.OutputCount} outputs; " +
                $"policy '{policy.Document.Name}' takes {policy.Observations.Count}, {policy.FeatureCount} and gives {policy.Actions.Count}");
        }

        long index = -1, steps = 0, compared = 0, worst = -1, mismatches = 0;
        double max = 0;
        foreach (var record in reader.ReadAll())
        {
            index++;
            if (record.Sample.Step is not { } recorded)
            {
                continue;
            }

            steps++;
            var status = policy.TryStepRecorded(record.Observation, record.Features, record.Sample.ElapsedSeconds);
            if (status != recorded)
            {
                mismatches++;
                continue;
            }

            if (status != PolicyStepStatus.Ok)
            {
                continue;
            }

            compared++;
            var outputs = policy.Outputs;
            for (int i = 0; i < outputs.Length; i++)
            {
                double difference = Math.Abs((double)outputs[i] - record.Outputs[i]);
                if (!double.IsFinite(difference))
                {
                    difference = double.PositiveInfinity;
                }

                if (difference > max)
                {
                    (max, worst) = (difference, index);
                }
            }
        }

        return new ReplayResult(policyDir, same, reader.RecordCount, steps, compared, max, worst, mismatches);
    }
}
