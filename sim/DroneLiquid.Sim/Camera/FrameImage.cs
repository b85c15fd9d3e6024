using SkiaSharp;

namespace DroneLiquid.Sim.Camera;

/// <summary>Saves a rendered RGB24 frame as a PNG (through SkiaSharp's encoder), for looking at what the camera sees.</summary>
public static class FrameImage
{
    public static void SavePng(string path, ReadOnlySpan<byte> rgb24, int widthPixels, int heightPixels)
    {
        if (rgb24.Length < widthPixels * heightPixels * 3)
        {
            throw new ArgumentException($"rgb24 must hold {widthPixels * heightPixels * 3} bytes, got {rgb24.Length}", nameof(rgb24));
        }

        using var bitmap = new SKBitmap(widthPixels, heightPixels, SKColorType.Rgba8888, SKAlphaType.Opaque);
        for (int y = 0; y < heightPixels; y++)
        {
            for (int x = 0; x < widthPixels; x++)
            {
                int i = ((y * widthPixels) + x) * 3;
                bitmap.SetPixel(x, y, new SKColor(rgb24[i], rgb24[i + 1], rgb24[i + 2]));
            }
        }

        using SKData data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        using FileStream file = File.Create(path);
        data.SaveTo(file);
    }
}
