using BenchmarkDotNet.Attributes;
using DroneLiquid.Benchmarks.MavlinkLink;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sensors.Imu.Mavlink;

namespace DroneLiquid.Benchmarks.Sensors;

/// <summary>
/// One autopilot IMU message through the path the receive loop runs: wrap the frame, decode HIGHRES_IMU, check,
/// map the boot time onto our clock (arrival window), health, publish. The same for ATTITUDE_QUATERNION.
/// </summary>
[MemoryDiagnoser]
public class MavlinkImuPathBenchmarks
{
    private readonly byte[] _imuFrame = new byte[MavlinkWire.MaxFrameLength];
    private readonly byte[] _attitudeFrame = new byte[MavlinkWire.MaxFrameLength];
    private MavlinkConnection _connection = null!;
    private MavlinkImuSource _source = null!;
    private MavlinkMessageHandler<HighresImuMessage> _onImu = null!;
    private MavlinkMessageHandler<AttitudeQuaternionMessage> _onAttitude = null!;
    private int _imuLength;
    private int _attitudeLength;

    [GlobalSetup]
    public void Setup()
    {
        _connection = new MavlinkConnection(new NullTransport());
        _source = new MavlinkImuSource(_connection, new MavlinkImuOptions { UseTimesync = false, FrozenAfter = TimeSpan.FromSeconds(60) });
        _onImu = _source.OnHighresImu;
        _onAttitude = _source.OnAttitudeQuaternion;
        var imu = new HighresImuMessage { TimeUsec = 123_456_789, Xacc = 0.1f, Yacc = -0.2f, Zacc = -9.8f, Zgyro = 0.01f, Temperature = 40f };
        _imuLength = MavlinkEncoder.Encode(_imuFrame, in imu, new MavlinkHeader(1, 1, 0));
        var attitude = new AttitudeQuaternionMessage { TimeBootMs = 123_456, Q1 = 1f };
        _attitudeLength = MavlinkEncoder.Encode(_attitudeFrame, in attitude, new MavlinkHeader(1, 1, 1));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        _connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "MAVLink HIGHRES_IMU: decode + SI FRD + clock mapping + checks + publish")]
    public bool HighresImu() => Deliver<HighresImuMessage>(_imuFrame.AsSpan(0, _imuLength), _onImu);

    [Benchmark(Description = "MAVLink ATTITUDE_QUATERNION: decode + clock mapping + keep")]
    public bool AttitudeQuaternion() => Deliver<AttitudeQuaternionMessage>(_attitudeFrame.AsSpan(0, _attitudeLength), _onAttitude);

    private static bool Deliver<T>(ReadOnlySpan<byte> bytes, MavlinkMessageHandler<T> handler)
        where T : unmanaged, IMavlinkMessage<T>
    {
        if (!MavlinkFrame.TryWrap(bytes, out MavlinkFrame frame, out _) || !frame.TryDecode(out T message))
        {
            return false;
        }

        handler(in message, in frame);
        return true;
    }
}
