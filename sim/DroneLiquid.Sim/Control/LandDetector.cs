namespace DroneLiquid.Sim.Control;

/// <summary>
/// Decides landed or flying from the estimate and the commanded thrust alone (no access to the physics), with
/// hysteresis so that the state does not flicker: landed after 0.5 s of low thrust, no climb and near-zero
/// velocity; flying once the estimate is clearly off the ground.
/// </summary>
internal sealed class LandDetector
{
    private const double LandedHoldSeconds = 0.5;
    private double _candidateSinceSeconds = double.NaN;

    public bool Landed { get; private set; } = true;

    public void ForceAirborne()
    {
        Landed = false;
        _candidateSinceSeconds = double.NaN;
    }

    public void Update(double nowSeconds, float altitudeMetres, float verticalSpeedDownMetresPerSecond, float horizontalSpeedMetresPerSecond,
        float thrustOverHover, bool armed)
    {
        if (Landed)
        {
            if (armed && (altitudeMetres > 0.3f || verticalSpeedDownMetresPerSecond < -0.5f))
            {
                Landed = false;
                _candidateSinceSeconds = double.NaN;
            }

            return;
        }

        bool candidate = MathF.Abs(verticalSpeedDownMetresPerSecond) < 0.2f && horizontalSpeedMetresPerSecond < 0.5f
            && (thrustOverHover < 0.7f || !armed) && altitudeMetres < 1.0f;
        if (!candidate)
        {
            _candidateSinceSeconds = double.NaN;
            return;
        }

        if (double.IsNaN(_candidateSinceSeconds))
        {
            _candidateSinceSeconds = nowSeconds;
        }
        else if (nowSeconds - _candidateSinceSeconds >= LandedHoldSeconds)
        {
            Landed = true;
        }
    }
}
