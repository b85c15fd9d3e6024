using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Camera.Recorded;
using DroneLiquid.Sensors.Tests.Conversion;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Sensors.Tests.Camera.Recorded;

public sealed class RecordedFramesSourceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Directory.CreateTempSubdirectory("droneliquid-replay-").FullName, "flight");

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);

    [Fact]
    public void Replays_frames_with_their_recorded_intervals_on_the_injected_clock()
    {
        Record(timestampsMicroseconds: [1_000_000, 1_033_000, 1_100_000]);
        var clock = new FakeTimeProvider();
        using var replay = new RecordedFramesSource(_folder, timeProvider: clock);

        replay.Start();
        WaitFor(() => replay.Counters.FramesPublished == 1);
        Assert.Equal((8, 4, FramePixelFormat.Yuyv, 3), (replay.Width, replay.Height, replay.Format, replay.FrameCount));
        var first = replay.AcquireLatest();
        Assert.Equal(1_000_000, first.Frame!.SourceTimestampMicroseconds);
        Assert.Equal(0, first.Frame.Data[0] - 16); // frame 0 has Y = 16

        clock.Advance(TimeSpan.FromMilliseconds(32));
        Thread.Sleep(20);
        Assert.Equal(1, replay.Counters.FramesPublished); // 33 ms between the first two frames
        clock.Advance(TimeSpan.FromMilliseconds(1));
        WaitFor(() => replay.Counters.FramesPublished == 2);
        var second = replay.AcquireLatest();
        Assert.Equal(1_033_000, second.Frame!.SourceTimestampMicroseconds);
        Assert.Equal(clock.GetTimestamp(), second.Timestamp);

        clock.Advance(TimeSpan.FromMilliseconds(67));
        WaitFor(() => replay.Counters.FramesPublished == 3);

        // The end of a replay without looping looks like a camera that stopped: the last frame goes stale.
        clock.Advance(TimeSpan.FromSeconds(1));
        Thread.Sleep(20);
        Assert.Equal(3, replay.Counters.FramesPublished);
        Assert.Equal(SensorHealth.Stale, replay.AcquireLatest().Health);
    }

    [Fact]
    public void Looping_starts_over_after_the_last_frame()
    {
        Record(timestampsMicroseconds: [0, 10_000]);
        var clock = new FakeTimeProvider();
        using var replay = new RecordedFramesSource(_folder, loop: true, timeProvider: clock);
        replay.Start();
        WaitFor(() => replay.Counters.FramesPublished == 1);

        for (int i = 2; i <= 5; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            WaitFor(() => replay.Counters.FramesPublished == i);
        }

        Assert.Equal(0, replay.AcquireLatest().Frame!.SourceTimestampMicroseconds); // frames 1, 2, 1, 2, 1
    }

    [Fact]
    public void Recorded_colour_bars_convert_like_live_ones()
    {
        using (var writer = new RecordedFramesWriter(_folder))
        {
            writer.Append(ColourBars.Yuyv(640, 480), 640, 480, FramePixelFormat.Yuyv, 0);
        }

        using var replay = new RecordedFramesSource(_folder, timeProvider: new FakeTimeProvider());
        replay.Start();
        WaitFor(() => replay.Counters.FramesPublished == 1);
        var converter = new Sensors.Conversion.FrameToTensorConverter(replay.Width, replay.Height, replay.Format, ColourBars.Spec());
        var tensor = new float[converter.TensorLength];

        converter.Convert(replay.AcquireLatest().Frame!.Data, tensor);

        Assert.Equal(ColourBars.ExpectedNormalised(5, ColourBars.ImageNetMean, ColourBars.ImageNetStd)[0], tensor[5 * 16 + 3], 5);
    }

    [Fact]
    public void Damaged_recordings_name_the_file_and_line()
    {
        Record(timestampsMicroseconds: [0, 5]);
        File.WriteAllBytes(Path.Combine(_folder, "000002.yuyv"), new byte[10]);
        using var shortFrame = new RecordedFramesSource(_folder);
        var ex = Assert.Throws<SensorStartException>(shortFrame.Start);
        Assert.Equal($"recording '{_folder}': '000002.yuyv' holds 10 bytes; a 8x4 Yuyv frame is 64", ex.Message);

        File.AppendAllText(Path.Combine(_folder, RecordedFrameIndex.FileName), "3,1,8,4,bayer,000003.raw\n");
        using var badFormat = new RecordedFramesSource(_folder);
        var format = Assert.Throws<SensorStartException>(badFormat.Start);
        Assert.EndsWith("frames.csv' line 5: format is 'bayer'; allowed: yuyv, mjpeg, rgb24", format.Message);
    }

    private void Record(long[] timestampsMicroseconds)
    {
        using var writer = new RecordedFramesWriter(_folder);
        for (int i = 0; i < timestampsMicroseconds.Length; i++)
        {
            var frame = new byte[8 * 4 * 2];
            for (int p = 0; p < frame.Length; p += 2)
            {
                (frame[p], frame[p + 1]) = ((byte)(16 + i), 128);
            }

            writer.Append(frame, 8, 4, FramePixelFormat.Yuyv, timestampsMicroseconds[i]);
        }
    }

    private static void WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the replay thread did not publish in time");
            Thread.Sleep(1);
        }
    }
}
