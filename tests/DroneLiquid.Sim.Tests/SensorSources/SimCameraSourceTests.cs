using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.SensorSources;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sim.Tests.SensorSources;

public class SimCameraSourceTests
{
    [Fact]
    public void FramesArriveAtTheCameraRateWithSimClockTimestampsAndTheRenderedPixels()
    {
        SimWorld world = CameraWorld();
        using var source = new SimCameraSource(world, new SimSourceOptions { CameraRateHz = 20 });
        Assert.Equal((64, 48, FramePixelFormat.Rgb24), (source.Width, source.Height, source.Format));
        source.Start();
        var expected = new byte[64 * 48 * 3];
        var depth = new float[64 * 48];
        long lastSequence = 0;
        for (int frame = 0; frame < 10; frame++)
        {
            CameraReading reading = source.AcquireLatest();
            Assert.True(reading.IsNew);
            Assert.Equal(lastSequence + 1, reading.Sequence);
            Assert.Equal(SimImuSourceTests.SimTimestamp(world, world.ElapsedSeconds), reading.Timestamp);
            Assert.Equal(SensorHealth.Ok, reading.Health);
            CameraFrame image = reading.Frame!;
            Assert.Equal((64, 48, FramePixelFormat.Rgb24, 64 * 48 * 3), (image.Width, image.Height, image.Format, image.Length));
            Assert.Equal((long)Math.Round(world.ElapsedSeconds * 1e6), image.SourceTimestampMicroseconds);
            world.RenderCamera(expected, depth);
            Assert.True(image.Data.SequenceEqual(expected), "the frame holds what the camera renders from this pose");
            lastSequence = reading.Sequence;

            world.Step(0.025);
            Assert.False(source.AcquireLatest().IsNew); // half a frame period: nothing new yet
            world.Step(0.025);
        }

        Assert.Equal(0.5, world.ElapsedSeconds, 9);
        Assert.Equal(new CameraCounters(10, 0, 0), source.Counters); // at 0, 0.05, ..., 0.45 s
        Assert.Equal(11, source.AcquireLatest().Sequence);           // the one due at 0.5 s renders on this acquire
    }

    [Fact]
    public void AFrameOlderThanTheAgeLimitIsStale()
    {
        SimWorld world = CameraWorld();
        using var source = new SimCameraSource(world, new SimSourceOptions { CameraRateHz = 5, StaleAfter = TimeSpan.FromMilliseconds(100), PumpOnRead = false });
        source.Start();
        world.Step(0.15);
        CameraReading reading = source.AcquireLatest();
        Assert.Equal(SensorHealth.Stale, reading.Health);
        Assert.Equal(0.15, reading.AgeSeconds, 6);
        world.Step(0.05);
        Assert.True(source.Pump());
        Assert.Equal(SensorHealth.Ok, source.AcquireLatest().Health);
    }

    [Fact]
    public void AScenarioWithoutACameraIsRefusedWithAMessage()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SimCameraSource(TestScenarios.Quiet()));
        Assert.Contains("no camera", ex.Message);
    }

    [Fact]
    public void SteadyStateAllocatesNothingPerFrame()
    {
        SimWorld world = CameraWorld();
        using var source = new SimCameraSource(world, new SimSourceOptions { CameraRateHz = 200 });
        source.Start();
        Allocations.AssertNonePerCall(() =>
        {
            world.Step(0.005);
            source.AcquireLatest();
        }, calls: 100, warmUp: 50);
        Assert.True(source.Counters.FramesPublished > 100);
    }

    private static SimWorld CameraWorld() =>
        new(TestScenarios.Empty(startAltitudeMetres: 5f) with { Camera = new CameraSpec(64, 48, 1.5f) },
            new SimWorldOptions { Noise = DroneLiquid.Sim.Sensors.SensorNoise.None });
}
