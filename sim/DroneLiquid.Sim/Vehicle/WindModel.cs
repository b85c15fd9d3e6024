using System.Numerics;
using DroneLiquid.Sim.Core;

namespace DroneLiquid.Sim.Vehicle;

/// <summary>
/// Wind over the ground in NED: a mean plus turbulence from a first-order Gauss-Markov (Ornstein-Uhlenbeck)
/// process per axis, the shape of the Dryden model's low-order approximation, plus any gusts injected by
/// events (each ramps in and out over a quarter of its duration). Vertical turbulence is half the horizontal.
/// The turbulence is updated at about 100 Hz (its time constant is seconds); gust envelopes at every call.
/// </summary>
public sealed class WindModel
{
    private const int MaxGusts = 8;
    private const float TurbulenceStepSeconds = 0.0099f;
    private readonly SimRandom _random;
    private readonly Gust[] _gusts = new Gust[MaxGusts];
    private Vector3 _turbulenceNed;
    private float _sinceTurbulenceUpdateSeconds;

    public WindModel(Vector3 meanNed, float gustStdMetresPerSecond, float gustTimeConstantSeconds, SimRandom random)
    {
        MeanNed = meanNed;
        GustStdMetresPerSecond = gustStdMetresPerSecond;
        GustTimeConstantSeconds = Math.Max(0.05f, gustTimeConstantSeconds);
        _random = random;
    }

    public Vector3 MeanNed { get; set; }

    public float GustStdMetresPerSecond { get; }

    public float GustTimeConstantSeconds { get; }

    /// <summary>The wind at the current time, NED, metres per second.</summary>
    public Vector3 CurrentNed { get; private set; }

    /// <summary>Adds a gust that starts now; the oldest is replaced when eight are active.</summary>
    public void AddGust(Vector3 peakNed, double startSeconds, double durationSeconds)
    {
        int slot = 0;
        for (int i = 0; i < MaxGusts; i++)
        {
            if (!_gusts[i].Active)
            {
                slot = i;
                break;
            }

            if (_gusts[i].StartSeconds < _gusts[slot].StartSeconds)
            {
                slot = i;
            }
        }

        _gusts[slot] = new Gust(true, peakNed, startSeconds, Math.Max(0.01, durationSeconds));
    }

    public Vector3 Advance(double nowSeconds, float dtSeconds)
    {
        _sinceTurbulenceUpdateSeconds += dtSeconds;
        if (GustStdMetresPerSecond > 0f && _sinceTurbulenceUpdateSeconds >= TurbulenceStepSeconds)
        {
            float decay = _sinceTurbulenceUpdateSeconds / GustTimeConstantSeconds;
            _sinceTurbulenceUpdateSeconds = 0f;
            float diffusion = GustStdMetresPerSecond * MathF.Sqrt(2f * decay);
            _turbulenceNed += (-_turbulenceNed * decay) + new Vector3(
                diffusion * (float)_random.NextGaussian(),
                diffusion * (float)_random.NextGaussian(),
                0.5f * diffusion * (float)_random.NextGaussian());
        }

        Vector3 gusts = Vector3.Zero;
        for (int i = 0; i < MaxGusts; i++)
        {
            ref Gust g = ref _gusts[i];
            if (!g.Active)
            {
                continue;
            }

            double elapsed = nowSeconds - g.StartSeconds;
            if (elapsed >= g.DurationSeconds)
            {
                g = default;
                continue;
            }

            double ramp = 0.25 * g.DurationSeconds;
            double envelope = Math.Min(1.0, Math.Min(elapsed / ramp, (g.DurationSeconds - elapsed) / ramp));
            gusts += g.PeakNed * (float)Math.Max(0.0, envelope);
        }

        CurrentNed = MeanNed + _turbulenceNed + gusts;
        return CurrentNed;
    }

    private record struct Gust(bool Active, Vector3 PeakNed, double StartSeconds, double DurationSeconds);
}
