using DroneLiquid.Sim.Frames;

namespace DroneLiquid.Sim.Sensors;

/// <summary>One IMU reading: specific force and angular rate in the FRD body frame, with noise and bias.</summary>
public readonly record struct ImuSample(double TimestampSeconds, AccelerationFrd SpecificForceFrd, AngularRateFrd AngularRateFrd);
