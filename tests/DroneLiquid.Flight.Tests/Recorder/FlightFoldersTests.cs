using DroneLiquid.Flight.Recorder;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Flight.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Flight.Tests.Recorder;

public class FlightFoldersTests
{
    private static void FakeFlight(string root, string name, int bytes)
    {
        string folder = Path.Combine(root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, FlightRecorder.TlogFileName), new byte[bytes]);
    }

    [Fact]
    public void Starting_a_flight_past_the_budget_deletes_the_oldest_flights_first()
    {
        using var records = new FakeFlightRecords();
        const int MiB = 1024 * 1024;
        FakeFlight(records.Root, "20261101T080000Z", MiB);
        FakeFlight(records.Root, "20261102T080000Z", MiB);
        FakeFlight(records.Root, "20261103T080000Z", MiB);
        Directory.CreateDirectory(Path.Combine(records.Root, "not-a-flight"));

        using var recorder = new FlightRecorder(records.Options(maxTotalBytes: (2 * MiB) + (MiB / 2)), FakeFlightRecords.Layout(), new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero)));

        Assert.Equal(1, recorder.DeletedFlights);
        var left = FlightFolders.List(records.Root).Select(d => d.Name).ToArray();
        Assert.Equal(["20261102T080000Z", "20261103T080000Z", "20261128T100000Z"], left);
        Assert.True(Directory.Exists(Path.Combine(records.Root, "not-a-flight")));
    }

    [Fact]
    public void A_flight_that_alone_outgrows_the_budget_stops_recording_instead_of_filling_the_disk()
    {
        using var records = new FakeFlightRecords();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));
        using var recorder = new FlightRecorder(records.Options(maxTotalBytes: FlightRecorderOptionsValidator.MinTotalBytes), FakeFlightRecords.Layout(), time);
        var heartbeat = new HeartbeatMessage();
        var frame = new byte[64];
        int length = MavlinkEncoder.Encode(frame, in heartbeat, new MavlinkHeader(1, 1, 0));
        for (long i = 0; i < (2 * FlightRecorderOptionsValidator.MinTotalBytes / length) + 1; i++)
        {
            Assert.True(recorder.RecordMavlink(frame.AsSpan(0, length)));
        }

        // The tlog flushes on its timer and the size check runs every 10 s of the recorder's clock.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!recorder.OverBudget && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            Thread.Sleep(50);
        }

        Assert.True(recorder.OverBudget);
        Assert.False(recorder.RecordMavlink(frame.AsSpan(0, length)));
        long discardedBefore = recorder.TicksDiscarded;
        recorder.EnqueueTick(FakeFlightRecords.Sample(1), new float[4], new float[4]);
        deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (recorder.TicksDiscarded == discardedBefore && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.Equal(discardedBefore + 1, recorder.TicksDiscarded);
    }

    [Fact]
    public void The_current_flight_is_never_deleted()
    {
        using var records = new FakeFlightRecords();
        FakeFlight(records.Root, "20261128T100000Z", 4096);
        var deleted = FlightFolders.Rotate(records.Root, maxTotalBytes: 1, keep: Path.Combine(records.Root, "20261128T100000Z"));
        Assert.Empty(deleted);
    }

    [Fact]
    public void Two_flights_in_the_same_second_get_distinct_folders()
    {
        using var records = new FakeFlightRecords();
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(2));
        string first = FlightFolders.Create(records.Root, at);
        string second = FlightFolders.Create(records.Root, at);
        Assert.Equal("20261128T080000Z", Path.GetFileName(first));
        Assert.Equal("20261128T080000Z-2", Path.GetFileName(second));
        Assert.True(FlightFolders.IsFlightName("20261128T080000Z-2"));
    }
}
