using System.Numerics;
using DroneLiquid.Sim.Core;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Vehicle;

namespace DroneLiquid.Sim.Sensors;

/// <summary>
/// Samples the true state into noisy, biased sensor readings. The IMU is published at <see cref="ImuRateHz"/>,
/// attitude, local position, altitude and battery at <see cref="PublishRateHz"/>. While frozen (a sensor-freeze event) the
/// published samples keep their last values and timestamps, as a stuck driver would; the autopilot's own
/// <see cref="Estimate"/> keeps running, because freezing is what the companion computer sees, not the autopilot.
/// </summary>
public sealed class SensorSuite
{
    /// <summary>Rate of the attitude, local position, altitude and battery samples, hertz.</summary>
    public const double PublishRateHz = 100;

    private const double PublishPeriodSeconds = 1.0 / PublishRateHz;
    private const float NoiseStepSeconds = 0.0099f;
    private readonly SensorNoise _noise;
    private readonly SimRandom _random;
    private readonly Vector3 _accelBias;
    private readonly Vector3 _gyroBias;
    private readonly double _imuPeriodSeconds;
    private Vector3 _positionError;
    private Vector3 _velocityNoise;
    private Vector3 _rateNoise;
    private Quaternion _attitudeNoise = Quaternion.Identity;
    private float _sinceNoiseSeconds = NoiseStepSeconds;
    private double _nextImuSeconds;
    private double _nextPublishSeconds;

    public SensorSuite(SensorNoise noise, SimRandom random, float imuRateHz = 200f)
    {
        if (!float.IsFinite(imuRateHz) || imuRateHz < 1f || imuRateHz > 2000f)
        {
            throw new ArgumentOutOfRangeException(nameof(imuRateHz), imuRateHz, $"imuRateHz must be within [1, 2000], got {imuRateHz}");
        }

        _noise = noise;
        _random = random;
        _accelBias = RandomVector(noise.AccelBiasMetresPerSecondSquared);
        _gyroBias = RandomVector(noise.GyroBiasRadiansPerSecond);
        ImuRateHz = imuRateHz;
        _imuPeriodSeconds = 1.0 / imuRateHz;
    }

    public float ImuRateHz { get; }

    /// <summary>While true the published samples stop updating.</summary>
    public bool Frozen { get; set; }

    public NavigationEstimate Estimate { get; private set; }

    public ImuSample Imu { get; private set; }

    /// <summary>Number of IMU samples published so far (increments at <see cref="ImuRateHz"/>).</summary>
    public long ImuSampleCount { get; private set; }

    public AttitudeSample Attitude { get; private set; }

    public LocalPositionSample LocalPosition { get; private set; }

    public AltitudeSample Altitude { get; private set; }

    public BatterySample Battery { get; private set; }

    public void Update(double nowSeconds, float dtSeconds, in QuadrotorState truth, Vector3 accelerationNed, Battery battery)
    {
        _sinceNoiseSeconds += dtSeconds;
        if (_sinceNoiseSeconds >= NoiseStepSeconds)
        {
            // Estimator errors change slowly: refresh them at about 100 Hz and hold them in between.
            float decay = _sinceNoiseSeconds / 2f;
            _positionError += (-_positionError * decay) + RandomVector(_noise.PositionErrorMetres * MathF.Sqrt(2f * decay));
            _velocityNoise = RandomVector(_noise.VelocityNoiseMetresPerSecond);
            _attitudeNoise = SmallRotation(RandomVector(_noise.AttitudeNoiseRadians));
            _rateNoise = RandomVector(_noise.GyroNoiseRadiansPerSecond);
            _sinceNoiseSeconds = 0f;
        }

        Quaternion attitude = Quaternion.Normalize(truth.AttitudeFrdToNed * _attitudeNoise);
        Vector3 velocity = truth.VelocityNed + _velocityNoise;
        float yaw = MathF.Atan2(2f * ((attitude.W * attitude.Z) + (attitude.X * attitude.Y)),
            1f - (2f * ((attitude.Y * attitude.Y) + (attitude.Z * attitude.Z))));
        Estimate = new NavigationEstimate(truth.PositionNed + _positionError, velocity, attitude, truth.AngularRateFrd + _rateNoise, yaw);
        if (Frozen)
        {
            return;
        }

        if (nowSeconds + 1e-9 >= _nextImuSeconds)
        {
            _nextImuSeconds = Math.Max(_nextImuSeconds + _imuPeriodSeconds, nowSeconds);
            Vector3 specificForceNed = accelerationNed - new Vector3(0f, 0f, QuadrotorParameters.StandardGravity);
            Vector3 specificForceFrd = Vector3.Transform(specificForceNed, Quaternion.Conjugate(truth.AttitudeFrdToNed))
                + _accelBias + RandomVector(_noise.AccelNoiseMetresPerSecondSquared);
            Vector3 gyro = truth.AngularRateFrd + _gyroBias + RandomVector(_noise.GyroNoiseRadiansPerSecond);
            Imu = new ImuSample(nowSeconds, AccelerationFrd.FromVector(specificForceFrd), AngularRateFrd.FromVector(gyro));
            ImuSampleCount++;
        }

        if (nowSeconds + 1e-9 >= _nextPublishSeconds)
        {
            _nextPublishSeconds = Math.Max(_nextPublishSeconds + PublishPeriodSeconds, nowSeconds);
            Attitude = new AttitudeSample(nowSeconds, attitude, EulerAngles.FromQuaternion(attitude), AngularRateFrd.FromVector(Estimate.AngularRateFrd));
            LocalPosition = new LocalPositionSample(nowSeconds, PositionNed.FromVector(Estimate.PositionNed), VelocityNed.FromVector(velocity));
            Altitude = new AltitudeSample(nowSeconds, truth.AltitudeMetres + (_noise.BaroNoiseMetres * (float)_random.NextGaussian()), truth.AltitudeMetres);
            Battery = new BatterySample(nowSeconds,
                battery.VoltageVolts + (_noise.BatteryVoltageNoiseVolts * (float)_random.NextGaussian()),
                battery.CurrentAmperes, battery.RemainingFraction);
        }
    }

    private Vector3 RandomVector(float std) => std == 0f
        ? Vector3.Zero
        : new Vector3((float)_random.NextGaussian(), (float)_random.NextGaussian(), (float)_random.NextGaussian()) * std;

    private static Quaternion SmallRotation(Vector3 angles) =>
        Quaternion.Normalize(new Quaternion(0.5f * angles, 1f));
}
