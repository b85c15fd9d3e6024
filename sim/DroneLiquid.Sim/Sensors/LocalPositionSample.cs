using DroneLiquid.Sim.Frames;

namespace DroneLiquid.Sim.Sensors;

/// <summary>The estimated local position and velocity in NED (origin at home on the ground).</summary>
public readonly record struct LocalPositionSample(double TimestampSeconds, PositionNed PositionNed, VelocityNed VelocityNed);
