using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Mavlink.Tests.TestData;

/// <summary>Small frame builders for parser and signing tests.</summary>
public static class Frames
{
    public static readonly MavlinkSigningKey Key = MavlinkSigningKey.FromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    public static byte[] Heartbeat(byte sequence = 0, byte systemId = 1, byte componentId = 1, MavlinkVersion version = MavlinkVersion.V2)
    {
        var m = new HeartbeatMessage { Type = 2, Autopilot = 3, BaseMode = 81, CustomMode = 4, SystemStatus = 4 };
        return Encode(in m, new MavlinkHeader(systemId, componentId, sequence), version);
    }

    public static byte[] Attitude(byte sequence = 0, byte systemId = 1, byte componentId = 1)
    {
        var m = new AttitudeMessage { TimeBootMs = 1000u + sequence, Roll = 0.25f, Pitch = -0.5f, Yaw = 1.5f, Yawspeed = 0.125f };
        return Encode(in m, new MavlinkHeader(systemId, componentId, sequence), MavlinkVersion.V2);
    }

    public static byte[] SignedCommandLong(ulong timestamp, byte linkId = 0, MavlinkSigningKey? key = null, byte sequence = 0,
        byte systemId = 255, byte componentId = 190)
    {
        var m = new CommandLongMessage { TargetSystem = 1, TargetComponent = 1, Command = 400, Param1 = 1f };
        var buffer = new byte[MavlinkWire.MaxFrameLength];
        int n = MavlinkEncoder.EncodeSigned(buffer, in m, new MavlinkHeader(systemId, componentId, sequence), key ?? Key, linkId, timestamp);
        return buffer[..n];
    }

    public static byte[] Encode<T>(in T message, MavlinkHeader header, MavlinkVersion version = MavlinkVersion.V2)
        where T : unmanaged, IMavlinkMessage<T>
    {
        var buffer = new byte[MavlinkWire.MaxFrameLength];
        int n = MavlinkEncoder.Encode(buffer, in message, header, version);
        return buffer[..n];
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
