using System.Buffers.Binary;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.TestData;

namespace DroneLiquid.Mavlink.Tests.Crc;

public sealed class X25CrcTests
{
    [Fact]
    public void The_checksum_is_crc16_mcrf4xx()
    {
        Assert.Equal(0x6F91, X25Crc.Compute("123456789"u8));
        byte[] data = new byte[257];
        new Random(3).NextBytes(data);
        for (int length = 0; length < data.Length; length++)
        {
            ushort bytewise = X25Crc.InitialValue;
            foreach (byte b in data.AsSpan(0, length))
            {
                bytewise = X25Crc.Accumulate(b, bytewise);
            }
            Assert.Equal(bytewise, X25Crc.Compute(data.AsSpan(0, length)));
        }
        byte[] frame = Frames.Heartbeat();
        ushort crc = X25Crc.Accumulate(HeartbeatMessage.MavlinkCrcExtra, X25Crc.Compute(frame.AsSpan(1, frame.Length - 3)));
        Assert.Equal(crc, BinaryPrimitives.ReadUInt16LittleEndian(frame.AsSpan(frame.Length - 2)));
    }
}
