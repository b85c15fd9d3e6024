using System.Buffers.Binary;
using DroneLiquid.Flight.Envelope;

namespace DroneLiquid.Evaluation.Datasets;

/// <summary>
/// Appends fixed-size little-endian records to one episode file: elapsed seconds (float), the raw features (float[F]),
/// the expert's action (forward, right, down, yaw rate: float[4]), the flags byte and, when the dataset has images,
/// the RGB24 frame. A record is assembled in a buffer owned by the writer, so <see cref="Append"/> allocates nothing.
/// </summary>
public sealed class EpisodeWriter : IDisposable
{
    /// <summary>Actions per record, in this order.</summary>
    public const int ActionCount = 4;

    private readonly FileStream _stream;
    private readonly byte[] _record;
    private readonly int _features;
    private readonly int _imageBytes;

    public EpisodeWriter(string path, int featureCount, int imageBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfNegative(imageBytes);
        _features = featureCount;
        _imageBytes = imageBytes;
        _record = new byte[4 + (4 * featureCount) + (4 * ActionCount) + 1 + imageBytes];
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: Math.Max(4096, 8 * _record.Length));
    }

    /// <summary>Records written so far.</summary>
    public int Count { get; private set; }

    public int RecordBytes => _record.Length;

    /// <summary>Writes one record; <paramref name="image"/> must hold exactly the image bytes (empty without images).</summary>
    public void Append(float elapsedSeconds, ReadOnlySpan<float> features, in PolicyCommand action, SampleFlags flags, ReadOnlySpan<byte> image)
    {
        if (features.Length != _features)
        {
            throw new ArgumentException($"{features.Length} features given; this dataset records {_features}", nameof(features));
        }

        if (image.Length != _imageBytes)
        {
            throw new ArgumentException($"{image.Length} image bytes given; this dataset records {_imageBytes}", nameof(image));
        }

        if (action.Frame != DroneLiquid.Flight.Frames.VelocityFrame.BodyFrd)
        {
            throw new ArgumentException($"the action is in {action.Frame}; datasets record heading-frame (BodyFrd) commands", nameof(action));
        }

        Span<byte> r = _record;
        BinaryPrimitives.WriteSingleLittleEndian(r, elapsedSeconds);
        int offset = 4;
        foreach (float f in features)
        {
            BinaryPrimitives.WriteSingleLittleEndian(r[offset..], f);
            offset += 4;
        }

        BinaryPrimitives.WriteSingleLittleEndian(r[offset..], action.X);
        BinaryPrimitives.WriteSingleLittleEndian(r[(offset + 4)..], action.Y);
        BinaryPrimitives.WriteSingleLittleEndian(r[(offset + 8)..], action.Z);
        BinaryPrimitives.WriteSingleLittleEndian(r[(offset + 12)..], action.YawRateRadiansPerSecond);
        offset += 16;
        r[offset++] = (byte)flags;
        image.CopyTo(r[offset..]);
        _stream.Write(_record);
        Count++;
    }

    public void Dispose() => _stream.Dispose();
}
