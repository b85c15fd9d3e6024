namespace DroneLiquid.Sensors.Tests.Fakes;

/// <summary>The AK8963 magnetometer inside an MPU-9250, reached through the MPU's auxiliary I2C master.</summary>
public sealed class FakeAk8963
{
    public const byte Address = 0x0C;
    public const byte Wia = 0x00, Cntl = 0x0A;
    private readonly byte[] _registers = new byte[32];

    public FakeAk8963()
    {
        _registers[Wia] = 0x48;
        // Fuse ROM sensitivity adjustment values (ASAX..ASAZ); 128 means a factor of 1.
        _registers[0x10] = 128;
        _registers[0x11] = 128;
        _registers[0x12] = 128;
    }

    public byte this[int register] => _registers[register];

    /// <summary>The last CNTL value the driver wrote (measurement mode and output bits).</summary>
    public byte Control => _registers[Cntl];

    public void Write(byte register, byte value) => _registers[register] = value;
}
