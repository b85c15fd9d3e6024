using DroneLiquid.Evaluation.Episodes;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Perception.Onnx;

namespace DroneLiquid.Evaluation.Flying;

/// <summary>What one worker thread flies with: its own learner policy (opened from the folder, if any) and runner.</summary>
public sealed class EpisodeWorker : IDisposable
{
    private readonly FlightPolicy? _policy;

    public EpisodeWorker(EpisodeSettings settings, string? policyDirectory)
    {
        _policy = policyDirectory is null ? null : FlightPolicy.Open(policyDirectory, OnnxRunnerOptions.Default);
        try
        {
            Runner = new EpisodeRunner(settings, _policy);
        }
        catch
        {
            _policy?.Dispose();
            throw;
        }
    }

    public EpisodeRunner Runner { get; }

    public void Dispose() => _policy?.Dispose();
}
