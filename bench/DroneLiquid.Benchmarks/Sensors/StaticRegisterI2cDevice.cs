using System.Device.I2c;

namespace DroneLiquid.Benchmarks.Sensors;

/// <summary>
/// The smallest I2C chip a driver can talk to: a register array behind a pointer, no bus time. It lets the
/// benchmark measure our sample path (binding calls, conversion, checks, publish) without the 400 kHz bus,
/// which on a real board adds about 0.1 ms per transaction.
/// </summary>
internal sealed class StaticRegisterI2cDevice(byte[] registers) : I2cDevice
{
    private byte _pointer;

    public override I2cConnectionSettings ConnectionSettings { get; } = new(1, 0x68);

    public override byte ReadByte() => registers[_pointer++];

    public override void Read(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = registers[_pointer++];
        }
    }

    public override void WriteByte(byte value) => _pointer = value;

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _pointer = buffer[0];
        for (int i = 1; i < buffer.Length; i++)
        {
            // PWR_MGMT_1 bit 7 (reset) clears itself on the chip.
            registers[_pointer] = _pointer == 0x6B ? (byte)(buffer[i] & 0x7F) : buffer[i];
            _pointer++;
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }
}
