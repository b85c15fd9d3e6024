using System.Net;
using System.Net.Sockets;
using System.Numerics;
using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sim.Autopilot.CameraStream;

namespace DroneLiquid.Sim.Autopilot.Tests.CameraStream;

public class SimStreamCameraSourceTests
{
    private const int Width = 4, Height = 2;

    [Fact]
    public async Task Frames_from_the_stream_reach_the_tick_with_their_pixels_and_sim_timestamp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var source = new SimStreamCameraSource("127.0.0.1", port, Width, Height, TimeSpan.FromSeconds(1));
        Task<Socket> accepted = listener.AcceptSocketAsync();
        source.Start();
        using Socket server = await accepted.WaitAsync(TimeSpan.FromSeconds(5));

        byte[] pixels = Enumerable.Range(0, Width * Height * 3).Select(i => (byte)(i * 7)).ToArray();
        await SendAsync(server, new CameraFrameHeader(1, 2_500_000, Vector3.Zero, Quaternion.Identity, Width, Height, CameraFrameFormat.Rgb24), pixels);

        CameraReading reading = await WaitForAsync(source, r => r.Sequence >= 1);
        Assert.Equal(pixels, reading.Frame!.Data.ToArray());
        Assert.Equal(2_500_000, reading.Frame.SourceTimestampMicroseconds);
        Assert.Equal(FramePixelFormat.Rgb24, reading.Frame.Format);
        Assert.Equal(SensorHealth.Ok, reading.Health);

        // A frame of another size (2x4 fits the buffer, 8x8 does not) is counted; the newest good frame stays readable.
        await SendAsync(server, new CameraFrameHeader(2, 2_600_000, Vector3.Zero, Quaternion.Identity, Height, Width, CameraFrameFormat.Rgb24), new byte[Width * Height * 3]);
        await WaitUntilAsync(() => source.Counters.BadFrames == 1);
        await SendAsync(server, new CameraFrameHeader(3, 2_700_000, Vector3.Zero, Quaternion.Identity, 8, 8, CameraFrameFormat.Rgb24), new byte[8 * 8 * 3]);
        await WaitUntilAsync(() => source.Counters.BadFrames == 2);
        Assert.Equal(2_500_000, source.AcquireLatest().Frame!.SourceTimestampMicroseconds);
    }

    [Fact]
    public async Task A_lost_stream_is_reported_and_reconnected()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var source = new SimStreamCameraSource("127.0.0.1", port, Width, Height, TimeSpan.FromSeconds(1));
        Task<Socket> first = listener.AcceptSocketAsync();
        source.Start();
        (await first.WaitAsync(TimeSpan.FromSeconds(5))).Dispose(); // the simulator goes away

        Task<Socket> second = listener.AcceptSocketAsync();
        await WaitUntilAsync(() => source.AcquireLatest().Faults.HasFlag(SensorFaults.ReadErrors));
        using Socket server = await second.WaitAsync(TimeSpan.FromSeconds(10));
        await SendAsync(server, new CameraFrameHeader(1, 1_000, Vector3.Zero, Quaternion.Identity, Width, Height, CameraFrameFormat.Rgb24), new byte[Width * Height * 3]);
        CameraReading reading = await WaitForAsync(source, r => r.Sequence >= 1 && !r.Faults.HasFlag(SensorFaults.ReadErrors));
        Assert.Equal(1_000, reading.Frame!.SourceTimestampMicroseconds);
    }

    [Fact]
    public void A_stream_that_is_not_there_at_start_is_a_start_error_naming_it()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop(); // nothing listens there now

        using var source = new SimStreamCameraSource("127.0.0.1", port, Width, Height, TimeSpan.FromSeconds(1));
        var error = Assert.Throws<SensorStartException>(source.Start);
        Assert.Contains($"tcp://127.0.0.1:{port}", error.Message);
        Assert.Contains("cannot connect", error.Message);
    }

    private static async Task SendAsync(Socket server, CameraFrameHeader header, byte[] pixels)
    {
        var bytes = new byte[CameraFrameHeader.Length + pixels.Length];
        header.Write(bytes);
        pixels.CopyTo(bytes, CameraFrameHeader.Length);
        await server.SendAsync(bytes, SocketFlags.None);
    }

    private static async Task<CameraReading> WaitForAsync(SimStreamCameraSource source, Func<CameraReading, bool> condition)
    {
        CameraReading reading = default;
        await WaitUntilAsync(() => condition(reading = source.AcquireLatest()));
        return reading;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Delay(10);
        }
    }
}
