using DroneLiquid.Mavlink.Tlog;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Mavlink.Tests.Tlog;

public class TlogReaderTests
{
    [Fact]
    public void SampleTlogReadsToItsIndex()
    {
        using var reader = new TlogReader(File.OpenRead(SampleTlog.TlogPath));
        int i = 0;
        while (reader.TryReadNext(out var record))
        {
            var expected = SampleTlog.Index[i++];
            Assert.Equal(expected.Offset, record.Offset);
            Assert.Equal(expected.TimestampMicroseconds, record.TimestampMicroseconds);
            Assert.True(expected.Frame.AsSpan().SequenceEqual(record.Frame), $"record {expected.Index} frame differs");
        }

        Assert.Equal(2000, i);
        Assert.Equal(2000, reader.Records);
        Assert.Equal(0, reader.SkippedBytes);
        Assert.Equal(0, reader.Resyncs);
        Assert.Equal(0, reader.TruncatedBytes);
    }

    [Fact]
    public void GarbageBetweenRecordsIsSkippedAndCounted()
    {
        var index = SampleTlog.Index;
        var damaged = new MemoryStream();
        var garbage = new byte[] { 0xFD, 0x05, 0x00, 0x11, 0xFE, 0x22, 0x33, 0xFD, 0xFD, 0x01, 0x00, 0x00, 0x07 };
        int garbageRuns = 0;
        for (int i = 0; i < 200; i++)
        {
            WriteRecord(damaged, index[i]);
            if (i % 25 == 3)
            {
                damaged.Write(garbage);
                garbageRuns++;
            }
        }

        var frames = ReadAll(damaged.ToArray(), out var reader);
        Assert.Equal(index.Take(200).Select(e => Convert.ToHexString(e.Frame)), frames.Select(Convert.ToHexString));
        Assert.Equal(garbageRuns, reader.Resyncs);
        Assert.Equal(garbageRuns * garbage.Length, reader.SkippedBytes);
    }

    [Fact]
    public void ARecordCutShortLosesOnlyItself()
    {
        var index = SampleTlog.Index;
        var damaged = new MemoryStream();
        for (int i = 0; i < 50; i++)
        {
            if (i == 20)
            {
                damaged.Write(RecordBytes(index[i]).AsSpan(0, 8 + (index[i].Frame.Length / 2)));
                continue;
            }

            WriteRecord(damaged, index[i]);
        }

        var frames = ReadAll(damaged.ToArray(), out var reader);
        var expected = index.Take(50).Where(e => e.Index != 20).Select(e => Convert.ToHexString(e.Frame));
        Assert.Equal(expected, frames.Select(Convert.ToHexString));
        Assert.Equal(1, reader.Resyncs);
        Assert.Equal(8 + (index[20].Frame.Length / 2), reader.SkippedBytes);
    }

    [Fact]
    public void ABadChecksumInAnIntactLogIsStillReturned()
    {
        var index = SampleTlog.Index;
        var log = new MemoryStream();
        for (int i = 0; i < 10; i++)
        {
            byte[] record = RecordBytes(index[i]);
            if (i == 4)
            {
                record[8 + 10] ^= 0x40;
            }

            log.Write(record);
        }

        Assert.Equal(10, ReadAll(log.ToArray(), out var reader).Count);
        Assert.Equal(0, reader.SkippedBytes);
    }

    [Fact]
    public void AnIncompleteLastRecordIsCountedAsTruncated()
    {
        byte[] bytes = SampleTlog.Bytes;
        long cut = SampleTlog.Index[1999].Offset + 30;
        var frames = ReadAll(bytes.AsSpan(0, (int)cut).ToArray(), out var reader);
        Assert.Equal(1999, frames.Count);
        Assert.Equal(30, reader.TruncatedBytes);
        Assert.Equal(0, reader.SkippedBytes);
    }

    [Fact]
    public void TheFrameCheckRejectsAChanceFrameInsideGarbage()
    {
        var index = SampleTlog.Index;
        var log = new MemoryStream();
        WriteRecord(log, index[0]);

        // Garbage that looks like a record: plausible timestamp, a v1 magic byte and a length that lines up with
        // the real record after it. Only the frame check can tell it apart.
        byte[] fake = new byte[8 + 8 + 2];
        TlogFormat.WriteTimestamp(fake, index[0].TimestampMicroseconds + 5);
        fake[8] = 0xFE;
        fake[9] = 2;
        log.WriteByte(0x00);
        log.Write(fake);
        WriteRecord(log, index[1]);

        var withCheck = ReadAll(log.ToArray(), out _, frame => frame.Length != 10);
        Assert.Equal([index[0].Frame, index[1].Frame], withCheck);
    }

    [Fact]
    public void ReadingAllocatesNothingAfterStartUp()
    {
        var stream = new MemoryStream(SampleTlog.Bytes);
        using var reader = new TlogReader(stream, leaveOpen: true);
        for (int warm = 0; warm < 3; warm++)
        {
            stream.Position = 0;
            using var again = new TlogReader(stream, leaveOpen: true);
            while (again.TryReadNext(out _))
            {
            }
        }

        stream.Position = 0;
        long checksum = 0;
        void ReadRecords(int count)
        {
            for (int n = 0; n < count && reader.TryReadNext(out var record); n++)
            {
                checksum += record.Frame[^1];
            }
        }

        // Windows of a quarter of the log, so that the measurement's retries (at most Allocations.Attempts) still read records.
        Allocations.AssertNone(() => ReadRecords(2000 / Allocations.Attempts));
        ReadRecords(int.MaxValue);
        Assert.Equal(2000, reader.Records);
        Assert.True(checksum > 0);
    }

    private static byte[] RecordBytes(SampleTlog.Entry entry)
    {
        var record = new byte[8 + entry.Frame.Length];
        TlogFormat.WriteTimestamp(record, entry.TimestampMicroseconds);
        entry.Frame.CopyTo(record, 8);
        return record;
    }

    private static void WriteRecord(Stream stream, SampleTlog.Entry entry) => stream.Write(RecordBytes(entry));

    private static List<byte[]> ReadAll(byte[] bytes, out TlogReader reader, TlogFrameCheck? check = null)
    {
        reader = new TlogReader(new MemoryStream(bytes), check);
        var frames = new List<byte[]>();
        while (reader.TryReadNext(out var record))
        {
            frames.Add(record.Frame.ToArray());
        }

        return frames;
    }
}
