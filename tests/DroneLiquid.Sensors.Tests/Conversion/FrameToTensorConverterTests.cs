using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Conversion;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sensors.Tests.Conversion;

public class FrameToTensorConverterTests
{
    [Theory]
    [InlineData(ResizeMode.Area)]
    [InlineData(ResizeMode.Bilinear)]
    public void Yuyv_colour_bars_give_the_exact_BT601_tensor(ResizeMode resize)
    {
        var converter = new FrameToTensorConverter(640, 480, FramePixelFormat.Yuyv, ColourBars.Spec(resize: resize));
        var tensor = new float[converter.TensorLength];

        converter.Convert(ColourBars.Yuyv(640, 480), tensor);

        // 640 → 128 is 5:1, so each 80-pixel bar is exactly 16 tensor columns.
        for (int bar = 0; bar < 8; bar++)
        {
            var expected = ColourBars.ExpectedNormalised(bar, ColourBars.ImageNetMean, ColourBars.ImageNetStd);
            for (int c = 0; c < 3; c++)
            {
                for (int y = 0; y < 96; y++)
                {
                    for (int x = bar * 16; x < bar * 16 + 16; x++)
                    {
                        float actual = tensor[c * 96 * 128 + y * 128 + x];
                        Assert.True(Math.Abs(expected[c] - actual) <= 1e-5f, $"bar {bar} channel {c} at ({x}, {y}): expected {expected[c]}, got {actual}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Yuyv_100_percent_bars_are_the_pure_primaries()
    {
        var spec = new FrameTensorSpec { OutputWidth = 8, OutputHeight = 4 };
        var converter = new FrameToTensorConverter(64, 8, FramePixelFormat.Yuyv, spec);
        var tensor = new float[converter.TensorLength];

        converter.Convert(ColourBars.Yuyv(64, 8), tensor);

        for (int bar = 0; bar < 8; bar++)
        {
            var (r, g, b) = ColourBars.Rgb[bar];
            Assert.Equal(r / 255f, tensor[bar], 2);
            Assert.Equal(g / 255f, tensor[32 + bar], 2);
            Assert.Equal(b / 255f, tensor[64 + bar], 2);
        }
    }

    [Fact]
    public void Crop_selects_the_region_before_resizing()
    {
        // Bars 1..6 (yellow to blue), 480 × 480 → 96 × 96: each bar is 16 columns again.
        var spec = ColourBars.Spec(96, 96, crop: new CropRectangle(80, 0, 480, 480));
        var converter = new FrameToTensorConverter(640, 480, FramePixelFormat.Yuyv, spec);
        var tensor = new float[converter.TensorLength];

        converter.Convert(ColourBars.Yuyv(640, 480), tensor);

        for (int bar = 1; bar <= 6; bar++)
        {
            var expected = ColourBars.ExpectedNormalised(bar, ColourBars.ImageNetMean, ColourBars.ImageNetStd);
            Assert.Equal(expected[0], tensor[(bar - 1) * 16 + 8], 5);
            Assert.Equal(expected[2], tensor[2 * 96 * 96 + 50 * 96 + (bar - 1) * 16 + 3], 5);
        }
    }

    [Theory]
    [InlineData(ResizeMode.Area)]
    [InlineData(ResizeMode.Bilinear)]
    public void Rgb24_ramp_resamples_to_the_area_mean_and_the_pixel_centre(ResizeMode resize)
    {
        // R = x, G = 255 - x, B = 100 per row; 256 → 64 (4:1): area mean of 4o..4o+3 is 4o + 1.5, and the
        // bilinear sample at the output centre (4o + 1.5) is the same value.
        var frame = new byte[256 * 2 * 3];
        for (int y = 0; y < 2; y++)
        {
            for (int x = 0; x < 256; x++)
            {
                int i = (y * 256 + x) * 3;
                (frame[i], frame[i + 1], frame[i + 2]) = ((byte)x, (byte)(255 - x), 100);
            }
        }

        var converter = new FrameToTensorConverter(256, 2, FramePixelFormat.Rgb24, new FrameTensorSpec { OutputWidth = 64, OutputHeight = 1, Resize = resize });
        var tensor = new float[converter.TensorLength];

        converter.Convert(frame, tensor);

        for (int o = 0; o < 64; o++)
        {
            Assert.Equal((4 * o + 1.5f) / 255f, tensor[o], 1e-6f);
            Assert.Equal((255 - 4 * o - 1.5f) / 255f, tensor[64 + o], 1e-6f);
            Assert.Equal(100 / 255f, tensor[128 + o], 1e-6f);
        }
    }

    [Fact]
    public void Wrong_sizes_and_bad_crops_are_refused_with_both_numbers()
    {
        var converter = new FrameToTensorConverter(640, 480, FramePixelFormat.Yuyv, ColourBars.Spec());

        var frame = Assert.Throws<ArgumentException>(() => converter.Convert(new byte[1000], new float[converter.TensorLength]));
        Assert.Equal("Yuyv frame of 640x480 must be 614400 bytes; got 1000", frame.Message);

        var buffer = Assert.Throws<ArgumentException>(() => converter.Convert(new byte[614400], new float[10]));
        Assert.Equal("tensor buffer holds 10 floats; expected at least 36864 (3x96x128)", buffer.Message);

        var crop = Assert.Throws<ArgumentException>(() => new FrameToTensorConverter(640, 480, FramePixelFormat.Yuyv, ColourBars.Spec(crop: new CropRectangle(600, 0, 100, 100))));
        Assert.Equal("crop 100x100 at (600, 0) does not lie inside the 640x480 frame", crop.Message);

        var odd = Assert.Throws<ArgumentException>(() => new FrameToTensorConverter(640, 480, FramePixelFormat.Yuyv, ColourBars.Spec(crop: new CropRectangle(1, 0, 100, 100))));
        Assert.Contains("crop X (1) and crop width (100) must be even", odd.Message);
    }

    [Fact]
    public void Yuyv_conversion_allocates_nothing_per_frame()
    {
        var converter = new FrameToTensorConverter(640, 480, FramePixelFormat.Yuyv, ColourBars.Spec());
        var frame = ColourBars.Yuyv(640, 480);
        var tensor = new float[converter.TensorLength];
        converter.Convert(frame, tensor);

        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                converter.Convert(frame, tensor);
            }
        });
    }
}
