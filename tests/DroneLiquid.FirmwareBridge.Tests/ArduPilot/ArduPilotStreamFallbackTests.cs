using System.Buffers.Binary;
using DroneLiquid.FirmwareBridge.Tests.Fakes;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge.Tests.ArduPilot;

/// <summary>An ArduPilot that refuses SET_MESSAGE_INTERVAL gets one REQUEST_DATA_STREAM instead (scripted over a fake transport).</summary>
public sealed class ArduPilotStreamFallbackTests
{
    [Fact]
    public async Task RefusedIntervalsFallBackToOneRequestDataStream()
    {
        var transport = new FakeTransport();
        var intervals = new List<uint>();
        var dataStreams = new List<(ushort RateHz, byte StreamId, byte StartStop)>();
        transport.OnSent = (messageId, payload) =>
        {
            byte[] padded = new byte[64]; // MAVLink 2 trims trailing zeros: zero-fill before reading fields
            payload.CopyTo(padded, 0);
            if (messageId == CommandLongMessage.MavlinkId && BinaryPrimitives.ReadUInt16LittleEndian(padded.AsSpan(28)) == (ushort)MavCmd.SetMessageInterval)
            {
                lock (intervals)
                {
                    intervals.Add((uint)BinaryPrimitives.ReadSingleLittleEndian(padded));
                }

                transport.Inject(new CommandAckMessage { Command = (ushort)MavCmd.SetMessageInterval, Result = (byte)MavResult.Failed, TargetSystem = 1, TargetComponent = 191 });
            }
            else if (messageId == RequestDataStreamMessage.MavlinkId)
            {
                lock (dataStreams)
                {
                    dataStreams.Add((BinaryPrimitives.ReadUInt16LittleEndian(padded), padded[4], padded[5]));
                }
            }
        };
        await using var connection = new MavlinkConnection(transport, new MavlinkConnectionOptions { HeartbeatInterval = TimeSpan.FromSeconds(10) });
        var heard = new VehicleInfo(1, 1, MavType.Quadrotor, MavAutopilot.Ardupilotmega, 89, 0, MavState.Standby, MavlinkVersion.V2, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        await using AutopilotAdapter autopilot = AutopilotConnector.Create(connection, heard);
        await connection.StartAsync();

        AutopilotException error = await Assert.ThrowsAsync<AutopilotException>(() => autopilot.WaitReadyAsync(TimeSpan.FromSeconds(3)));
        Assert.Contains("no LOCAL_POSITION_NED", error.Message);
        Assert.Equal(
            [LocalPositionNedMessage.MavlinkId, AttitudeMessage.MavlinkId, HighresImuMessage.MavlinkId, ScaledImuMessage.MavlinkId, RawImuMessage.MavlinkId,
                GlobalPositionIntMessage.MavlinkId, SysStatusMessage.MavlinkId, ExtendedSysStateMessage.MavlinkId, BatteryStatusMessage.MavlinkId],
            intervals);
        Assert.Equal([((ushort)50, (byte)MavDataStream.All, (byte)1)], dataStreams);
    }
}
