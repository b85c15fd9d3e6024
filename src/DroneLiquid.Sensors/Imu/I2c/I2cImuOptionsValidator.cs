using Microsoft.Extensions.Options;

namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>
/// Checks <see cref="I2cImuOptions"/>, per field and across fields (ranges and rates depend on the chip), and
/// gathers every failure. Each message names the key, the value and what is allowed.
/// </summary>
public sealed class I2cImuOptionsValidator : IValidateOptions<I2cImuOptions>
{
    private static readonly int[] s_mpuAccelerometerRanges = [2, 4, 8, 16];
    private static readonly int[] s_mpuGyroscopeRanges = [250, 500, 1000, 2000];
    private static readonly int[] s_lsmGyroscopeRanges = [245, 500, 2000];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, I2cImuOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every failure, or an empty list.</summary>
    public static List<string> Collect(I2cImuOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = "Sensors:Imu";
        if (!Enum.IsDefined(options.Chip))
        {
            failures.Add($"{Section}:Chip is {options.Chip}; allowed: {string.Join(", ", Enum.GetNames<ImuChip>())}");
            return failures;
        }

        if (options.BusId < 0)
        {
            failures.Add($"{Section}:BusId is {options.BusId}; expected a bus number >= 0 (/dev/i2c-N)");
        }

        if (options.EffectiveAddress is < 0x03 or > 0x77)
        {
            failures.Add($"{Section}:Address is 0x{options.EffectiveAddress:X2}; expected a 7-bit address 0x03..0x77");
        }

        var (accelRanges, gyroRanges, maxRateHz) = options.Chip switch
        {
            ImuChip.Bno055 => (new[] { 4 }, new[] { 2000 }, 100.0),
            ImuChip.Lsm9Ds1 => (s_mpuAccelerometerRanges, s_lsmGyroscopeRanges, 119.0),
            _ => (s_mpuAccelerometerRanges, s_mpuGyroscopeRanges, 1000.0),
        };

        if (Array.IndexOf(accelRanges, options.AccelerometerRangeG) < 0)
        {
            failures.Add($"{Section}:AccelerometerRangeG is {options.AccelerometerRangeG}; allowed for {options.Chip}: {string.Join(", ", accelRanges)}");
        }

        if (Array.IndexOf(gyroRanges, options.GyroscopeRangeDegreesPerSecond) < 0)
        {
            failures.Add($"{Section}:GyroscopeRangeDegreesPerSecond is {options.GyroscopeRangeDegreesPerSecond}; allowed for {options.Chip}: {string.Join(", ", gyroRanges)}");
        }

        if (!(options.SampleRateHz > 0 && options.SampleRateHz <= maxRateHz))
        {
            failures.Add($"{Section}:SampleRateHz is {options.SampleRateHz}; allowed for {options.Chip}: more than 0 and at most {maxRateHz} Hz (the chip's output rate)");
        }

        if (!AxisRemap.TryParse(options.BoardToBody, out _, out string remapError))
        {
            failures.Add($"{Section}:BoardToBody: {remapError}");
        }

        double periodSeconds = options.SampleRateHz > 0 ? 1.0 / options.SampleRateHz : 0;
        if (options.StaleAfter.TotalSeconds <= periodSeconds)
        {
            failures.Add($"{Section}:StaleAfter is {options.StaleAfter.TotalMilliseconds} ms; expected more than one sample period ({periodSeconds * 1000:0.###} ms)");
        }

        if (options.FrozenAfter <= options.StaleAfter)
        {
            failures.Add($"{Section}:FrozenAfter is {options.FrozenAfter.TotalMilliseconds} ms; expected more than StaleAfter ({options.StaleAfter.TotalMilliseconds} ms)");
        }

        if (options.FailuresBeforeUnhealthy < 1)
        {
            failures.Add($"{Section}:FailuresBeforeUnhealthy is {options.FailuresBeforeUnhealthy}; expected at least 1");
        }

        if (options.GyroCalibration != GyroCalibrationMode.None)
        {
            if (string.IsNullOrWhiteSpace(options.CalibrationFile))
            {
                failures.Add($"{Section}:CalibrationFile is empty; required when GyroCalibration is {options.GyroCalibration} (or set GyroCalibration to None)");
            }

            if (options.CalibrationSamples < 10)
            {
                failures.Add($"{Section}:CalibrationSamples is {options.CalibrationSamples}; expected at least 10");
            }

            if (!(options.CalibrationMaxGyroStdDevRadiansPerSecond > 0))
            {
                failures.Add($"{Section}:CalibrationMaxGyroStdDevRadiansPerSecond is {options.CalibrationMaxGyroStdDevRadiansPerSecond}; expected more than 0");
            }

            if (!(options.CalibrationMaxAccelerationStdDevMetresPerSecondSquared > 0))
            {
                failures.Add($"{Section}:CalibrationMaxAccelerationStdDevMetresPerSecondSquared is {options.CalibrationMaxAccelerationStdDevMetresPerSecondSquared}; expected more than 0");
            }
        }

        return failures;
    }
}
