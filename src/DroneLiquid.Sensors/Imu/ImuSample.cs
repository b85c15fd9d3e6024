using System.Numerics;

namespace DroneLiquid.Sensors.Imu;

/// <summary>
/// One inertial measurement in the vehicle's FRD body frame (x forward, y right, z down), SI units.
/// </summary>
/// <remarks>
/// <see cref="AccelerationFrd"/> is specific force as an accelerometer measures it: at rest and level it reads
/// (0, 0, -9.80665) m/s², because the sensor feels the ground pushing up (towards -z in FRD).
/// </remarks>
public readonly struct ImuSample
{
    /// <summary>Creates a sample.</summary>
    public ImuSample(long timestamp, long sequence, Vector3 accelerationFrd, Vector3 angularRateFrd,
        Quaternion? attitudeFrdToNed = null, float? temperatureCelsius = null)
    {
        Timestamp = timestamp;
        Sequence = sequence;
        AccelerationFrd = accelerationFrd;
        AngularRateFrd = angularRateFrd;
        HasAttitude = attitudeFrdToNed.HasValue;
        AttitudeFrdToNed = attitudeFrdToNed ?? Quaternion.Identity;
        HasTemperature = temperatureCelsius.HasValue;
        TemperatureCelsius = temperatureCelsius ?? 0f;
    }

    /// <summary>When the sample was taken, in <see cref="TimeProvider.GetTimestamp"/> units.</summary>
    public long Timestamp { get; }

    /// <summary>1 for the source's first sample, counting up with every published sample.</summary>
    public long Sequence { get; }

    /// <summary>Specific force in the FRD body frame, m/s².</summary>
    public Vector3 AccelerationFrd { get; }

    /// <summary>Angular rate about the FRD body axes, rad/s, gyro bias removed.</summary>
    public Vector3 AngularRateFrd { get; }

    /// <summary>True when the source estimates attitude (an autopilot's ATTITUDE_QUATERNION, for example).</summary>
    public bool HasAttitude { get; }

    /// <summary>Rotation from the FRD body frame to local NED; identity unless <see cref="HasAttitude"/>.</summary>
    public Quaternion AttitudeFrdToNed { get; }

    /// <summary>True when the source reports a die temperature.</summary>
    public bool HasTemperature { get; }

    /// <summary>Sensor die temperature, °C; 0 unless <see cref="HasTemperature"/>.</summary>
    public float TemperatureCelsius { get; }
}
