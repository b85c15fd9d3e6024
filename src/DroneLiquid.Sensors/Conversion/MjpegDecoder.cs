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
    private readonly SKImageInfo _info;

    public MjpegDecoder(int width, int height)
    {
        _info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
    }

    /// <summary>Decodes <paramref name="jpeg"/> into <paramref name="rgba"/> (width × height × 4 bytes, pinned).</summary>
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
            if (codec.Info.Width != _info.Width || codec.Info.Height != _info.Height)
            {
                throw new InvalidDataException($"MJPEG frame is {codec.Info.Width}x{codec.Info.Height}; the camera is configured for {_info.Width}x{_info.Height}");
            }

            var result = codec.GetPixels(_info, (IntPtr)destination);
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            {
                throw new InvalidDataException($"MJPEG frame of {jpeg.Length} bytes failed to decode: {result}");
            }
        }
    }
}
