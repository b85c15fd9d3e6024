using SkiaSharp;

namespace DroneLiquid.Sensors.Conversion;

/// <summary>
/// Decodes one MJPEG frame with SkiaSharp (libjpeg-turbo inside Skia) straight into a caller-owned, pinned RGBA
/// buffer: the pixels are never copied into managed objects. Skia needs a small native codec object per frame,
/// and SkiaSharp wraps each in a managed handle object, so a decode allocates a few hundred bytes of wrappers
/// (measured in the tests; no pixel data). There is no decoder on NuGet here that reuses its state across
/// images without allocating; this is the smallest cost found.
/// </summary>
internal sealed unsafe class MjpegDecoder
{
    private readonly int _width, _height;
    private readonly SKImageInfo _info;

    /// <summary>A decoder for <paramref name="width"/>×<paramref name="height"/> JPEGs, decoded at 1/<paramref name="divisor"/> of that size.</summary>
    public MjpegDecoder(int width, int height, int divisor)
    {
        (_width, _height) = (width, height);
        _info = new SKImageInfo(width / divisor, height / divisor, SKColorType.Rgba8888, SKAlphaType.Opaque);
    }

    /// <summary>
    /// The largest of 8, 4, 2 (else 1) that divides the frame and the crop exactly and leaves the crop at least
    /// as large as the tensor: libjpeg-turbo then decodes straight to the reduced size.
    /// </summary>
    public static int ChooseDivisor(int width, int height, Conversion.CropRectangle crop, int outputWidth, int outputHeight)
    {
        foreach (int d in (ReadOnlySpan<int>)[8, 4, 2])
        {
            bool exact = width % d == 0 && height % d == 0 && crop.X % d == 0 && crop.Y % d == 0 && crop.Width % d == 0 && crop.Height % d == 0;
            if (exact && crop.Width / d >= outputWidth && crop.Height / d >= outputHeight)
            {
                return d;
            }
        }

        return 1;
    }

    /// <summary>Decodes <paramref name="jpeg"/> into <paramref name="rgba"/> (the reduced width × height × 4 bytes, pinned).</summary>
    public void Decode(ReadOnlySpan<byte> jpeg, byte[] rgba)
    {
        if (jpeg.Length < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8)
        {
            throw new InvalidDataException($"MJPEG frame of {jpeg.Length} bytes does not start with a JPEG SOI marker (FF D8)");
        }

        fixed (byte* source = jpeg)
        fixed (byte* destination = rgba)
        {
            using var data = SKData.Create((IntPtr)source, jpeg.Length);
            using var codec = SKCodec.Create(data)
                ?? throw new InvalidDataException($"MJPEG frame of {jpeg.Length} bytes is not a decodable JPEG");
            if (codec.Info.Width != _width || codec.Info.Height != _height)
            {
                throw new InvalidDataException($"MJPEG frame is {codec.Info.Width}x{codec.Info.Height}; the camera is configured for {_width}x{_height}");
            }

            var result = codec.GetPixels(_info, (IntPtr)destination);
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            {
                throw new InvalidDataException($"MJPEG frame of {jpeg.Length} bytes failed to decode: {result}");
            }
        }
    }
}
