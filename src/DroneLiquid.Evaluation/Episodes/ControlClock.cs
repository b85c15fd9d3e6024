using DroneLiquid.Sim.Core;

namespace DroneLiquid.Evaluation.Episodes;

/// <summary>
/// The timing of a companion computer's control loop, seeded: each tick comes one nominal period after the previous
/// one with Gaussian jitter (standard deviation <see cref="EpisodeSettings.JitterFraction"/> of the period, clamped to
/// half and one and a half periods), and each tick's camera frame is dropped with <see cref="EpisodeSettings.FrameDropProbability"/>.
/// A dropped frame means no sample and no policy step at that tick: the next delivered sample's elapsed time is the
/// whole gap, which is what a liquid network's step must be given.
/// </summary>
public sealed class ControlClock
{
    private readonly SimRandom _random;
    private readonly double _period;
    private readonly double _jitter;
    private readonly double _drop;

    public ControlClock(EpisodeSettings settings, SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _period = 1.0 / settings.ControlRateHz;
        _jitter = settings.JitterFraction;
        _drop = settings.FrameDropProbability;
    }

    /// <summary>Seconds from the previous tick to the next one.</summary>
    public double NextIntervalSeconds()
    {
        double scale = _jitter == 0 ? 1.0 : Math.Clamp(1.0 + (_jitter * _random.NextGaussian()), 0.5, 1.5);
        return _period * scale;
    }

    /// <summary>True when this tick's frame is lost.</summary>
    public bool NextFrameDropped() => _drop > 0 && _random.NextDouble() < _drop;
}
