namespace DroneLiquid.Sensors.Tests.Fakes;

/// <summary>
/// An InvenSense MPU-6050/6500/9250 register map (register map RM-MPU-6000A / RM-MPU-9250A): WHO_AM_I, reset
/// behaviour of PWR_MGMT_1, big-endian data registers, and for the MPU-9250 the auxiliary I2C master that reaches
/// the AK8963 magnetometer (I2C_SLVx_ADDR/REG/CTRL/DO into EXT_SENS_DATA_00).
/// </summary>
public sealed class FakeMpu6xxx : FakeI2cRegisterDevice
{
    public const byte SmplrtDiv = 0x19, Config = 0x1A, GyroConfig = 0x1B, AccelConfig = 0x1C, AccelConfig2 = 0x1D;
    public const byte AccelXoutH = 0x3B, TempOutH = 0x41, GyroXoutH = 0x43, ExtSensData00 = 0x49;
    public const byte PwrMgmt1 = 0x6B, WhoAmI = 0x75, I2cSlv0Addr = 0x25, I2cSlv0Do = 0x63;

    private readonly byte _whoAmI;
    private readonly byte _pwrMgmt1PowerOn;
    private readonly FakeAk8963? _magnetometer;

    private FakeMpu6xxx(byte whoAmI, byte pwrMgmt1PowerOn, bool withMagnetometer, int busId, int address)
        : base(busId, address)
    {
        _whoAmI = whoAmI;
        _pwrMgmt1PowerOn = pwrMgmt1PowerOn;
        _magnetometer = withMagnetometer ? new FakeAk8963() : null;
        PowerOn();
    }

    /// <summary>MPU-6050: WHO_AM_I 0x68, PWR_MGMT_1 0x40 (sleep) at power-on.</summary>
    public static FakeMpu6xxx Mpu6050(int busId = 1, int address = 0x68) => new(0x68, 0x40, false, busId, address);

    /// <summary>MPU-6500: WHO_AM_I 0x70, PWR_MGMT_1 0x01.</summary>
    public static FakeMpu6xxx Mpu6500(int busId = 1, int address = 0x68) => new(0x70, 0x01, false, busId, address);

    /// <summary>MPU-9250: WHO_AM_I 0x71, PWR_MGMT_1 0x01, AK8963 behind the auxiliary I2C master.</summary>
    public static FakeMpu6xxx Mpu9250(int busId = 1, int address = 0x68) => new(0x71, 0x01, true, busId, address);

    /// <summary>Number of device resets (PWR_MGMT_1 bit 7) seen.</summary>
    public int Resets { get; private set; }

    public FakeAk8963? Magnetometer => _magnetometer;

    public void SetAccelerometerRaw(short x, short y, short z) => SetTriple(AccelXoutH, x, y, z);

    public void SetGyroscopeRaw(short x, short y, short z) => SetTriple(GyroXoutH, x, y, z);

    protected override bool BigEndianData => true;

    protected override IEnumerable<(byte Register, byte Value)> PowerOnValues()
    {
        yield return (WhoAmI, _whoAmI);
        yield return (PwrMgmt1, _pwrMgmt1PowerOn);
    }

    protected override void WriteRegister(byte register, byte value)
    {
        if (register == PwrMgmt1 && (value & 0x80) != 0)
        {
            // H_RESET: every register returns to its power-on value and the bit clears itself.
            Resets++;
            var data = new byte[14];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = this[AccelXoutH + i];
            }

            PowerOn();
            for (int i = 0; i < data.Length; i++)
            {
                this[AccelXoutH + i] = data[i];
            }

            return;
        }

        base.WriteRegister(register, value);
        int slave = register - I2cSlv0Addr;
        if (_magnetometer is not null && slave is >= 0 and < 12 && slave % 3 == 2 && (value & 0x80) != 0)
        {
            RunAuxiliaryTransfer(slave / 3, value & 0x0F);
        }
    }

    private void RunAuxiliaryTransfer(int channel, int length)
    {
        byte address = this[I2cSlv0Addr + 3 * channel];
        byte register = this[I2cSlv0Addr + 3 * channel + 1];
        if ((address & 0x7F) != FakeAk8963.Address)
        {
            return;
        }

        if ((address & 0x80) != 0)
        {
            for (int i = 0; i < length; i++)
            {
                this[ExtSensData00 + i] = _magnetometer![register + i];
            }
        }
        else
        {
            _magnetometer!.Write(register, this[I2cSlv0Do + channel]);
        }
    }
}
