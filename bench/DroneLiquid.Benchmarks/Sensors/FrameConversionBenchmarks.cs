using BenchmarkDotNet.Attributes;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Conversion;

namespace DroneLiquid.Benchmarks.Sensors;

/// <summary>640×480 camera frame to a 128×96 normalised float CHW tensor (target: under 1 ms on one core).</summary>
[MemoryDiagnoser]
public class FrameConversionBenchmarks
{
    private readonly float[] _tensor = new float[3 * 128 * 96];
    private byte[] _yuyv = null!;
    private byte[] _jpeg = null!;
    private FrameToTensorConverter _area = null!, _bilinear = null!, _mjpeg = null!;

    [GlobalSetup]
    public void Setup()
    {
        // A natural-looking frame: smooth gradients plus a deterministic texture, so nothing is trivially uniform.
        _yuyv = new byte[640 * 480 * 2];
        for (int y = 0; y < 480; y++)
        {
            for (int x = 0; x < 640; x++)
            {
                int i = (y * 640 + x) * 2;
                _yuyv[i] = (byte)(16 + ((x + y) * 219 / 1120) + ((x * 7 + y * 13) % 9));
                _yuyv[i + 1] = (byte)((x & 1) == 0 ? 128 + (x - 320) / 4 : 128 + (y - 240) / 4);
            }
        }

        var spec = new FrameTensorSpec { Mean = [0.485f, 0.456f, 0.406f], Std = [0.229f, 0.224f, 0.225f] };
        _area = new FrameToTensorConverter(640, 480, FramePixelFormat.Yuyv, spec);
        _bilinear = new FrameToTensorConverter(640, 480, FramePixelFormat.Yuyv,
            new FrameTensorSpec { Resize = ResizeMode.Bilinear, Mean = spec.Mean, Std = spec.Std });
        _mjpeg = new FrameToTensorConverter(640, 480, FramePixelFormat.Mjpeg, spec);
        _jpeg = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Sensors", "colour-bars-640x480-q90-422.jpg"));
    }

    [Benchmark(Baseline = true, Description = "YUYV 640x480 -> 128x96 CHW, area")]
    public void YuyvArea() => _area.Convert(_yuyv, _tensor);

    [Benchmark(Description = "YUYV 640x480 -> 128x96 CHW, bilinear")]
    public void YuyvBilinear() => _bilinear.Convert(_yuyv, _tensor);

    [Benchmark(Description = "MJPEG 640x480 decode -> 128x96 CHW, area")]
    public void MjpegArea() => _mjpeg.Convert(_jpeg, _tensor);
}
