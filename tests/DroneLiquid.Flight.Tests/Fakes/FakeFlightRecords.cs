using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Recorder;

namespace DroneLiquid.Flight.Tests.Fakes;

/// <summary>A temporary recorder root that deletes itself, plus deterministic tick records to write and compare.</summary>
internal sealed class FakeFlightRecords : IDisposable
{
    public static readonly string[] ObservationNames = ["vel_n[m/s]", "vel_e[m/s]", "vel_d[m/s]", "target_bearing[rad]"];
    public static readonly string[] OutputNames = ["forward", "right", "down", "yaw_rate"];

    public FakeFlightRecords()
    {
        Root = Path.Combine(Path.GetTempPath(), "droneliquid-flight-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public static TickLogLayout Layout() => new(ObservationNames, OutputNames);

    public FlightRecorderOptions Options(long maxTotalBytes = FlightRecorderOptions.DefaultMaxTotalBytes) =>
        new() { Directory = Root, MaxTotalBytes = maxTotalBytes, RingCapacity = 4096 };

    public static TickSample Sample(int i) => new(
        1_764_320_400_000_000 + (i * 20_000L),
        0.02f + (i * 1e-6f),
        new VelocityNed(i * 0.1f, -i * 0.2f, 0.5f),
        0.01f * i,
        (EnvelopeInterventions)(uint)(i % 7),
        (FlightState)(i % 9),
        (FailsafeAction)(i % 5));

    public static void Fill(int i, Span<float> observation, Span<float> outputs)
    {
        for (int k = 0; k < observation.Length; k++)
        {
            observation[k] = (i * 10) + k + 0.25f;
        }

        for (int k = 0; k < outputs.Length; k++)
        {
            outputs[k] = -i - (k * 0.5f);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
