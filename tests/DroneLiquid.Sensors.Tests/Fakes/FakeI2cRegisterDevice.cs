using System.Device.I2c;

namespace DroneLiquid.Sensors.Tests.Fakes;

/// <summary>
/// A register-level I2C chip: 256 registers with the datasheet's power-on values, a register pointer set by the
/// first written byte and advanced on every access (burst reads and writes), a log of register writes, and
/// fault injection (every transfer fails like a NACK). Subclasses add the chip's own behaviour.
/// Reads and pointer writes allocate nothing, so the real drivers can be allocation-tested against it.
/// </summary>
public abstract class FakeI2cRegisterDevice : I2cDevice
{
    private readonly byte[] _registers = new byte[256];
    private readonly List<(byte Register, byte Value)> _writes = [];
    private readonly I2cConnectionSettings _settings;
    private byte _pointer;

    protected FakeI2cRegisterDevice(int busId, int address)
    {
        _settings = new I2cConnectionSettings(busId, address);
        PowerOn();
    }

    public override I2cConnectionSettings ConnectionSettings => _settings;

    /// <summary>Every register write (register, value) since power-on or <see cref="ClearWrites"/>, in order.</summary>
    public IReadOnlyList<(byte Register, byte Value)> Writes => _writes;

    /// <summary>When true every transfer throws the IOException the Linux driver gives for a NACK.</summary>
    public bool Nack { get; set; }

    /// <summary>Number of register reads served (bytes).</summary>
    public long BytesRead { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Called with the register a read starts at, before it is served (tests animate the data registers).</summary>
    public Action<byte>? BeforeRead { get; set; }

    /// <summary>The register map (tests set data registers directly).</summary>
    public byte this[int register]
    {
        get => _registers[register];
        set => _registers[register] = value;
    }

    public void ClearWrites() => _writes.Clear();

    /// <summary>The last value written to <paramref name="register"/>, or null.</summary>
    public byte? LastWrite(int register)
    {
        for (int i = _writes.Count - 1; i >= 0; i--)
        {
            if (_writes[i].Register == register)
            {
                return _writes[i].Value;
            }
        }

        return null;
    }

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Read(Span<byte> buffer)
    {
        ThrowIfNack();
        BeforeRead?.Invoke(_pointer);
        for (int i = 0; i < buffer.Length; i++)
        {
            buffer[i] = ReadRegister(_pointer);
            _pointer++;
        }

        BytesRead += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ThrowIfNack();
        if (buffer.IsEmpty)
        {
            return;
        }

        _pointer = MapAddress(buffer[0]);
        for (int i = 1; i < buffer.Length; i++)
        {
            _writes.Add((_pointer, buffer[i]));
            WriteRegister(_pointer, buffer[i]);
            _pointer++;
        }
    }

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    /// <summary>Writes a 16-bit value big-endian (InvenSense) at <paramref name="register"/>.</summary>
    public void SetInt16BigEndian(int register, short value)
    {
        _registers[register] = (byte)(value >> 8);
        _registers[register + 1] = (byte)value;
    }

    /// <summary>Writes a 16-bit value little-endian (Bosch, ST) at <paramref name="register"/>.</summary>
    public void SetInt16LittleEndian(int register, short value)
    {
        _registers[register] = (byte)value;
        _registers[register + 1] = (byte)(value >> 8);
    }

    /// <summary>Three 16-bit values (x, y, z) at consecutive register pairs, in the chip's byte order.</summary>
    public void SetTriple(int register, short x, short y, short z)
    {
        Span<short> values = [x, y, z];
        for (int i = 0; i < 3; i++)
        {
            if (BigEndianData)
            {
                SetInt16BigEndian(register + 2 * i, values[i]);
            }
            else
            {
                SetInt16LittleEndian(register + 2 * i, values[i]);
            }
        }
    }

    /// <summary>True for InvenSense parts (high byte first), false for Bosch and ST (low byte first).</summary>
    protected virtual bool BigEndianData => false;

    /// <summary>Loads the power-on register values.</summary>
    protected void PowerOn()
    {
        Array.Clear(_registers);
        foreach (var (register, value) in PowerOnValues())
        {
            _registers[register] = value;
        }
    }

    /// <summary>The datasheet's power-on (reset) values of the non-zero registers.</summary>
    protected abstract IEnumerable<(byte Register, byte Value)> PowerOnValues();

    /// <summary>A register write; the default stores the value.</summary>
    protected virtual void WriteRegister(byte register, byte value) => _registers[register] = value;

    /// <summary>A register read; the default returns the stored value.</summary>
    protected virtual byte ReadRegister(byte register) => _registers[register];

    /// <summary>Turns the transmitted sub-address into a register number (ST parts use bit 7 as a flag on SPI).</summary>
    protected virtual byte MapAddress(byte subAddress) => subAddress;

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    private void ThrowIfNack()
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (Nack)
        {
            throw new IOException($"Error 121 performing I2C data transfer (simulated NACK at 0x{_settings.DeviceAddress:X2}).");
        }
    }
}
