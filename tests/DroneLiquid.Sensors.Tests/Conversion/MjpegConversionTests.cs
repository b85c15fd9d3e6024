using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Conversion;
using Xunit.Abstractions;

namespace DroneLiquid.Sensors.Tests.Conversion;

/// <summary>MJPEG colour bars (fixture encoded once with SkiaSharp, quality 90, 4:2:2) through the decoder and the converter.</summary>
public class MjpegConversionTests(ITestOutputHelper output)
{
    /// <summary>JPEG is lossy: bar interiors must be within 3/255 of the true colour on the 0..1 scale.</summary>
    private const float Tolerance = 3f / 255f;

    private static byte[] Fixture() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "colour-bars-640x480-q90-422.jpg"));

    [Fact]
    public void Mjpeg_colour_bars_decode_to_the_bar_colours_within_tolerance()
    {
        var converter = new FrameToTensorConverter(640, 480, FramePixelFormat.Mjpeg, ColourBars.Spec());
        var tensor = new float[converter.TensorLength];

        converter.Convert(Fixture(), tensor);

        float worst = 0;
        for (int bar = 0; bar < 8; bar++)
        {
            var rgb = ColourBars.Rgb[bar];
            float[] expected = [rgb.R / 255f, rgb.G / 255f, rgb.B / 255f];
            for (int c = 0; c < 3; c++)
            {
                for (int y = 0; y < 96; y++)
                {
                    // Skip the column on each side of a bar edge, where JPEG's chroma subsampling and DCT ringing blend colours.
                    for (int x = bar * 16 + 1; x < bar * 16 + 15; x++)
                    {
                        float value = tensor[c * 96 * 128 + y * 128 + x] * ColourBars.ImageNetStd[c] + ColourBars.ImageNetMean[c];
                        worst = Math.Max(worst, Math.Abs(value - expected[c]));
                    }
                }
            }
        }

        output.WriteLine($"largest bar-interior error: {worst * 255:0.00}/255");
        Assert.True(worst <= Tolerance, $"largest error {worst * 255:0.00}/255 exceeds 3/255");
    }

    [Fact]
    public void A_frame_that_is_not_a_jpeg_names_what_it_found()
    {
        var converter = new FrameToTensorConverter(640, 480, FramePixelFormat.Mjpeg, ColourBars.Spec());

        var ex = Assert.Throws<InvalidDataException>(() => converter.Convert(new byte[] { 0, 1, 2, 3, 4 }, new float[converter.TensorLength]));

        Assert.Equal("MJPEG frame of 5 bytes does not start with a JPEG SOI marker (FF D8)", ex.Message);
    }

    [Fact]
    public void A_jpeg_of_another_size_is_refused()
    {
        var converter = new FrameToTensorConverter(320, 240, FramePixelFormat.Mjpeg, ColourBars.Spec());

        var ex = Assert.Throws<InvalidDataException>(() => converter.Convert(Fixture(), new float[converter.TensorLength]));

        Assert.Equal("MJPEG frame is 640x480; the camera is configured for 320x240", ex.Message);
    }

    [Fact]
    public void Mjpeg_decode_allocates_only_small_wrappers_and_no_pixels()
    {
        var converter = new FrameToTensorConverter(640, 480, FramePixelFormat.Mjpeg, ColourBars.Spec());
        var jpeg = Fixture();
        var tensor = new float[converter.TensorLength];
        for (int i = 0; i < 5; i++)
        {
            converter.Convert(jpeg, tensor);
        }

        const int Frames = 50;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Frames; i++)
        {
            converter.Convert(jpeg, tensor);
        }

        long perFrame = (GC.GetAllocatedBytesForCurrentThread() - before) / Frames;
        output.WriteLine($"MJPEG: {perFrame} bytes allocated per frame (SkiaSharp handle wrappers)");
        Assert.InRange(perFrame, 0, 1024); // a decoded 640x480 frame would be 1 228 800 bytes
    }
}
