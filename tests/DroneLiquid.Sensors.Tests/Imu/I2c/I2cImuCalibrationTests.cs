using System.Numerics;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sensors.Imu.I2c;
using DroneLiquid.Sensors.Tests.Fakes;

namespace DroneLiquid.Sensors.Tests.Imu.I2c;

/// <summary>Gyro-bias calibration at start: measured while still, stored as JSON, reused, refused when moving.</summary>
public sealed class I2cImuCalibrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("droneliquid-gyro-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Bias_measured_at_rest_is_removed_saved_and_reused_on_the_next_start()
    {
        string file = Path.Combine(_folder, "imu", "gyro-bias.json");
        var chip = FakeMpu6xxx.Mpu6500();
        // At ±250 °/s (131 LSB per °/s): bias +2 °/s on board x, -1 °/s on board z, plus ±3 LSB of noise.
        Animate(chip, biasRaw: new Vector3(262, 0, -131), noiseRaw: 3, movingRaw: 0);
        var options = Calibrated(file);

        using (var first = I2cImuTestRig.Opened(options, I2cImuTestRig.Clock(), chip))
        {
            AssertVectorClose(new Vector3(2, 0, -1) * ImuUnits.RadiansPerDegree, first.GyroBiasBoard, 2e-4f);
            first.SampleOnce();
            // The rate is bias plus noise: after removal well under 0.05 °/s.
            Assert.True(first.ReadLatest().Value.AngularRateFrd.Length() < 0.05f * ImuUnits.RadiansPerDegree * 2);
        }

        Assert.True(GyroBiasStore.TryLoad(file, out var stored));
        Assert.Equal("mpu6500@i2c-1:0x68", stored!.Device);
        Assert.Equal(options.CalibrationSamples, stored.Samples);

        // Second start: the chip now shows a different bias, but the stored one is reused without measuring.
        var second = FakeMpu6xxx.Mpu6500();
        Animate(second, biasRaw: new Vector3(0, 655, 0), noiseRaw: 3, movingRaw: 0);
        using var reused = I2cImuTestRig.Opened(options, I2cImuTestRig.Clock(), second);
        Assert.Equal(stored.GyroBiasBoard, reused.GyroBiasBoard);
    }

    [Fact]
    public void Calibration_refuses_a_moving_vehicle_and_names_the_axis()
    {
        var chip = FakeMpu6xxx.Mpu6500();
        Animate(chip, biasRaw: Vector3.Zero, noiseRaw: 3, movingRaw: 1500); // swaying about board y
        using var source = I2cImuTestRig.Source(Calibrated(Path.Combine(_folder, "bias.json")), I2cImuTestRig.Clock(), chip);

        var ex = Assert.Throws<SensorStartException>(() => source.Open());

        Assert.Contains("gyro calibration refused: vehicle not still: angular rate on board axis y varied by", ex.Message);
        Assert.Contains("limit 0.02 rad/s", ex.Message);
        Assert.False(File.Exists(Path.Combine(_folder, "bias.json")));
    }

    [Fact]
    public void A_file_from_another_device_is_not_reused()
    {
        string file = Path.Combine(_folder, "bias.json");
        GyroBiasStore.Save(file, new GyroBiasCalibration
        {
            Device = "mpu6500@i2c-0:0x69",
            GyroBiasBoardRadiansPerSecond = [1, 1, 1],
            GyroStdDevBoardRadiansPerSecond = [0, 0, 0],
            Samples = 10,
            CalibratedAtUtc = DateTimeOffset.UnixEpoch,
        });
        var chip = FakeMpu6xxx.Mpu6500();
        Animate(chip, biasRaw: Vector3.Zero, noiseRaw: 2, movingRaw: 0);

        using var source = I2cImuTestRig.Opened(Calibrated(file), I2cImuTestRig.Clock(), chip);

        Assert.True(source.GyroBiasBoard.Length() < 1e-3f);
        Assert.True(GyroBiasStore.TryLoad(file, out var rewritten));
        Assert.Equal("mpu6500@i2c-1:0x68", rewritten!.Device);
    }

    [Fact]
    public void A_damaged_file_names_the_file_and_the_field()
    {
        string file = Path.Combine(_folder, "bias.json");
        File.WriteAllText(file, """{"device":"x","gyro_bias_board_rad_s":[0.1,0.2],"gyro_std_dev_board_rad_s":[0,0,0],"samples":5,"calibrated_at_utc":"2026-01-01T00:00:00Z"}""");

        var ex = Assert.Throws<InvalidDataException>(() => GyroBiasStore.TryLoad(file, out _));

        Assert.Equal($"gyro calibration file '{file}': field 'gyro_bias_board_rad_s' must hold 3 finite numbers (x, y, z in rad/s); found 2 value(s): [0.1, 0.2]", ex.Message);
    }

    private static I2cImuOptions Calibrated(string file)
    {
        var options = I2cImuTestRig.Options(ImuChip.Mpu6500, 2, 250);
        options.GyroCalibration = GyroCalibrationMode.LoadOrCalibrate;
        options.CalibrationFile = file;
        options.CalibrationSamples = 50;
        return options;
    }

    /// <summary>Every gyro read gets bias plus a deterministic noise pattern (and a sway on y when moving); the accelerometer shows 1 g.</summary>
    private static void Animate(FakeMpu6xxx chip, Vector3 biasRaw, int noiseRaw, int movingRaw)
    {
        int n = 0;
        chip.SetAccelerometerRaw(0, 0, 16384);
        chip.BeforeRead = register =>
        {
            if (register != FakeMpu6xxx.GyroXoutH)
            {
                return;
            }

            n++;
            short Noise(int k) => (short)(((n * 3 + k * 2) % (2 * noiseRaw + 1)) - noiseRaw);
            chip.SetGyroscopeRaw(
                (short)(biasRaw.X + Noise(0)),
                (short)(biasRaw.Y + Noise(1) + (n % 2 == 0 ? movingRaw : -movingRaw)),
                (short)(biasRaw.Z + Noise(2)));
        };
    }

    private static void AssertVectorClose(Vector3 expected, Vector3 actual, float tolerance) =>
        Assert.True(Vector3.Distance(expected, actual) <= tolerance, $"expected {expected}, got {actual}");
}
