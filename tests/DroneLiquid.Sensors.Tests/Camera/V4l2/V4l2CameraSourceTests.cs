using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Camera.V4l2;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Sensors.Tests.Camera.V4l2;

/// <summary>The V4L2 adapter up to the device boundary: no /dev/video exists in CI.</summary>
public sealed class V4l2CameraSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("droneliquid-v4l2-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_missing_device_is_one_error_naming_the_path()
    {
        using var camera = new V4l2CameraSource(new V4l2CameraOptions { DevicePath = "/dev/video97" });

        var ex = Assert.Throws<SensorStartException>(camera.Start);

        Assert.StartsWith("camera device '/dev/video97' does not exist", ex.Message);
    }

    [Fact]
    public void A_dangling_by_id_link_names_link_and_target()
    {
        string link = Path.Combine(_folder, "usb-Camera-video-index0");
        File.CreateSymbolicLink(link, "/dev/video96");

        using var camera = new V4l2CameraSource(new V4l2CameraOptions { DevicePath = link });
        var ex = Assert.Throws<SensorStartException>(camera.Start);

        Assert.Equal($"camera device '{link}' is a link to '/dev/video96', which does not exist", ex.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_device_node_is_refused_before_the_binding_touches_it()
    {
        string file = Path.Combine(_folder, "video0");
        File.WriteAllText(file, "not a camera");

        using var camera = new V4l2CameraSource(new V4l2CameraOptions { DevicePath = file });
        var ex = Assert.Throws<SensorStartException>(camera.Start);

        Assert.Contains("which is not a V4L2 device node (/dev/videoN)", ex.Message);
    }

    [Fact]
    public void Bad_options_are_refused_with_every_reason()
    {
        var ex = Assert.Throws<ArgumentException>(() => new V4l2CameraSource(new V4l2CameraOptions { DevicePath = "", Width = 641, PixelFormat = FramePixelFormat.Yuyv }));

        Assert.Contains("Sensors:Camera:DevicePath is empty", ex.Message);
        Assert.Contains("Sensors:Camera:Width is 641; YUYV needs an even width", ex.Message);
    }

    [Fact]
    public void The_options_validator_reports_for_service_start()
    {
        var result = new V4l2CameraOptionsValidator().Validate(null, new V4l2CameraOptions { PixelFormat = FramePixelFormat.Rgb24, StaleAfter = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Equal(["Sensors:Camera:PixelFormat is Rgb24; allowed: Yuyv, Mjpeg", "Sensors:Camera:StaleAfter is 0 ms; expected more than 0"], result.Failures);
    }

    [Fact]
    public void Frames_from_the_binding_are_stamped_pooled_and_the_newest_wins()
    {
        var clock = new FakeTimeProvider();
        using var camera = new V4l2CameraSource(new V4l2CameraOptions { Width = 4, Height = 2 }, clock);
        var frame = new byte[64];

        frame.AsSpan(0, 16).Fill(1);
        camera.OnFrame(frame, 16, returnToPool: false);
        clock.Advance(TimeSpan.FromMilliseconds(33));
        frame.AsSpan(0, 16).Fill(2);
        camera.OnFrame(frame, 16, returnToPool: false);
        camera.OnFrame(frame, 15, returnToPool: false); // a short transfer
        clock.Advance(TimeSpan.FromMilliseconds(10));

        var reading = camera.AcquireLatest();
        Assert.True(reading.IsNew);
        Assert.Equal(2, reading.Sequence);
        Assert.Equal(16, reading.Frame!.Length);
        Assert.Equal(2, reading.Frame.Data[15]);
        Assert.Equal(0.010, reading.AgeSeconds, 9);
        Assert.Equal(SensorHealth.Ok, reading.Health);
        Assert.Equal(new CameraCounters(2, 1, 1), camera.Counters);

        clock.Advance(TimeSpan.FromMilliseconds(200));
        var stale = camera.AcquireLatest();
        Assert.False(stale.IsNew);
        Assert.Equal(SensorHealth.Stale, stale.Health);
    }

    [Fact]
    public void Mjpeg_frames_must_look_like_jpeg()
    {
        using var camera = new V4l2CameraSource(new V4l2CameraOptions { PixelFormat = FramePixelFormat.Mjpeg }, new FakeTimeProvider());

        camera.OnFrame([0xFF, 0xD8, 0xFF, 0xE0, 1, 2], 6, returnToPool: false);
        camera.OnFrame([0x00, 0x00, 0xFF, 0xE0], 4, returnToPool: false);

        Assert.Equal(new CameraCounters(1, 0, 1), camera.Counters);
        Assert.Equal(6, camera.AcquireLatest().Frame!.Length);
    }
}
