namespace DroneLiquid.Sensors.Camera;

/// <summary>
/// One frame in a buffer that belongs to a source's pool and is reused: allocated once at start with room for the
/// largest frame the source can deliver. The tick may read it until its next call to
/// <see cref="ICameraSource.AcquireLatest"/>; it must not keep it longer.
/// </summary>
public sealed class CameraFrame
{
    private readonly byte[] _buffer;

    /// <summary>Creates a frame buffer with room for <paramref name="capacityBytes"/> bytes.</summary>
    public CameraFrame(int capacityBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(capacityBytes, 0);
        _buffer = GC.AllocateUninitializedArray<byte>(capacityBytes, pinned: true);
    }

    /// <summary>The bytes of the frame.</summary>
    public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, Length);

    /// <summary>Room in the buffer, bytes.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Bytes in use.</summary>
    public int Length { get; private set; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; private set; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; private set; }

    /// <summary>Pixel layout.</summary>
    public FramePixelFormat Format { get; private set; }

    /// <summary>When the frame arrived, in <see cref="TimeProvider.GetTimestamp"/> units of the source's clock.</summary>
    public long Timestamp { get; private set; }

    /// <summary>1 for the source's first frame, counting up; gaps mean frames were dropped.</summary>
    public long Sequence { get; private set; }

    /// <summary>The frame's own time from its origin (a recording's timestamp), µs; 0 when it has none.</summary>
    public long SourceTimestampMicroseconds { get; private set; }

    /// <summary>The writable buffer for a producer that fills it in place before <see cref="Set"/>.</summary>
    internal Span<byte> Writable => _buffer;

    /// <summary>Copies <paramref name="data"/> in; throws when it does not fit (a producer bug or a lying device).</summary>
    internal void CopyFrom(ReadOnlySpan<byte> data)
    {
        if (data.Length > _buffer.Length)
        {
            throw new InvalidDataException($"frame of {data.Length} bytes does not fit the pooled buffer of {_buffer.Length} bytes");
        }

        data.CopyTo(_buffer);
        Length = data.Length;
    }

    /// <summary>Sets the description of the bytes now in the buffer.</summary>
    internal void Set(int length, int width, int height, FramePixelFormat format, long timestamp, long sequence, long sourceTimestampMicroseconds)
    {
        Length = length;
        Width = width;
        Height = height;
        Format = format;
        Timestamp = timestamp;
        Sequence = sequence;
        SourceTimestampMicroseconds = sourceTimestampMicroseconds;
    }
}
