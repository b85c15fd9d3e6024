namespace DroneLiquid.Sensors.Conversion;

/// <summary>
/// ITU-R BT.601 YCbCr to RGB, limited ("studio") range: Y 16..235, Cb and Cr 16..240, as UVC webcams send
/// YUYV. Derived from Kr = 0.299 and Kb = 0.114; results clamped to 0..255.
/// </summary>
public static class Bt601
{
    private const double Kr = 0.299, Kb = 0.114, Kg = 1 - Kr - Kb;

    /// <summary>Luma gain: 255 / 219.</summary>
    public const float LumaScale = (float)(255.0 / 219.0);

    /// <summary>Cr contribution to R: 255/224 · 2(1 − Kr).</summary>
    public const float CrToRed = (float)(255.0 / 224.0 * 2 * (1 - Kr));

    /// <summary>Cb contribution to G (negative): 255/224 · 2(1 − Kb) · Kb / Kg.</summary>
    public const float CbToGreen = (float)(255.0 / 224.0 * 2 * (1 - Kb) * Kb / Kg);

    /// <summary>Cr contribution to G (negative): 255/224 · 2(1 − Kr) · Kr / Kg.</summary>
    public const float CrToGreen = (float)(255.0 / 224.0 * 2 * (1 - Kr) * Kr / Kg);

    /// <summary>Cb contribution to B: 255/224 · 2(1 − Kb).</summary>
    public const float CbToBlue = (float)(255.0 / 224.0 * 2 * (1 - Kb));

    /// <summary>Converts one Y, Cb (U), Cr (V) triple (8-bit scale, may be fractional after resampling) to R, G, B in 0..255.</summary>
    public static void ToRgb(float y, float cb, float cr, out float r, out float g, out float b)
    {
        float l = LumaScale * (y - 16f);
        float u = cb - 128f;
        float v = cr - 128f;
        r = Math.Clamp(l + CrToRed * v, 0f, 255f);
        g = Math.Clamp(l - CbToGreen * u - CrToGreen * v, 0f, 255f);
        b = Math.Clamp(l + CbToBlue * u, 0f, 255f);
    }
}
