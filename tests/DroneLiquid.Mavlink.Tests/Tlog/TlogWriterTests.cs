using DroneLiquid.Mavlink.Tests.Fakes;
using DroneLiquid.Mavlink.Tlog;
using Microsoft.Extensions.Time.Testing;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Mavlink.Tests.Tlog;

public class TlogWriterTests
{
    [Fact]
    public void WritingTheIndexReproducesSampleTlogByteForByte()
    {
        var output = new MemoryStream();
        using (var writer = new TlogWriter(output, new FakeTimeProvider(), leaveOpen: true))
        {
            foreach (var entry in SampleTlog.Index)
            {
                Assert.True(writer.Write(entry.TimestampMicroseconds, entry.Frame));
            }
        }

        Assert.Equal(SampleTlog.Bytes, output.ToArray());
    }

    [Fact]
    public void RecordsReachTheStreamOnTheFlushSchedule()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_718_000_000));
        var stream = new FakeFailingStream();
        using var writer = new TlogWriter(stream, clock, TimeSpan.FromMilliseconds(500), leaveOpen: true);
        byte[] heartbeat = SampleTlog.Index[3].Frame;

        Assert.True(writer.Write(heartbeat));
        Assert.Equal(0, stream.Length);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(0, stream.Length);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(8 + heartbeat.Length, stream.Length);
        Assert.Equal(1, stream.StreamFlushes);

        // The timestamp is the clock's time in microseconds, big-endian.
        Assert.Equal(1_718_000_000_000_000UL, TlogFormat.ReadTimestamp(stream.ToArray()));
    }

    [Fact]
    public void AFailedFlushIsCountedAndRetriedWithoutLosingRecords()
    {
        var clock = new FakeTimeProvider();
        var stream = new FakeFailingStream { Failing = true };
        using var writer = new TlogWriter(stream, clock, TimeSpan.FromSeconds(1), leaveOpen: true);
        byte[] frame = SampleTlog.Index[1].Frame;
        writer.Write(1, frame);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, writer.Errors);
        Assert.IsType<IOException>(writer.LastError);

        stream.Failing = false;
        writer.Write(2, frame);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2 * (8 + frame.Length), stream.Length);
    }

    [Fact]
    public void SomethingThatIsNotOneFrameIsRefused()
    {
        using var writer = new TlogWriter(new MemoryStream(), new FakeTimeProvider());
        byte[] frame = SampleTlog.Index[0].Frame;
        var tooLong = Assert.Throws<ArgumentException>(() => writer.Write(1, frame.Concat(new byte[] { 0 }).ToArray()));
        Assert.Contains($"got {frame.Length + 1} bytes whose header says {frame.Length}", tooLong.Message);
        Assert.Throws<ArgumentException>(() => writer.Write(1, new byte[] { 0x55, 1, 2 }));
    }

    [Fact]
    public void WritingAllocatesNothingAfterStartUp()
    {
        var stream = new MemoryStream(capacity: 4 << 20);
        using var writer = new TlogWriter(stream, new FakeTimeProvider(), leaveOpen: true);
        byte[] frame = SampleTlog.Index[0].Frame;
        for (int i = 0; i < 2_000; i++)
        {
            writer.Write(frame); // more than one buffer: the write-out path is warm too
        }

        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                writer.Write(frame);
            }
        });
    }
}
