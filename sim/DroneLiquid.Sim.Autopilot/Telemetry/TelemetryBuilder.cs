using System.Numerics;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sim.Control;
using DroneLiquid.Sim.Sensors;
using DroneLiquid.Sim.Simulation;

namespace DroneLiquid.Sim.Autopilot.Telemetry;

/// <summary>Fills the telemetry messages from the simulator's published sensor samples (which stop during a sensor freeze).</summary>
public sealed class TelemetryBuilder(SimWorld world, GeoOrigin origin)
{
    public GeoOrigin Origin => origin;

    public uint TimeBootMs => (uint)(world.ElapsedSeconds * 1000);

    public AttitudeMessage Attitude()
    {
        AttitudeSample a = world.Sensors.Attitude;
        return new AttitudeMessage
        {
            TimeBootMs = Ms(a.TimestampSeconds),
            Roll = a.Euler.RollRadians,
            Pitch = a.Euler.PitchRadians,
            Yaw = a.Euler.YawRadians,
            Rollspeed = a.AngularRateFrd.RollRadiansPerSecond,
            Pitchspeed = a.AngularRateFrd.PitchRadiansPerSecond,
            Yawspeed = a.AngularRateFrd.YawRadiansPerSecond,
        };
    }

    public AttitudeQuaternionMessage AttitudeQuaternion()
    {
        AttitudeSample a = world.Sensors.Attitude;
        Quaternion q = a.FrdToNed;
        return new AttitudeQuaternionMessage
        {
            TimeBootMs = Ms(a.TimestampSeconds),
            Q1 = q.W,
            Q2 = q.X,
            Q3 = q.Y,
            Q4 = q.Z,
            Rollspeed = a.AngularRateFrd.RollRadiansPerSecond,
            Pitchspeed = a.AngularRateFrd.PitchRadiansPerSecond,
            Yawspeed = a.AngularRateFrd.YawRadiansPerSecond,
        };
    }

    public HighresImuMessage HighresImu()
    {
        ImuSample imu = world.Sensors.Imu;
        AltitudeSample alt = world.Sensors.Altitude;
        return new HighresImuMessage
        {
            TimeUsec = (ulong)(imu.TimestampSeconds * 1e6),
            Xacc = imu.SpecificForceFrd.ForwardMetresPerSecondSquared,
            Yacc = imu.SpecificForceFrd.RightMetresPerSecondSquared,
            Zacc = imu.SpecificForceFrd.DownMetresPerSecondSquared,
            Xgyro = imu.AngularRateFrd.RollRadiansPerSecond,
            Ygyro = imu.AngularRateFrd.PitchRadiansPerSecond,
            Zgyro = imu.AngularRateFrd.YawRadiansPerSecond,
            PressureAlt = (float)origin.AltitudeAmslMetres + alt.RelativeAltitudeMetres,
            Temperature = 25f,
            FieldsUpdated = 0x003F | 0x0800, // accel, gyro, pressure altitude
        };
    }

    public LocalPositionNedMessage LocalPosition()
    {
        LocalPositionSample p = world.Sensors.LocalPosition;
        return new LocalPositionNedMessage
        {
            TimeBootMs = Ms(p.TimestampSeconds),
            X = p.PositionNed.NorthMetres,
            Y = p.PositionNed.EastMetres,
            Z = p.PositionNed.DownMetres,
            Vx = p.VelocityNed.NorthMetresPerSecond,
            Vy = p.VelocityNed.EastMetresPerSecond,
            Vz = p.VelocityNed.DownMetresPerSecond,
        };
    }

    public GlobalPositionIntMessage GlobalPosition()
    {
        LocalPositionSample p = world.Sensors.LocalPosition;
        (int lat, int lon) = origin.ToLatLonE7(p.PositionNed.NorthMetres, p.PositionNed.EastMetres);
        float yaw = world.Sensors.Attitude.Euler.YawRadians;
        double heading = (yaw * 180.0 / Math.PI) % 360.0;
        return new GlobalPositionIntMessage
        {
            TimeBootMs = Ms(p.TimestampSeconds),
            Lat = lat,
            Lon = lon,
            Alt = (int)Math.Round((origin.AltitudeAmslMetres - p.PositionNed.DownMetres) * 1000),
            RelativeAlt = (int)Math.Round(-p.PositionNed.DownMetres * 1000),
            Vx = Centimetres(p.VelocityNed.NorthMetresPerSecond),
            Vy = Centimetres(p.VelocityNed.EastMetresPerSecond),
            Vz = Centimetres(p.VelocityNed.DownMetresPerSecond),
            Hdg = (ushort)Math.Round((heading < 0 ? heading + 360.0 : heading) * 100 % 36000),
        };
    }

    public SysStatusMessage SysStatus()
    {
        BatterySample b = world.Sensors.Battery;
        const uint sensors = 0x1 | 0x2 | 0x4 | 0x8 | 0x20 | 0x8000 | 0x10000 | 0x200000; // gyro, accel, mag, baro, GPS, rate, attitude, position
        return new SysStatusMessage
        {
            OnboardControlSensorsPresent = sensors,
            OnboardControlSensorsEnabled = sensors,
            OnboardControlSensorsHealth = sensors,
            Load = 250,
            VoltageBattery = (ushort)Math.Clamp(b.VoltageVolts * 1000, 0, 65535),
            CurrentBattery = (short)Math.Clamp(b.CurrentAmperes * 100, 0, short.MaxValue),
            BatteryRemaining = (sbyte)Math.Clamp(Math.Round(b.RemainingFraction * 100), 0, 100),
        };
    }

    public ExtendedSysStateMessage ExtendedSysState()
    {
        FlightController c = world.Controller;
        byte landed = c.Landed
            ? (byte)(c.Armed && c.Mode == FlightMode.Takeoff ? 3 : 1) // MAV_LANDED_STATE_TAKEOFF / ON_GROUND
            : (byte)(c.Mode is FlightMode.Land || (c.Mode == FlightMode.Return && c.ReturnPhase == ReturnPhase.Descend) ? 4 : 2); // LANDING / IN_AIR
        return new ExtendedSysStateMessage { VtolState = 0, LandedState = landed };
    }

    public BatteryStatusMessage BatteryStatus()
    {
        BatterySample b = world.Sensors.Battery;
        var message = new BatteryStatusMessage
        {
            Id = 0,
            BatteryFunction = 1, // MAV_BATTERY_FUNCTION_ALL
            Type = 3, // MAV_BATTERY_TYPE_LIPO
            Temperature = short.MaxValue, // unknown
            CurrentBattery = (short)Math.Clamp(b.CurrentAmperes * 100, 0, short.MaxValue),
            CurrentConsumed = (int)(world.Battery.ConsumedAmpereHours * 1000),
            EnergyConsumed = -1,
            BatteryRemaining = (sbyte)Math.Clamp(Math.Round(b.RemainingFraction * 100), 0, 100),
            TimeRemaining = 0,
            ChargeState = (byte)(b.RemainingFraction < 0.15f ? 3 : b.RemainingFraction < 0.3f ? 2 : 1), // CRITICAL / LOW / OK
        };
        message.Voltages[0] = (ushort)Math.Clamp(b.VoltageVolts * 1000, 0, 65534);
        for (int i = 1; i < 10; i++)
        {
            message.Voltages[i] = ushort.MaxValue;
        }

        return message;
    }

    public HomePositionMessage HomePosition()
    {
        Vector3 home = world.Controller.HomeNed;
        (int lat, int lon) = origin.ToLatLonE7(home.X, home.Y);
        var message = new HomePositionMessage
        {
            Latitude = lat,
            Longitude = lon,
            Altitude = (int)Math.Round((origin.AltitudeAmslMetres - home.Z) * 1000),
            X = home.X,
            Y = home.Y,
            Z = home.Z,
            TimeUsec = (ulong)(world.ElapsedSeconds * 1e6),
        };
        message.Q[0] = 1f;
        return message;
    }

    public PositionTargetLocalNedMessage PositionTarget()
    {
        Vector3 v = world.Controller.VelocityTargetNed;
        return new PositionTargetLocalNedMessage
        {
            TimeBootMs = TimeBootMs,
            CoordinateFrame = 1,
            TypeMask = 0x0C07, // velocity (as ArduPilot reports while tracking a velocity)
            Vx = v.X,
            Vy = v.Y,
            Vz = v.Z,
        };
    }

    private static uint Ms(double seconds) => (uint)(seconds * 1000);

    private static short Centimetres(float metresPerSecond) => (short)Math.Clamp(MathF.Round(metresPerSecond * 100), short.MinValue, short.MaxValue);
}
