using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Mavlink.Tests.Connection;

/// <summary>Encodes frames as a vehicle (system 1, component 1) would send them.</summary>
internal static class FrameBuilder
{
    private static byte _sequence;

    public static byte[] Encode<T>(T message, byte systemId = 1, byte componentId = 1)
        where T : unmanaged, IMavlinkMessage<T>
    {
        var buffer = new byte[MavlinkWire.MaxFrameLength];
        int length = MavlinkEncoder.Encode(buffer, in message, new MavlinkHeader(systemId, componentId, _sequence++));
        return buffer[..length];
    }

    public static byte[] Heartbeat(byte baseMode = 89, uint customMode = 0) => Encode(new HeartbeatMessage
    {
        Type = (byte)MavType.Quadrotor,
        Autopilot = (byte)MavAutopilot.Ardupilotmega,
        BaseMode = baseMode,
        CustomMode = customMode,
        SystemStatus = (byte)MavState.Standby,
    });
}
