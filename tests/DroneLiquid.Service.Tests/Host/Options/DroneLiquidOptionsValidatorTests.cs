using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Service.Host;
using DroneLiquid.Service.Host.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DroneLiquid.Service.Tests.Host.Options;

/// <summary>Each invalid value of each key with a rule gives its one-line message (key, value, what is allowed).</summary>
public sealed class DroneLiquidOptionsValidatorTests
{
    private const string E = "DroneLiquid:Envelope";
    private const string I = "DroneLiquid:Sensors:Imu:I2c";
    private const string C = "DroneLiquid:Sensors:Camera";

    public static TheoryData<string, string, string[]> InvalidValues => new()
    {
        // Autopilot
        { "DroneLiquid:Autopilot:Connection", "bogus", [$"DroneLiquid:Autopilot:Connection is 'bogus'; connection string 'bogus': the scheme is missing (expected SCHEME:// at the start); accepted forms: {ConnectionString.AcceptedForms}"] },
        { "DroneLiquid:Autopilot:Firmware", "Betaflight", ["DroneLiquid:Autopilot:Firmware is 'Betaflight'; expected one of Auto, Px4, ArduPilot"] },
        { "DroneLiquid:Autopilot:SystemId", "0", ["DroneLiquid:Autopilot:SystemId is 0; expected 1 to 255"] },
        { "DroneLiquid:Autopilot:ComponentId", "256", ["DroneLiquid:Autopilot:ComponentId is 256; expected 1 to 255 (191 is MAV_COMP_ID_ONBOARD_COMPUTER)"] },
        { "DroneLiquid:Autopilot:TelemetryRateHz", "0.5", ["DroneLiquid:Autopilot:TelemetryRateHz is 0.5; expected 1 to 400"] },

        // Control (the control loop's validator, keyed under DroneLiquid)
        { "DroneLiquid:Control:RateHz", "600", ["DroneLiquid:Control:RateHz is 600; expected 1 to 500"] },
        { "DroneLiquid:Control:SensorStaleAfter", "00:00:00.01", ["DroneLiquid:Control:SensorStaleAfter is 00:00:00.0100000; expected 00:00:00.0200000 to 00:00:05"] },
        { "DroneLiquid:Control:SupervisorStallAfter", "00:00:00.02", ["DroneLiquid:Control:SupervisorStallAfter is 00:00:00.0200000; expected 00:00:00.0400000 to 00:00:10"] },
        { "DroneLiquid:Control:ReadyTimeout", "00:00:00.5", ["DroneLiquid:Control:ReadyTimeout is 00:00:00.5000000; expected 00:00:01 to 00:10:00"] },
        { "DroneLiquid:Control:LandingTimeout", "00:00:02", ["DroneLiquid:Control:LandingTimeout is 00:00:02; expected 00:00:05 to 00:30:00"] },
        { "DroneLiquid:Control:BatteryLowFraction", "1.5", ["DroneLiquid:Control:BatteryLowFraction is 1.5; expected 0 to 1"] },
        { "DroneLiquid:Control:BatteryCriticalFraction", "0.3", ["DroneLiquid:Control:BatteryCriticalFraction is 0.3; expected 0 to BatteryLowFraction (0.25)"] },
        { "DroneLiquid:Control:StopAction", "Land", ["DroneLiquid:Control:StopAction is Land; this is set by DroneLiquid:Stop:Action"] },

        // Policy and mission
        { "DroneLiquid:Policy:Path", "", ["DroneLiquid:Policy:Path is empty; expected the policy folder (policy.json, weights.safetensors)"] },
        { "DroneLiquid:Mission:TargetNorthMetres", "NaN", ["DroneLiquid:Mission:TargetNorthMetres is NaN; expected a finite number of metres from home"] },
        { "DroneLiquid:Mission:TargetEastMetres", "-500", ["DroneLiquid:Mission:TargetNorthMetres/TargetEastMetres is 500 m from home; expected within the geofence less its margin (98 m, DroneLiquid:Envelope)"] },
        { "DroneLiquid:Mission:AltitudeMetres", "40", ["DroneLiquid:Mission:AltitudeMetres is 40; expected 3 to 28 (the envelope's floor and ceiling less their margin)"] },
        { "DroneLiquid:Mission:TargetRadiusMetres", "0.1", ["DroneLiquid:Mission:TargetRadiusMetres is 0.1; expected 0.2 to 50"] },
        { "DroneLiquid:Mission:TimeLimit", "00:00:00.5", ["DroneLiquid:Mission:TimeLimit is 00:00:00.5000000; expected 00:00:01 to 1.00:00:00"] },

        // Envelope (the Flight validator's rules, keyed under DroneLiquid)
        { $"{E}:MaxHorizontalSpeedMetresPerSecond", "-1", [$"{E}:MaxHorizontalSpeedMetresPerSecond is -1; expected a finite number more than 0", $"{E}:BreachReturnSpeedMetresPerSecond is 1; expected at most the smallest speed limit (-1)"] },
        { $"{E}:MaxSpeedUpMetresPerSecond", "0", [$"{E}:MaxSpeedUpMetresPerSecond is 0; expected a finite number more than 0", $"{E}:BreachReturnSpeedMetresPerSecond is 1; expected at most the smallest speed limit (0)"] },
        { $"{E}:MaxSpeedDownMetresPerSecond", "0", [$"{E}:MaxSpeedDownMetresPerSecond is 0; expected a finite number more than 0", $"{E}:BreachReturnSpeedMetresPerSecond is 1; expected at most the smallest speed limit (0)"] },
        { $"{E}:MaxYawRateRadiansPerSecond", "0", [$"{E}:MaxYawRateRadiansPerSecond is 0; expected a finite number more than 0"] },
        { $"{E}:MaxHorizontalAccelerationMetresPerSecondSquared", "0", [$"{E}:MaxHorizontalAccelerationMetresPerSecondSquared is 0; expected a finite number more than 0"] },
        { $"{E}:MaxVerticalAccelerationMetresPerSecondSquared", "-2", [$"{E}:MaxVerticalAccelerationMetresPerSecondSquared is -2; expected a finite number more than 0"] },
        { $"{E}:GeofenceRadiusMetres", "2", [$"{E}:GeofenceRadiusMetres is 2; expected more than LimitMarginMetres (2)"] },
        { $"{E}:MaxAltitudeMetres", "4", [$"{E}:MaxAltitudeMetres is 4; expected more than MinAltitudeMetres (1) + 2 x LimitMarginMetres (2)", "DroneLiquid:Mission:AltitudeMetres is 3; expected 3 to 2 (the envelope's floor and ceiling less their margin)"] },
        { $"{E}:MinAltitudeMetres", "-1", [$"{E}:MinAltitudeMetres is -1; expected a finite number of at least 0"] },
        { $"{E}:LimitMarginMetres", "-1", [$"{E}:LimitMarginMetres is -1; expected a finite number of at least 0"] },
        { $"{E}:BreachReturnSpeedMetresPerSecond", "1.5", [$"{E}:BreachReturnSpeedMetresPerSecond is 1.5; expected at most the smallest speed limit (1)"] },
        { $"{E}:MinClearanceMetres", "-0.5", [$"{E}:MinClearanceMetres is -0.5; expected a finite number of at least 0"] },

        // Failsafe
        { "DroneLiquid:Failsafe:HeartbeatTimeout", "00:00:00.1", ["DroneLiquid:Failsafe:HeartbeatTimeout is 00:00:00.1000000; expected 00:00:00.2000000 to 00:00:10"] },
        { "DroneLiquid:Failsafe:HoldTimeout", "00:20:00", ["DroneLiquid:Failsafe:HoldTimeout is 00:20:00; expected 00:00:01 to 00:10:00"] },
        { "DroneLiquid:Failsafe:DeadlineMissesBeforeHold", "0", ["DroneLiquid:Failsafe:DeadlineMissesBeforeHold is 0; expected 1 to 1000"] },
        { "DroneLiquid:Failsafe:TransitionLogCapacity", "2", ["DroneLiquid:Failsafe:TransitionLogCapacity is 2; expected 4 to 4096"] },
        { "DroneLiquid:Failsafe:MissionTimeLimit", "00:01:00", ["DroneLiquid:Failsafe:MissionTimeLimit is 00:01:00; this is set by DroneLiquid:Mission:TimeLimit"] },

        // Recorder
        { "DroneLiquid:Recorder:Directory", "", ["DroneLiquid:Recorder:Directory is empty; expected the folder that holds the flight records"] },
        { "DroneLiquid:Recorder:MaxTotalBytes", "1000", ["DroneLiquid:Recorder:MaxTotalBytes is 1000; expected at least 1048576 (1 MiB)"] },
        { "DroneLiquid:Recorder:RingCapacity", "8", ["DroneLiquid:Recorder:RingCapacity is 8; expected 16 to 1048576"] },
        { "DroneLiquid:Recorder:FlushInterval", "00:00:02", ["DroneLiquid:Recorder:FlushInterval is 00:00:02; expected 00:00:00.05 to 00:00:01 (a killed process may lose at most 1 s)"] },

        // Camera
        { $"{C}:Source", "Usb", [$"{C}:Source is 'Usb'; expected one of V4l2, SimStream"] },
        { $"{C}:V4l2:DevicePath", "", [$"{C}:V4l2:DevicePath is empty; expected a V4L2 device node such as /dev/video0"] },
        { $"{C}:V4l2:Width", "0", [$"{C}:V4l2:Width x Height is 0x480; expected 1..8192 each"] },
        { $"{C}:V4l2:Width", "641", [$"{C}:V4l2:Width is 641; YUYV needs an even width"] },
        { $"{C}:V4l2:PixelFormat", "Rgb24", [$"{C}:V4l2:PixelFormat is Rgb24; allowed: Yuyv, Mjpeg"] },
        { $"{C}:V4l2:StaleAfter", "00:00:00", [$"{C}:V4l2:StaleAfter is 0 ms; expected more than 0"] },
        { $"{C}:V4l2:MaxMjpegFrameBytes", "100", [$"{C}:V4l2:MaxMjpegFrameBytes is 100; expected at least 1024"] },

        // Stop
        { "DroneLiquid:Stop:Action", "Hover", ["DroneLiquid:Stop:Action is 'Hover'; expected one of Hold, Land, Return"] },
        { "DroneLiquid:Stop:Timeout", "00:02:00", ["DroneLiquid:Stop:Timeout is 00:02:00; expected 00:00:01 to 00:01:00"] },

        // Shape: unknown keys and values of the wrong type
        { $"{E}:MaxSpeed", "3", [$"{E}:MaxSpeed is not a setting; expected one of MaxHorizontalSpeedMetresPerSecond, MaxSpeedUpMetresPerSecond, MaxSpeedDownMetresPerSecond, MaxYawRateRadiansPerSecond, MaxHorizontalAccelerationMetresPerSecondSquared, MaxVerticalAccelerationMetresPerSecondSquared, GeofenceRadiusMetres, MinAltitudeMetres, MaxAltitudeMetres, LimitMarginMetres, BreachReturnSpeedMetresPerSecond, MinClearanceMetres"] },
        { $"{E}:MaxYawRateRadiansPerSecond", "fast", [$"{E}:MaxYawRateRadiansPerSecond is 'fast'; expected a number"] },
        { "DroneLiquid:Autopilot:SystemId", "one", ["DroneLiquid:Autopilot:SystemId is 'one'; expected a whole number"] },
        { "DroneLiquid:Stop:Timeout", "soon", ["DroneLiquid:Stop:Timeout is 'soon'; expected a duration such as 00:00:01.5 (hh:mm:ss.fff)"] },
    };

    public static TheoryData<string, string, string[]> InvalidI2cValues => new()
    {
        { $"{I}:BusId", "-1", [$"{I}:BusId is -1; expected a bus number >= 0 (/dev/i2c-N)"] },
        { $"{I}:Address", "2", [$"{I}:Address is 0x02; expected a 7-bit address 0x03..0x77"] },
        { $"{I}:AccelerometerRangeG", "3", [$"{I}:AccelerometerRangeG is 3; allowed for Mpu9250: 2, 4, 8, 16"] },
        { $"{I}:GyroscopeRangeDegreesPerSecond", "300", [$"{I}:GyroscopeRangeDegreesPerSecond is 300; allowed for Mpu9250: 250, 500, 1000, 2000"] },
        { $"{I}:SampleRateHz", "2000", [$"{I}:SampleRateHz is 2000; allowed for Mpu9250: more than 0 and at most 1000 Hz (the chip's output rate)"] },
        { $"{I}:StaleAfter", "00:00:00.001", [$"{I}:StaleAfter is 1 ms; expected more than one sample period (5 ms)"] },
        { $"{I}:FrozenAfter", "00:00:00.01", [$"{I}:FrozenAfter is 10 ms; expected more than StaleAfter (50 ms)"] },
        { $"{I}:FailuresBeforeUnhealthy", "0", [$"{I}:FailuresBeforeUnhealthy is 0; expected at least 1"] },
        { $"{I}:CalibrationFile", "", [$"{I}:CalibrationFile is empty; required when GyroCalibration is LoadOrCalibrate (or set GyroCalibration to None)"] },
        { $"{I}:CalibrationSamples", "5", [$"{I}:CalibrationSamples is 5; expected at least 10"] },
        { $"{I}:Chip", "Icm20948", [$"{I}:Chip is 'Icm20948'; expected one of Mpu6050, Mpu6500, Mpu9250, Bno055, Lsm9Ds1"] },
        { $"{C}:SimStream:Port", "0", [$"{C}:SimStream:Port is 0; expected 1 to 65535"] },
        { $"{C}:SimStream:Width", "0", [$"{C}:SimStream:Width x Height is 0x96; expected 1..4096 each"] },
        { $"{C}:SimStream:Host", "", [$"{C}:SimStream:Host is empty; expected the host serving the camera stream (127.0.0.1)"] },
        { $"{C}:SimStream:StaleAfter", "00:00:00", [$"{C}:SimStream:StaleAfter is 00:00:00; expected 00:00:00.0100000 to 00:00:05"] },
    };

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void An_invalid_value_gives_its_line(string key, string value, string[] expected) =>
        Assert.Equal(expected, Check(Valid(), key, value));

    [Theory]
    [MemberData(nameof(InvalidI2cValues))]
    public void An_invalid_i2c_imu_or_sim_camera_value_gives_its_line(string key, string value, string[] expected)
    {
        var settings = Valid();
        settings["DroneLiquid:Sensors:Imu:Source"] = "I2c";
        settings[$"{I}:Chip"] = "Mpu9250";
        settings[$"{I}:CalibrationFile"] = "/var/lib/droneliquid/gyro-bias.json";
        settings[$"{C}:Source"] = "SimStream";
        Assert.Equal(expected, Check(settings, key, value));
    }

    [Fact]
    public void The_valid_base_configuration_passes()
    {
        Assert.Empty(Check(Valid(), "DroneLiquid:Stop:Action", "land"));
    }

    [Fact]
    public void Several_problems_are_all_reported_one_line_each()
    {
        var settings = Valid();
        settings["DroneLiquid:Autopilot:SystemId"] = "0";
        settings["DroneLiquid:Failsafe:DeadlineMissesBeforeHold"] = "0";
        var failures = ServiceConfiguration.Check(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "/", checkFiles: false, out var options);
        Assert.Null(options);
        Assert.Equal(["DroneLiquid:Autopilot:SystemId is 0; expected 1 to 255", "DroneLiquid:Failsafe:DeadlineMissesBeforeHold is 0; expected 1 to 1000"], failures);
    }

    [Fact]
    public void ValidateOnStart_stops_the_host_with_the_same_lines()
    {
        var settings = Valid();
        settings["DroneLiquid:Envelope:MaxYawRateRadiansPerSecond"] = "0";
        settings["DroneLiquid:Autopilot:Firmware"] = "Betaflight";
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddDroneLiquidOptions(configuration, "/");
        using var provider = services.BuildServiceProvider();
        var startup = provider.GetRequiredService<IStartupValidator>();
        var ex = Assert.ThrowsAny<Exception>(startup.Validate);
        Assert.Equal(["DroneLiquid:Autopilot:Firmware is 'Betaflight'; expected one of Auto, Px4, ArduPilot"], OptionsRegistration.FailureLines(ex));

        settings["DroneLiquid:Autopilot:Firmware"] = "px4";
        configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var second = new ServiceCollection().AddDroneLiquidOptions(configuration, "/").BuildServiceProvider();
        ex = Assert.ThrowsAny<Exception>(second.GetRequiredService<IStartupValidator>().Validate);
        Assert.Equal(["DroneLiquid:Envelope:MaxYawRateRadiansPerSecond is 0; expected a finite number more than 0"], OptionsRegistration.FailureLines(ex));
    }

    [Fact]
    public void Relative_paths_are_read_from_the_configuration_folder_and_the_time_limit_reaches_the_failsafe()
    {
        var settings = Valid();
        settings["DroneLiquid:Policy:Path"] = "../models/state-nav";
        settings["DroneLiquid:Mission:TimeLimit"] = "00:01:30";
        var failures = ServiceConfiguration.Check(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "/etc/droneliquid", checkFiles: false, out var options);
        Assert.Empty(failures);
        Assert.Equal("/etc/models/state-nav", options!.Policy.Path);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Failsafe.MissionTimeLimit);
        Assert.Equal(DroneLiquidOptions.DefaultRecordDirectory, options.Recorder.Directory);
    }

    private static Dictionary<string, string?> Valid() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["DroneLiquid:Policy:Path"] = "/opt/droneliquid/models/state-nav",
    };

    private static List<string> Check(Dictionary<string, string?> settings, string key, string value)
    {
        settings[key] = value;
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return ServiceConfiguration.Check(configuration, "/", checkFiles: false, out _);
    }
}
