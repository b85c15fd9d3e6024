using System.Numerics;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Observations;
using DroneLiquid.Sim.Sensors;
using DroneLiquid.Sim.Simulation;
using EulerAngles = DroneLiquid.Sim.Frames.EulerAngles;

namespace DroneLiquid.Evaluation.Episodes;

/// <summary>
/// What the autopilot would report to the companion computer, as a <see cref="FlightSnapshot"/>: the simulator's
/// navigation estimate (position, velocity, attitude with estimator noise), the latest published IMU sample (gyro and
/// specific force with noise and bias) and the target, all relative to home (the start's ground point), as a real
/// autopilot's local frame is. Policies and the dataset see only this; the expert alone reads the truth.
/// </summary>
public static class SnapshotReader
{
    public static FlightSnapshot Read(SimWorld sim)
    {
        ArgumentNullException.ThrowIfNull(sim);
        NavigationEstimate estimate = sim.Sensors.Estimate;
        ImuSample imu = sim.Sensors.Imu;
        Vector3 home = sim.Controller.HomeNed;
        Vector3 position = estimate.PositionNed - home;
        Vector3 goal = sim.World.TargetNed - home;
        EulerAngles euler = EulerAngles.FromQuaternion(estimate.AttitudeFrdToNed);
        Vector3 gyro = imu.AngularRateFrd.ToVector();
        Vector3 accel = imu.SpecificForceFrd.ToVector();
        return new FlightSnapshot(
            new PositionNed(position.X, position.Y, position.Z),
            new VelocityNed(estimate.VelocityNed.X, estimate.VelocityNed.Y, estimate.VelocityNed.Z),
            euler.RollRadians,
            euler.PitchRadians,
            estimate.YawRadians,
            gyro.X,
            gyro.Y,
            gyro.Z,
            accel.X,
            accel.Y,
            accel.Z,
            new PositionNed(goal.X, goal.Y, goal.Z));
    }
}
