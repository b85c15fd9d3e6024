namespace DroneLiquid.Sensors.Tests.Fakes;

/// <summary>An ST LSM9DS1 accelerometer/gyroscope register map (datasheet DocID025715, table 21), little-endian outputs.</summary>
public sealed class FakeLsm9Ds1 : FakeI2cRegisterDevice
{
    public const byte WhoAmI = 0x0F, CtrlReg1G = 0x10, OutXG = 0x18, CtrlReg4 = 0x1E, CtrlReg6Xl = 0x20, CtrlReg8 = 0x22, OutXXl = 0x28;
    private readonly byte _whoAmI;

    public FakeLsm9Ds1(int busId = 1, int address = 0x6A, byte whoAmI = 0x68)
        : base(busId, address)
    {
        _whoAmI = whoAmI;
        PowerOn();
    }

    public void SetAccelerometerRaw(short x, short y, short z) => SetTriple(OutXXl, x, y, z);

    public void SetGyroscopeRaw(short x, short y, short z) => SetTriple(OutXG, x, y, z);

    protected override IEnumerable<(byte Register, byte Value)> PowerOnValues()
    {
        yield return (WhoAmI, _whoAmI);
        yield return (CtrlReg4, 0x38);
        yield return (CtrlReg8, 0x04); // IF_ADD_INC: register address auto-increment on burst access
    }

    // The binding sets bit 7 of the sub-address (the SPI read flag); the register number is the low 7 bits.
    protected override byte MapAddress(byte subAddress) => (byte)(subAddress & 0x7F);
}
