using System.Numerics;

namespace DroneLiquid.Sim.Sensors;

/// <summary>
/// What the autopilot's estimator hands its controllers: truth plus slowly wandering position error and small
/// white noise on velocity and rates, like a converged EKF. All vectors in NED except the body rates (FRD).
/// </summary>
public readonly record struct NavigationEstimate(
    Vector3 PositionNed,
    Vector3 VelocityNed,
    Quaternion AttitudeFrdToNed,
    Vector3 AngularRateFrd,
    float YawRadians);
