using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.Flight.Tests.Fakes;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tlog;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Flight.Tests.Recorder;

public class FlightRecorderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 30, 15, TimeSpan.Zero);

    [Fact]
    public void A_flight_round_trips_ticks_transitions_and_mavlink()
    {
        using var records = new FakeFlightRecords();
        string folder;
        var heartbeat = new HeartbeatMessage { CustomMode = 4 };
        var frame = new byte[64];
        int frameLength = MavlinkEncoder.Encode(frame, in heartbeat, new MavlinkHeader(1, 1, 0));
        using (var recorder = new FlightRecorder(records.Options(), FakeFlightRecords.Layout(), new FakeTimeProvider(Start)))
        {
            folder = recorder.FolderPath;
            Assert.Equal("20261128T093015Z", Path.GetFileName(folder));
            var observation = new float[4];
            var outputs = new float[4];
            for (int i = 0; i < 500; i++)
            {
                FakeFlightRecords.Fill(i, observation, outputs);
                Assert.True(recorder.EnqueueTick(FakeFlightRecords.Sample(i), observation, outputs));
                Assert.True(recorder.RecordMavlink(frame.AsSpan(0, frameLength)));
            }

            recorder.EnqueueTransition(new FailsafeTransition(TimeSpan.FromSeconds(3.5), FlightState.TakingOff, FlightState.PolicyControl, FailsafeAction.None, TransitionKind.TakeoffComplete, FailsafeTrigger.None));
            recorder.EnqueueTransition(new FailsafeTransition(TimeSpan.FromSeconds(9.25), FlightState.PolicyControl, FlightState.HandedBack, FailsafeAction.HandBack, TransitionKind.Failsafe, FailsafeTrigger.PilotModeChange));
        }

        using (var reader = TickLogReader.Open(Path.Combine(folder, FlightRecorder.TickLogFileName)))
        {
            Assert.Equal(500, reader.RecordCount);
            Assert.Equal(0, reader.TrailingBytes);
            Assert.Equal("obs:vel_n", reader.Layout.Columns[2].Name);
            Assert.Equal("m/s", reader.Layout.Columns[2].Unit);
            int i = 0;
            var observation = new float[4];
            var outputs = new float[4];
            foreach (var record in reader.ReadAll())
            {
                FakeFlightRecords.Fill(i, observation, outputs);
                Assert.Equal(FakeFlightRecords.Sample(i), record.Sample);
                Assert.Equal(observation, record.Observation);
                Assert.Equal(outputs, record.Outputs);
                i++;
            }

            Assert.Equal(500, i);
        }

        string[] lines = File.ReadAllLines(Path.Combine(folder, FlightRecorder.TransitionsFileName));
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"reason\":\"pilot changed the autopilot mode\"", lines[1], StringComparison.Ordinal);
        var parsed = TransitionJson.Parse(lines[1]);
        Assert.Equal((FlightState.HandedBack, FailsafeTrigger.PilotModeChange, TimeSpan.FromSeconds(9.25)), (parsed.To, parsed.Trigger, parsed.At));

        using var tlog = new TlogReader(File.OpenRead(Path.Combine(folder, FlightRecorder.TlogFileName)));
        int frames = 0;
        while (tlog.TryReadNext(out var tlogRecord))
        {
            Assert.Equal(frameLength, tlogRecord.Frame.Length);
            frames++;
        }

        Assert.Equal(500, frames);
    }

    [Fact]
    public void A_log_cut_mid_record_reads_back_every_whole_record()
    {
        using var records = new FakeFlightRecords();
        string path;
        var layout = FakeFlightRecords.Layout();
        using (var recorder = new FlightRecorder(records.Options(), layout, new FakeTimeProvider(Start)))
        {
            path = Path.Combine(recorder.FolderPath, FlightRecorder.TickLogFileName);
            var observation = new float[4];
            var outputs = new float[4];
            for (int i = 0; i < 100; i++)
            {
                FakeFlightRecords.Fill(i, observation, outputs);
                recorder.EnqueueTick(FakeFlightRecords.Sample(i), observation, outputs);
            }
        }

        // A kill mid-write leaves part of a record: cut the file 7 bytes into record 42.
        long headerSize = layout.BuildHeader().Length;
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(headerSize + (42L * layout.RecordSize) + 7);
        }

        using var reader = TickLogReader.Open(path);
        Assert.Equal(42, reader.RecordCount);
        Assert.Equal(7, reader.TrailingBytes);
        var all = reader.ReadAll().ToList();
        Assert.Equal(FakeFlightRecords.Sample(41), all[^1].Sample);
    }

    [Fact]
    public void Records_reach_the_file_within_one_flush_interval_while_the_recorder_is_still_open()
    {
        using var records = new FakeFlightRecords();
        var time = new FakeTimeProvider(Start);
        using var recorder = new FlightRecorder(records.Options(), FakeFlightRecords.Layout(), time);
        var observation = new float[4];
        var outputs = new float[4];
        for (int i = 0; i < 50; i++)
        {
            recorder.EnqueueTick(FakeFlightRecords.Sample(i), observation, outputs);
        }

        time.Advance(FlightRecorderOptions.DefaultFlushInterval);
        string path = Path.Combine(recorder.FolderPath, FlightRecorder.TickLogFileName);
        long expected = FakeFlightRecords.Layout().BuildHeader().Length + (50L * recorder.Layout.RecordSize);

        // The writer wakes every flush interval / 5 of real time; give a loaded machine plenty of slack.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (new FileInfo(path).Length < expected && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        using var reader = TickLogReader.Open(path);
        Assert.Equal(50, reader.RecordCount);
        Assert.Equal(50, recorder.TicksWritten);
        Assert.Equal(0, recorder.Errors);
    }

    [Fact]
    public void A_full_ring_drops_and_counts_instead_of_blocking_the_tick()
    {
        using var records = new FakeFlightRecords();
        var options = records.Options();
        options.RingCapacity = 16;
        options.FlushInterval = TimeSpan.FromSeconds(1);
        using var recorder = new FlightRecorder(options, FakeFlightRecords.Layout(), new FakeTimeProvider(Start));
        var values = new float[4];
        int accepted = 0;
        for (int i = 0; i < 10_000; i++)
        {
            accepted += recorder.EnqueueTick(FakeFlightRecords.Sample(i), values, values) ? 1 : 0;
        }

        Assert.Equal(10_000 - accepted, recorder.TicksDropped);
        Assert.True(recorder.TicksDropped > 0);
    }

    [Fact]
    public void Bad_options_are_rejected_with_every_failure_named()
    {
        var failures = FlightRecorderOptionsValidator.Collect(new FlightRecorderOptions { MaxTotalBytes = 10, RingCapacity = 1, FlushInterval = TimeSpan.FromSeconds(5) });
        Assert.Equal(4, failures.Count);
        Assert.Contains("Flight:Recorder:Directory is empty; expected the folder that holds the flight records", failures);
        Assert.Contains("Flight:Recorder:MaxTotalBytes is 10; expected at least 1048576 (1 MiB)", failures);
    }

    [Fact]
    public void A_file_that_is_not_a_tick_log_is_refused_naming_the_file()
    {
        using var records = new FakeFlightRecords();
        string path = Path.Combine(records.Root, "not-ticks.dlt");
        File.WriteAllText(path, "hello, this is not a tick log at all");
        var ex = Assert.Throws<InvalidDataException>(() => TickLogReader.Open(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("DLTICKS1", ex.Message, StringComparison.Ordinal);
    }
}
