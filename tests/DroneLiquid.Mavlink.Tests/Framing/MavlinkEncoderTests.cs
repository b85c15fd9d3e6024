using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.TestData;

namespace DroneLiquid.Mavlink.Tests.Framing;

public sealed class MavlinkEncoderTests
{
    private static readonly MavlinkHeader Header = new(1, 1, 0);

    [Fact]
    public void Mavlink1_is_refused_for_ids_that_do_not_fit_eight_bits()
    {
        var odometry = new OdometryMessage();
        var e = Assert.Throws<ArgumentException>(() => Frames.Encode(in odometry, Header, MavlinkVersion.V1));
        Assert.Contains("ODOMETRY (id 331)", e.Message);
        Assert.Contains("MAVLink 1", e.Message);
    }

    [Fact]
    public void An_all_zero_payload_keeps_one_byte_and_trailing_negative_zero_stays()
    {
        var zero = new AttitudeMessage();
        byte[] frame = Frames.Encode(in zero, Header);
        Assert.Equal(1, frame[1]);
        Assert.Equal(12 + 1, frame.Length);

        var negativeZero = new AttitudeMessage { Yawspeed = -0.0f };
        frame = Frames.Encode(in negativeZero, Header);
        Assert.Equal(AttitudeMessage.MavlinkMaxLength, frame[1]);
        Assert.Equal(0x80, frame[10 + AttitudeMessage.MavlinkMaxLength - 1]);
    }

    [Fact]
    public void Truncation_drops_zero_extension_fields_and_the_receiver_zero_fills_them()
    {
        var gps = new GpsRawIntMessage { TimeUsec = 5, Lat = 1 };
        byte[] frame = Frames.Encode(in gps, Header);
        Assert.True(frame[1] < GpsRawIntMessage.MavlinkMinLength);
        Assert.True(MavlinkFrame.TryWrap(frame, out MavlinkFrame parsed, out _));
        Assert.True(parsed.TryDecode(out GpsRawIntMessage decoded));
        Assert.Equal(gps, decoded);
        Assert.False(parsed.TryDecode(out HeartbeatMessage _));
    }

    [Fact]
    public void Mavlink1_carries_exactly_the_base_fields()
    {
        var gps = new GpsRawIntMessage { TimeUsec = 5, HdgAcc = 77 };
        byte[] frame = Frames.Encode(in gps, Header, MavlinkVersion.V1);
        Assert.Equal(MavlinkWire.StxV1, frame[0]);
        Assert.Equal(GpsRawIntMessage.MavlinkMinLength, frame[1]);
        Assert.True(MavlinkFrame.TryWrap(frame, out MavlinkFrame parsed, out _));
        Assert.True(parsed.TryDecode(out GpsRawIntMessage decoded));
        Assert.Equal(0u, decoded.HdgAcc);
        Assert.Equal(5ul, decoded.TimeUsec);
    }

    [Fact]
    public void Heartbeat_mavlink_version_is_always_3()
    {
        var heartbeat = new HeartbeatMessage { MavlinkVersion = 9 };
        foreach (MavlinkVersion version in new[] { MavlinkVersion.V1, MavlinkVersion.V2 })
        {
            byte[] frame = Frames.Encode(in heartbeat, Header, version);
            Assert.True(MavlinkFrame.TryWrap(frame, out MavlinkFrame parsed, out _));
            Assert.True(parsed.TryDecode(out HeartbeatMessage decoded));
            Assert.Equal(3, decoded.MavlinkVersion);
        }
        Assert.True(ArdupilotmegaDialect.Instance.TryGetMessage(HeartbeatMessage.MavlinkId, out MavlinkMessageInfo info));
        var buffer = new byte[64];
        int n = MavlinkEncoder.Encode(buffer, info, new byte[info.MaxLength], Header);
        Assert.Equal(3, buffer[10 + 8]);
        Assert.Equal(21, n); // 9-byte payload kept whole: its last byte is the forced 3
    }

    [Fact]
    public void A_short_destination_is_refused_with_the_size_needed()
    {
        var attitude = new AttitudeMessage { Roll = 1 };
        var e = Assert.Throws<ArgumentException>(() => MavlinkEncoder.Encode(new byte[19], in attitude, Header));
        Assert.Contains("ATTITUDE: destination holds 19 bytes; the frame needs 20", e.Message);
    }

    [Fact]
    public void The_longest_signed_frame_fits_max_frame_length()
    {
        var ftp = new FileTransferProtocolMessage { TargetNetwork = 1 };
        ((Span<byte>)ftp.Payload).Fill(0xFF);
        var buffer = new byte[MavlinkWire.MaxFrameLength];
        int n = MavlinkEncoder.EncodeSigned(buffer, in ftp, Header, Frames.Key, 0, 1);
        Assert.Equal(MavlinkWire.HeaderLengthV2 + FileTransferProtocolMessage.MavlinkMaxLength + 2 + 13, n);
        Assert.True(n <= MavlinkWire.MaxFrameLength);
    }

    [Fact]
    public void Generic_encoding_refuses_a_payload_longer_than_the_message()
    {
        Assert.True(ArdupilotmegaDialect.Instance.TryGetMessage("ATTITUDE", out MavlinkMessageInfo info));
        var e = Assert.Throws<ArgumentException>(() =>
            MavlinkEncoder.Encode(new byte[300], info, new byte[info.MaxLength + 1], Header));
        Assert.Contains("ATTITUDE payload is at most 28 bytes; got 29", e.Message);
    }

    [Fact]
    public void Text_fields_round_trip_and_fill_all_n_bytes_without_terminator()
    {
        var text = new StatustextMessage { Severity = 6 };
        text.Text.SetText("PreArm: Battery below minimum");
        Assert.Equal("PreArm: Battery below minimum", text.Text.ToString());
        var param = new ParamValueMessage();
        param.ParamId.SetText("SYSID_THISMAV_X1");
        Assert.Equal(16, MavlinkText.GetLength(param.ParamId));
        Assert.Throws<ArgumentException>(() => param.ParamId.SetText("SEVENTEEN_CHARS_X"));
        Span<char> chars = stackalloc char[16];
        Assert.Equal(16, MavlinkText.GetChars(param.ParamId, chars));
    }

    [Fact]
    public void A_wrapped_frame_checks_its_checksum_against_the_dialect()
    {
        byte[] frame = Frames.Attitude(3);
        Assert.True(MavlinkFrame.TryWrap(frame, out MavlinkFrame good, out int length));
        Assert.Equal(frame.Length, length);
        Assert.True(good.HasValidChecksum(ArdupilotmegaDialect.Instance));
        frame[11] ^= 1;
        Assert.True(MavlinkFrame.TryWrap(frame, out MavlinkFrame bad, out _));
        Assert.False(bad.HasValidChecksum(ArdupilotmegaDialect.Instance));
        Assert.False(MavlinkFrame.TryWrap(frame.AsSpan(0, frame.Length - 1), out _, out _));
    }
}
