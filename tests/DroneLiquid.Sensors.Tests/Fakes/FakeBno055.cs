namespace DroneLiquid.Sensors.Tests.Fakes;

/// <summary>A Bosch BNO055 page-0 register map (datasheet BST-BNO055-DS000, section 4.3) with power-on values.</summary>
public sealed class FakeBno055 : FakeI2cRegisterDevice
{
    public const byte ChipId = 0x00, AccelDataX = 0x08, GyroDataX = 0x14, Temp = 0x34;
    public const byte UnitSel = 0x3B, OprMode = 0x3D, PwrMode = 0x3E, AxisMapConfig = 0x41;

    public FakeBno055(int busId = 1, int address = 0x28)
        : base(busId, address)
    {
    }

    public void SetAccelerometerRaw(short x, short y, short z) => SetTriple(AccelDataX, x, y, z);

    public void SetGyroscopeRaw(short x, short y, short z) => SetTriple(GyroDataX, x, y, z);

    protected override IEnumerable<(byte Register, byte Value)> PowerOnValues()
    {
        yield return (ChipId, 0xA0);
        yield return (0x01, 0xFB); // ACC_ID
        yield return (0x02, 0x32); // MAG_ID
        yield return (0x03, 0x0F); // GYR_ID
        yield return (0x04, 0x11); // SW_REV_ID_LSB
        yield return (0x05, 0x03); // SW_REV_ID_MSB
        yield return (0x06, 0x15); // BL_REV_ID
        yield return (UnitSel, 0x80);
        yield return (OprMode, 0x00); // CONFIGMODE
        yield return (AxisMapConfig, 0x24);
    }
}
