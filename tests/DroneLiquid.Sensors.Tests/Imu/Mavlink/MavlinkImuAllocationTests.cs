using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sensors.Imu;
using DroneLiquid.Sensors.Imu.Mavlink;
using DroneLiquid.Sensors.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sensors.Tests.Imu.Mavlink;

/// <summary>
/// The per-message path (wire frame → decode → conversion → clock mapping → health → publish → tick read) allocates
/// nothing in steady state (after a warm-up of 1000 message sets, 0 bytes over the next 2000). The handlers are driven on this thread with real encoded frames, exactly as the
/// connection's receive loop calls them, so that GC.GetAllocatedBytesForCurrentThread sees all of it.
/// </summary>
public class MavlinkImuAllocationTests
{
    [Fact]
    public async Task ZeroBytesPerMessageAfterWarmUp()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var (transport, _) = FakeLinkTransport.CreatePair();
        await using var connection = new MavlinkConnection(transport, timeProvider: clock);
        using var source = new MavlinkImuSource(connection, new MavlinkImuOptions { UseTimesync = false });
        byte[] buffer = new byte[MavlinkWire.MaxFrameLength];
        long remoteMicroseconds = 100_000_000;
        byte sequence = 0;
        long iterations = 0;
        MavlinkMessageHandler<HighresImuMessage> onImu = source.OnHighresImu;
        MavlinkMessageHandler<AttitudeQuaternionMessage> onAttitude = source.OnAttitudeQuaternion;
        MavlinkMessageHandler<TimesyncMessage> onTimesync = source.OnTimesync;

        void OneMessageSet()
        {
            clock.Advance(TimeSpan.FromMilliseconds(5));
            remoteMicroseconds += 5_000;
            iterations++;
            var imu = new HighresImuMessage
            {
                TimeUsec = (ulong)remoteMicroseconds,
                Xacc = 0.01f * (iterations % 7), Zacc = -9.8f, Zgyro = 0.001f * (iterations % 5), Temperature = 40f,
            };
            var attitude = new AttitudeQuaternionMessage { TimeBootMs = (uint)(remoteMicroseconds / 1000), Q1 = 1f };
            var timesync = new TimesyncMessage { Tc1 = remoteMicroseconds * 1000, Ts1 = source.Clock.ToNanoseconds(clock.GetTimestamp()) };
            Deliver(buffer, in attitude, ref sequence, onAttitude);
            Deliver(buffer, in imu, ref sequence, onImu);
            Deliver(buffer, in timesync, ref sequence, onTimesync);
            SensorReading<ImuSample> reading = source.ReadLatest();
            Assert.True(reading.Value.HasAttitude);
        }

        for (int i = 0; i < 1_000; i++)
        {
            OneMessageSet(); // warm-up: the tiered JIT may allocate while it promotes methods
        }

        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 2_000; i++)
            {
                OneMessageSet();
            }
        });

        Assert.Equal(iterations, source.Counters.SamplesPublished);
        Assert.Equal(ClockSyncMode.Timesync, source.Clock.Mode);
    }

    private static void Deliver<T>(byte[] buffer, in T message, ref byte sequence, MavlinkMessageHandler<T> handler)
        where T : unmanaged, IMavlinkMessage<T>
    {
        int length = MavlinkEncoder.Encode(buffer, in message, new MavlinkHeader(1, 1, sequence++));
        Assert.True(MavlinkFrame.TryWrap(buffer.AsSpan(0, length), out MavlinkFrame frame, out _));
        Assert.True(frame.TryDecode(out T decoded));
        handler(in decoded, in frame);
    }
}
