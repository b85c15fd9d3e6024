using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using DroneLiquid.Sensors.Camera;

namespace DroneLiquid.Sensors.Conversion;

/// <summary>
/// Turns a camera frame into the policy's input tensor: crop, resize (area or bilinear), colour conversion
/// (YUYV BT.601 or decoded MJPEG to RGB), per-channel normalisation and HWC → CHW, into a caller-owned float
/// buffer. Everything is allocated in the constructor; <see cref="Convert"/> allocates nothing for YUYV and RGB24
/// (MJPEG: see <see cref="MjpegDecoder"/>).
/// </summary>
/// <remarks>
/// Resampling is separable and done on the source's own samples, before colour conversion, as video scalers do:
/// a vertical pass widens the rows a tensor row covers from bytes to floats and sums them with their weights
/// (SIMD over the whole row); a horizontal pass gathers each output pixel's taps from that row through
/// precomputed index tables. For YUYV the two pixels of a pair share their Cb/Cr, so chroma is resampled from
/// the pair's values. Only the output pixels are colour-converted and normalised.
/// </remarks>
public sealed class FrameToTensorConverter
{
    private readonly int _inputWidth, _inputHeight, _outputWidth, _outputHeight, _cropY;
    private readonly FramePixelFormat _format;
    private readonly int _sourceRowBytes, _cropOffsetBytes, _cropRowBytes, _expectedFrameBytes;
    private readonly ResampleAxis _vertical;
    private readonly int[] _tapStart, _tapCount, _tapIndex0, _tapIndex1, _tapIndex2;
    private readonly float[] _tapWeight;
    private readonly float[] _rowAccumulator;
    private readonly float[] _scale = new float[3], _bias = new float[3];
    private readonly MjpegDecoder? _decoder;
    private readonly byte[]? _decoded;

    /// <summary>Prepares a conversion of <paramref name="inputWidth"/>×<paramref name="inputHeight"/> frames in <paramref name="format"/> to <paramref name="spec"/>.</summary>
    public FrameToTensorConverter(int inputWidth, int inputHeight, FramePixelFormat format, FrameTensorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var crop = spec.Crop ?? new CropRectangle(0, 0, inputWidth, inputHeight);
        Validate(inputWidth, inputHeight, format, spec, crop);
        (_inputWidth, _inputHeight, _format) = (inputWidth, inputHeight, format);
        (_outputWidth, _outputHeight) = (spec.OutputWidth, spec.OutputHeight);

        // JPEG can be decoded at 1/2, 1/4 or 1/8 size in the DCT domain, which is several times cheaper than a
        // full decode; the largest reduction that keeps the crop exact and at least the tensor size is used.
        int decodeDivisor = format == FramePixelFormat.Mjpeg ? MjpegDecoder.ChooseDivisor(inputWidth, inputHeight, crop, spec.OutputWidth, spec.OutputHeight) : 1;
        int sourceWidth = inputWidth / decodeDivisor, sourceHeight = inputHeight / decodeDivisor;
        crop = new CropRectangle(crop.X / decodeDivisor, crop.Y / decodeDivisor, crop.Width / decodeDivisor, crop.Height / decodeDivisor);
        _cropY = crop.Y;

        // After an MJPEG decode the source is RGBA; YUYV is 2 bytes per pixel, RGB24 3.
        int bytesPerPixel = format switch { FramePixelFormat.Yuyv => 2, FramePixelFormat.Rgb24 => 3, _ => 4 };
        _sourceRowBytes = sourceWidth * bytesPerPixel;
        _cropOffsetBytes = crop.X * bytesPerPixel;
        _cropRowBytes = crop.Width * bytesPerPixel;
        _expectedFrameBytes = format == FramePixelFormat.Mjpeg ? 0 : _sourceRowBytes * sourceHeight;
        _rowAccumulator = GC.AllocateArray<float>(_cropRowBytes, pinned: true);
        _vertical = ResampleAxis.Create(crop.Height, spec.OutputHeight, spec.Resize);

        var horizontal = ResampleAxis.Create(crop.Width, spec.OutputWidth, spec.Resize);
        (_tapStart, _tapCount, _tapWeight) = (horizontal.Start, horizontal.Count, horizontal.Weight);
        int taps = horizontal.Index.Length;
        (_tapIndex0, _tapIndex1, _tapIndex2) = (new int[taps], new int[taps], new int[taps]);
        for (int t = 0; t < taps; t++)
        {
            int p = horizontal.Index[t];
            if (format == FramePixelFormat.Yuyv)
            {
                // Y of pixel p; Cb and Cr of its pair (crop X is even, so pairs stay aligned).
                (_tapIndex0[t], _tapIndex1[t], _tapIndex2[t]) = (2 * p, 4 * (p >> 1) + 1, 4 * (p >> 1) + 3);
            }
            else
            {
                (_tapIndex0[t], _tapIndex1[t], _tapIndex2[t]) = (bytesPerPixel * p, bytesPerPixel * p + 1, bytesPerPixel * p + 2);
            }
        }

        for (int c = 0; c < 3; c++)
        {
            // (v / 255 - mean) / std  ==  v * scale + bias
            _scale[c] = 1f / (255f * spec.Std[c]);
            _bias[c] = -spec.Mean[c] / spec.Std[c];
        }

        if (format == FramePixelFormat.Mjpeg)
        {
            _decoder = new MjpegDecoder(inputWidth, inputHeight, decodeDivisor);
            _decoded = GC.AllocateUninitializedArray<byte>(_sourceRowBytes * sourceHeight, pinned: true);
        }
    }

    /// <summary>Floats <see cref="Convert"/> writes: 3 × output height × output width.</summary>
    public int TensorLength => 3 * _outputWidth * _outputHeight;

    /// <summary>
    /// Converts <paramref name="frame"/> into <paramref name="tensorChw"/> (R plane, G plane, B plane).
    /// Throws <see cref="ArgumentException"/> for a frame or buffer of the wrong size, and
    /// <see cref="InvalidDataException"/> for an MJPEG frame that does not decode.
    /// </summary>
    public void Convert(ReadOnlySpan<byte> frame, Span<float> tensorChw)
    {
        if (tensorChw.Length < TensorLength)
        {
            ThrowDestinationTooShort(tensorChw.Length);
        }

        ReadOnlySpan<byte> source = frame;
        if (_decoder is not null)
        {
            _decoder.Decode(frame, _decoded!);
            source = _decoded;
        }
        else if (frame.Length != _expectedFrameBytes)
        {
            ThrowWrongFrameSize(frame.Length);
        }

        int plane = _outputWidth * _outputHeight;
        Span<float> red = tensorChw[..plane], green = tensorChw.Slice(plane, plane), blue = tensorChw.Slice(2 * plane, plane);
        bool yuv = _format == FramePixelFormat.Yuyv;
        for (int oy = 0; oy < _outputHeight; oy++)
        {
            AccumulateRows(source, oy);
            int rowBase = oy * _outputWidth;
            for (int ox = 0; ox < _outputWidth; ox++)
            {
                GatherPixel(ox, out float c0, out float c1, out float c2);
                if (yuv)
                {
                    Bt601.ToRgb(c0, c1, c2, out c0, out c1, out c2);
                }

                red[rowBase + ox] = c0 * _scale[0] + _bias[0];
                green[rowBase + ox] = c1 * _scale[1] + _bias[1];
                blue[rowBase + ox] = c2 * _scale[2] + _bias[2];
            }
        }
    }

    private void AccumulateRows(ReadOnlySpan<byte> source, int outputRow)
    {
        int first = _vertical.Start[outputRow];
        int count = _vertical.Count[outputRow];
        for (int k = 0; k < count; k++)
        {
            int sourceRow = _cropY + _vertical.Index[first + k];
            var row = source.Slice(sourceRow * _sourceRowBytes + _cropOffsetBytes, _cropRowBytes);
            AccumulateRow(row, _rowAccumulator, _vertical.Weight[first + k], overwrite: k == 0);
        }
    }

    /// <summary>acc = w·row (overwrite) or acc += w·row, widening bytes to floats a SIMD register at a time.</summary>
    internal static void AccumulateRow(ReadOnlySpan<byte> row, Span<float> accumulator, float weight, bool overwrite)
    {
        ref byte src = ref MemoryMarshal.GetReference(row);
        ref float acc = ref MemoryMarshal.GetReference(accumulator);
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int step = Vector<byte>.Count, lanes = Vector<float>.Count;
            var w = new Vector<float>(weight);
            for (; i <= row.Length - step; i += step)
            {
                Vector.Widen(Vector.LoadUnsafe(ref src, (nuint)i), out Vector<ushort> low, out Vector<ushort> high);
                Vector.Widen(low, out Vector<uint> q0, out Vector<uint> q1);
                Vector.Widen(high, out Vector<uint> q2, out Vector<uint> q3);
                Store(ref acc, i, Vector.ConvertToSingle(q0) * w, overwrite);
                Store(ref acc, i + lanes, Vector.ConvertToSingle(q1) * w, overwrite);
                Store(ref acc, i + 2 * lanes, Vector.ConvertToSingle(q2) * w, overwrite);
                Store(ref acc, i + 3 * lanes, Vector.ConvertToSingle(q3) * w, overwrite);
            }
        }

        for (; i < row.Length; i++)
        {
            float v = Unsafe.Add(ref src, i) * weight;
            Unsafe.Add(ref acc, i) = overwrite ? v : Unsafe.Add(ref acc, i) + v;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float acc, int offset, Vector<float> value, bool overwrite)
    {
        if (!overwrite)
        {
            value += Vector.LoadUnsafe(ref acc, (nuint)offset);
        }

        value.StoreUnsafe(ref acc, (nuint)offset);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void GatherPixel(int outputColumn, out float c0, out float c1, out float c2)
    {
        ref float acc = ref MemoryMarshal.GetArrayDataReference(_rowAccumulator);
        int t = _tapStart[outputColumn], end = t + _tapCount[outputColumn];
        c0 = c1 = c2 = 0f;
        for (; t < end; t++)
        {
            float w = _tapWeight[t];
            c0 += w * Unsafe.Add(ref acc, _tapIndex0[t]);
            c1 += w * Unsafe.Add(ref acc, _tapIndex1[t]);
            c2 += w * Unsafe.Add(ref acc, _tapIndex2[t]);
        }
    }

    private static void Validate(int width, int height, FramePixelFormat format, FrameTensorSpec spec, CropRectangle crop)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentException($"input size is {width}x{height}; expected positive width and height");
        }

        if (spec.OutputWidth <= 0 || spec.OutputHeight <= 0)
        {
            throw new ArgumentException($"tensor size is {spec.OutputWidth}x{spec.OutputHeight}; expected positive width and height");
        }

        if (crop.X < 0 || crop.Y < 0 || crop.Width <= 0 || crop.Height <= 0 || crop.X + crop.Width > width || crop.Y + crop.Height > height)
        {
            throw new ArgumentException($"crop {crop.Width}x{crop.Height} at ({crop.X}, {crop.Y}) does not lie inside the {width}x{height} frame");
        }

        if (format == FramePixelFormat.Yuyv && (crop.X % 2 != 0 || crop.Width % 2 != 0 || width % 2 != 0))
        {
            throw new ArgumentException($"YUYV stores pixels in pairs: frame width ({width}), crop X ({crop.X}) and crop width ({crop.Width}) must be even");
        }

        if (spec.Mean is not { Length: 3 } || spec.Std is not { Length: 3 })
        {
            throw new ArgumentException($"normalisation needs 3 means and 3 standard deviations (R, G, B); got {spec.Mean?.Length ?? 0} and {spec.Std?.Length ?? 0}");
        }

        foreach (float s in spec.Std)
        {
            if (!(s > 0) || !float.IsFinite(s))
            {
                throw new ArgumentException($"normalisation standard deviations must be positive and finite; got [{string.Join(", ", spec.Std)}]");
            }
        }

        if (!Enum.IsDefined(format))
        {
            throw new ArgumentException($"pixel format {format} is not supported; supported: {string.Join(", ", Enum.GetNames<FramePixelFormat>())}");
        }
    }

    private void ThrowWrongFrameSize(int actual) =>
        throw new ArgumentException($"{_format} frame of {_inputWidth}x{_inputHeight} must be {_expectedFrameBytes} bytes; got {actual}");

    private void ThrowDestinationTooShort(int actual) =>
        throw new ArgumentException($"tensor buffer holds {actual} floats; expected at least {TensorLength} (3x{_outputHeight}x{_outputWidth})");
}
