using DroneLiquid.Flight.Envelope;
using DroneLiquid.Sim.Core;

namespace DroneLiquid.Evaluation.Flying;

/// <summary>
/// Temporally correlated command noise (an Ornstein-Uhlenbeck process per component, 1 s correlation time) so that a
/// perturbation pushes the vehicle off its line for long enough that the expert's labels show the recovery.
/// Stationary standard deviation: σ on forward and right (m/s), σ/4 on down (m/s), σ/2 on yaw rate (rad/s).
/// </summary>
public sealed class CommandNoise
{
    private const float CorrelationSeconds = 1f;
    private readonly SimRandom _random;
    private readonly float _std;
    private float _forward, _right, _down, _yaw;

    public CommandNoise(float std, SimRandom random)
    {
        _std = std;
        _random = random;
    }

    /// <summary>Advances the noise by <paramref name="elapsedSeconds"/> and adds it to a heading-frame command.</summary>
    public PolicyCommand Perturb(in PolicyCommand command, float elapsedSeconds)
    {
        float decay = MathF.Min(1f, elapsedSeconds / CorrelationSeconds);
        float drive = MathF.Sqrt(2f * decay);
        _forward = Step(_forward, decay, drive, _std);
        _right = Step(_right, decay, drive, _std);
        _down = Step(_down, decay, drive, 0.25f * _std);
        _yaw = Step(_yaw, decay, drive, 0.5f * _std);
        return command with { X = command.X + _forward, Y = command.Y + _right, Z = command.Z + _down, YawRateRadiansPerSecond = command.YawRateRadiansPerSecond + _yaw };
    }

    private float Step(float value, float decay, float drive, float std) => value - (value * decay) + (std * drive * (float)_random.NextGaussian());
}
