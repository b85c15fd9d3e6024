using System.Buffers.Binary;
using System.Runtime.InteropServices;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Conversion;

namespace DroneLiquid.Evaluation.Datasets;

/// <summary>
/// Reads a dataset folder: the manifest (checked at open, together with every episode file's length) and episodes,
/// either into a new <see cref="EpisodeData"/> or into caller-owned spans. A missing, truncated or padded file, or
/// a record with unknown flag bits or a non-finite elapsed time, gives one <see cref="DatasetFormatException"/>
/// naming the file. <see cref="ImageToTensor"/> converts a stored image exactly as evaluation converts camera frames.
/// Reading episodes is thread-safe (each call opens its own stream); <see cref="ImageToTensor"/> is not (one reader per thread).
/// </summary>
public sealed class DatasetReader
{
    private const SampleFlags KnownFlags = SampleFlags.FrameDropped | SampleFlags.LearnerInControl | SampleFlags.Perturbed | SampleFlags.LearnerFault;

    private readonly FrameToTensorConverter? _converter;

    private DatasetReader(string directory, DatasetManifest manifest)
    {
        Directory = directory;
        Manifest = manifest;
        if (manifest.Image is { } image)
        {
            _converter = new FrameToTensorConverter(image.Width, image.Height, FramePixelFormat.Rgb24,
                new FrameTensorSpec { OutputWidth = image.Width, OutputHeight = image.Height });
        }
    }

    public string Directory { get; }

    public DatasetManifest Manifest { get; }

    public int FeatureCount => Manifest.Features.Count;

    public int ActionCount => Manifest.Actions.Count;

    /// <summary>Bytes per image (0 without images).</summary>
    public int ImageBytes => Manifest.Image is { } i ? i.Width * i.Height * 3 : 0;

    /// <summary>Floats of one image tensor [3, Height, Width] (0 without images).</summary>
    public int ImageTensorLength => ImageBytes;

    /// <exception cref="DatasetFormatException">The manifest is bad or an episode file is missing or not samples x record_bytes long.</exception>
    public static DatasetReader Open(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DatasetFormatException($"{directory}: no such dataset folder");
        }

        var manifest = DatasetManifestJson.Read(Path.Combine(directory, DatasetManifest.FileName));
        foreach (DatasetEpisode e in manifest.Episodes)
        {
            string path = Path.Combine(directory, e.File);
            if (!File.Exists(path))
            {
                throw new DatasetFormatException($"{path}: missing, but {DatasetManifest.FileName} lists it with {e.Samples} samples");
            }

            long expected = (long)e.Samples * manifest.RecordBytes;
            long actual = new FileInfo(path).Length;
            if (actual != expected)
            {
                throw new DatasetFormatException(
                    $"{path}: {actual} bytes, expected {e.Samples} samples x {manifest.RecordBytes} bytes = {expected} ({(actual < expected ? "truncated" : "extra bytes")})");
            }
        }

        return new DatasetReader(directory, manifest);
    }

    /// <summary>The position of a feature in each record's feature block, or -1.</summary>
    public int FeatureIndex(string name)
    {
        for (int i = 0; i < Manifest.Features.Count; i++)
        {
            if (Manifest.Features[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads episode <paramref name="episode"/> (position in the manifest's list) into new arrays.</summary>
    public EpisodeData ReadEpisode(int episode)
    {
        DatasetEpisode e = EpisodeAt(episode);
        var data = new EpisodeData(e.Samples, FeatureCount, ActionCount, ImageBytes);
        ReadEpisode(episode, data.ElapsedSeconds, data.Features, data.Actions, MemoryMarshal.Cast<SampleFlags, byte>(data.Flags.AsSpan()), data.Images);
        return data;
    }

    /// <summary>
    /// Reads episode <paramref name="episode"/> into caller-owned spans sized samples, samples x features, samples x 4,
    /// samples and samples x image bytes (the last may be empty to skip images).
    /// </summary>
    public void ReadEpisode(int episode, Span<float> elapsedSeconds, Span<float> features, Span<float> actions, Span<byte> flags, Span<byte> images)
    {
        DatasetEpisode e = EpisodeAt(episode);
        int n = e.Samples;
        int f = FeatureCount, a = ActionCount, image = ImageBytes;
        if (elapsedSeconds.Length < n || features.Length < n * f || actions.Length < n * a || flags.Length < n || (images.Length != 0 && images.Length < n * image))
        {
            throw new ArgumentException($"episode {e.Index} has {n} samples: the buffers must hold {n}, {n * f}, {n * a}, {n} and {n * image} (or 0) values");
        }

        string path = Path.Combine(Directory, e.File);
        byte[] record = new byte[Manifest.RecordBytes];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: Math.Max(4096, 16 * record.Length));
        for (int s = 0; s < n; s++)
        {
            if (stream.ReadAtLeast(record, record.Length, throwOnEndOfStream: false) != record.Length)
            {
                throw new DatasetFormatException($"{path}: truncated at record {s} of {n}");
            }

            ReadOnlySpan<byte> r = record;
            float elapsed = BinaryPrimitives.ReadSingleLittleEndian(r);
            if (!float.IsFinite(elapsed) || elapsed < 0f)
            {
                throw new DatasetFormatException($"{path}: record {s}: elapsed seconds is {elapsed}; expected a finite value >= 0");
            }

            elapsedSeconds[s] = elapsed;
            int offset = 4;
            for (int i = 0; i < f; i++, offset += 4)
            {
                features[(s * f) + i] = BinaryPrimitives.ReadSingleLittleEndian(r[offset..]);
            }

            for (int i = 0; i < a; i++, offset += 4)
            {
                actions[(s * a) + i] = BinaryPrimitives.ReadSingleLittleEndian(r[offset..]);
            }

            byte flag = r[offset++];
            if ((flag & ~(byte)KnownFlags) != 0)
            {
                throw new DatasetFormatException($"{path}: record {s}: flags byte 0x{flag:X2} has unknown bits (known: 0x{(byte)KnownFlags:X2})");
            }

            flags[s] = flag;
            if (images.Length != 0)
            {
                r.Slice(offset, image).CopyTo(images.Slice(s * image, image));
            }
        }
    }

    /// <summary>
    /// Converts one stored RGB24 image to the float tensor [3, Height, Width] (v / 255) through the same
    /// <see cref="FrameToTensorConverter"/> evaluation feeds vision policies with.
    /// </summary>
    public void ImageToTensor(ReadOnlySpan<byte> rgb24, Span<float> tensorChw)
    {
        FrameToTensorConverter converter = _converter ?? throw new InvalidOperationException($"{Directory}: this dataset has no images");
        converter.Convert(rgb24, tensorChw);
    }

    private DatasetEpisode EpisodeAt(int episode)
    {
        if ((uint)episode >= (uint)Manifest.Episodes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(episode), episode, $"the dataset has {Manifest.Episodes.Count} episodes");
        }

        return Manifest.Episodes[episode];
    }
}
