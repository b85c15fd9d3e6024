using DroneLiquid.Sensors.Imu.I2c;
using DroneLiquid.Sensors.Tests.Fakes;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sensors.Tests.Imu.I2c;

/// <summary>The sample path (binding read, checks, conversion, remap, publish) allocates nothing in steady state.</summary>
public class I2cImuAllocationTests
{
    [Theory]
    [InlineData(ImuChip.Mpu6500, 8, 1000)]
    [InlineData(ImuChip.Bno055, 4, 2000)]
    [InlineData(ImuChip.Lsm9Ds1, 8, 500)]
    public void Zero_bytes_per_sample(ImuChip chipKind, int accelG, int gyroDps)
    {
        FakeI2cRegisterDevice chip = chipKind switch
        {
            ImuChip.Bno055 => new FakeBno055(),
            ImuChip.Lsm9Ds1 => new FakeLsm9Ds1(),
            _ => FakeMpu6xxx.Mpu6500(),
        };
        var clock = I2cImuTestRig.Clock();
        using var source = I2cImuTestRig.Opened(I2cImuTestRig.Options(chipKind, accelG, gyroDps), clock, chip);
        for (int i = 0; i < 100; i++)
        {
            source.SampleOnce();
            source.ReadLatest();
        }

        int samples = 100;
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 2_000; i++)
            {
                source.SampleOnce();
                source.ReadLatest();
                samples++;
            }
        });

        Assert.Equal(samples, source.Counters.SamplesPublished);
    }
}
