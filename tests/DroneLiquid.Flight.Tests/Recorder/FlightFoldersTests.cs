using DroneLiquid.Flight.Recorder;
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
