using System.Numerics;
using DroneLiquid.Sim.Frames;

namespace DroneLiquid.Sim.Sensors;

/// <summary>The estimated attitude (body FRD to NED) as a quaternion and as Euler angles, with the body rates.</summary>
public readonly record struct AttitudeSample(double TimestampSeconds, Quaternion FrdToNed, EulerAngles Euler, AngularRateFrd AngularRateFrd);
