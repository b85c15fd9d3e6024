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

    [Theory]
    [InlineData(0, 0, 640, 480, 128, 96, 4)] // decoded at 160x120, then area 1.25:1
    [InlineData(0, 0, 640, 480, 64, 48, 8)]
    [InlineData(80, 0, 480, 480, 96, 96, 4)]
    [InlineData(2, 0, 480, 480, 96, 96, 2)] // crop X only divides by 2
    [InlineData(0, 0, 640, 480, 400, 300, 1)] // the tensor is larger than half the frame
    public void Jpeg_is_decoded_at_the_largest_exact_reduction_that_keeps_the_tensor_size(int x, int y, int w, int h, int outW, int outH, int divisor)
    {
        Assert.Equal(divisor, MjpegDecoder.ChooseDivisor(640, 480, new CropRectangle(x, y, w, h), outW, outH));
    }

    [Fact]
    public void Cropped_mjpeg_bars_decode_within_tolerance()
    {
        // Bars 1..6 at 1/4 scale (120x120) → 96x96: each bar is 16 columns.
        var spec = ColourBars.Spec(96, 96, crop: new CropRectangle(80, 0, 480, 480));
        var converter = new FrameToTensorConverter(640, 480, FramePixelFormat.Mjpeg, spec);
        var tensor = new float[converter.TensorLength];

        converter.Convert(Fixture(), tensor);

        for (int bar = 1; bar <= 6; bar++)
        {
            var rgb = ColourBars.Rgb[bar];
            float red = tensor[40 * 96 + (bar - 1) * 16 + 8] * ColourBars.ImageNetStd[0] + ColourBars.ImageNetMean[0];
            Assert.True(Math.Abs(red - (rgb.R / 255f)) <= Tolerance, $"bar {bar}: red {red * 255:0.0}/255, expected {rgb.R}");
        }
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
