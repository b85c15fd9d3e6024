using DroneLiquid.Sensors.Conversion;

namespace DroneLiquid.Sensors.Tests.Conversion;

/// <summary>The eight 100 % colour bars, as BT.601 limited-range YCbCr (8 bit) and as the RGB they stand for.</summary>
internal static class ColourBars
{
    public static readonly (byte Y, byte Cb, byte Cr)[] YCbCr =
    [
        (235, 128, 128), // white
        (210, 16, 146), // yellow
        (170, 166, 16), // cyan
        (145, 54, 34), // green
        (106, 202, 222), // magenta
        (81, 90, 240), // red
        (41, 240, 110), // blue
        (16, 128, 128), // black
    ];

    public static readonly (byte R, byte G, byte B)[] Rgb =
    [
        (255, 255, 255), (255, 255, 0), (0, 255, 255), (0, 255, 0), (255, 0, 255), (255, 0, 0), (0, 0, 255), (0, 0, 0),
    ];

    public static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];
    public static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>A YUYV frame with eight equal vertical bars.</summary>
    public static byte[] Yuyv(int width, int height)
    {
        var frame = new byte[width * height * 2];
        int barWidth = width / 8;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x += 2)
            {
                var (luma, cb, cr) = YCbCr[x / barWidth];
                int i = (y * width + x) * 2;
                (frame[i], frame[i + 1], frame[i + 2], frame[i + 3]) = (luma, cb, luma, cr);
            }
        }

        return frame;
    }

    /// <summary>
    /// BT.601 limited range written out in double precision from its definition (Kr = 0.299, Kb = 0.114),
    /// independently of the code under test, then normalised.
    /// </summary>
    public static float[] ExpectedNormalised(int bar, float[] mean, float[] std)
    {
        var (y, cb, cr) = YCbCr[bar];
        const double kr = 0.299, kb = 0.114, kg = 1 - kr - kb;
        double l = (y - 16) * 255.0 / 219.0, u = (cb - 128) * 255.0 / 224.0, v = (cr - 128) * 255.0 / 224.0;
        double[] rgb =
        [
            l + 2 * (1 - kr) * v,
            l - 2 * (1 - kb) * kb / kg * u - 2 * (1 - kr) * kr / kg * v,
            l + 2 * (1 - kb) * u,
        ];
        var result = new float[3];
        for (int c = 0; c < 3; c++)
        {
            result[c] = (float)((Math.Clamp(rgb[c], 0, 255) / 255.0 - mean[c]) / std[c]);
        }

        return result;
    }

    public static FrameTensorSpec Spec(int width = 128, int height = 96, ResizeMode resize = ResizeMode.Area, CropRectangle? crop = null) => new()
    {
        OutputWidth = width,
        OutputHeight = height,
        Resize = resize,
        Crop = crop,
        Mean = ImageNetMean,
        Std = ImageNetStd,
    };
}
