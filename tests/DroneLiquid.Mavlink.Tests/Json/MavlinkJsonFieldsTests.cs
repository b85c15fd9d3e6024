using System.Text;
using System.Text.Json;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Mavlink.Tests.Json;

/// <summary>The JSON conventions of the conformance vectors, and clear errors for bad field values.</summary>
public sealed class MavlinkJsonFieldsTests
{
    private static MavlinkMessageInfo Info(string name)
    {
        Assert.True(ArdupilotmegaDialect.Instance.TryGetMessage(name, out MavlinkMessageInfo info));
        return info;
    }

    private static string Write(MavlinkMessageInfo info, ReadOnlySpan<byte> payload)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, MavlinkJsonFields.WriterOptions))
        {
            MavlinkJsonFields.WriteFields(writer, info, payload);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Floats_are_shortest_round_trip_with_a_point_or_exponent_and_non_finite_as_strings()
    {
        var attitude = new AttitudeMessage
        {
            Roll = 1.0f, Pitch = -0.0f, Yaw = float.Epsilon, Rollspeed = float.MaxValue, Pitchspeed = float.NaN,
            Yawspeed = float.NegativeInfinity, TimeBootMs = 7,
        };
        string json = Write(Info("ATTITUDE"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<AttitudeMessage>(in attitude)));
        Assert.Equal("""{"time_boot_ms":7,"roll":1.0,"pitch":-0.0,"yaw":1e-45,"rollspeed":3.4028235e+38,"pitchspeed":"NaN","yawspeed":"-Infinity"}""", json);
    }

    [Fact]
    public void Sixty_four_bit_integers_are_decimal_strings_and_text_stops_at_the_first_nul()
    {
        var time = new SystemTimeMessage { TimeUnixUsec = ulong.MaxValue, TimeBootMs = 3 };
        string json = Write(Info("SYSTEM_TIME"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<SystemTimeMessage>(in time)));
        Assert.Equal("""{"time_unix_usec":"18446744073709551615","time_boot_ms":3}""", json);

        var text = new StatustextMessage { Severity = 4 };
        text.Text.SetText("say \"hi\" \\ <ok> & +");
        string statustext = Write(Info("STATUSTEXT"), System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<StatustextMessage>(in text)));
        Assert.Equal("""{"severity":4,"text":"say \"hi\" \\ <ok> & +","id":0,"chunk_seq":0}""", statustext);
    }

    [Fact]
    public void A_truncated_payload_reads_as_zero_extended()
    {
        MavlinkMessageInfo info = Info("ATTITUDE");
        Assert.Equal("""{"time_boot_ms":5,"roll":0.0,"pitch":0.0,"yaw":0.0,"rollspeed":0.0,"pitchspeed":0.0,"yawspeed":0.0}""",
            Write(info, [5]));
    }

    [Fact]
    public void Reading_fields_reports_the_message_field_and_expectation()
    {
        MavlinkMessageInfo info = Info("RC_CHANNELS_OVERRIDE");
        var payload = new byte[info.MaxLength];
        FormatException e = Assert.Throws<FormatException>(() =>
            MavlinkJsonFields.ReadFields(JsonDocument.Parse("""{"chan1_raw": 70000}""").RootElement, info, payload));
        Assert.Contains("RC_CHANNELS_OVERRIDE.chan1_raw", e.Message);
        Assert.Contains("0..65535", e.Message);

        e = Assert.Throws<FormatException>(() =>
            MavlinkJsonFields.ReadFields(JsonDocument.Parse("""{"chan99_raw": 1}""").RootElement, info, payload));
        Assert.Contains("RC_CHANNELS_OVERRIDE: no field named \"chan99_raw\"", e.Message);

        MavlinkMessageInfo servo = Info("GPS_RAW_INT");
        e = Assert.Throws<FormatException>(() =>
            MavlinkJsonFields.ReadFields(JsonDocument.Parse("""{"time_usec": 5}""").RootElement, servo, new byte[servo.MaxLength]));
        Assert.Contains("decimal strings", e.Message);

        MavlinkMessageInfo q = Info("ATTITUDE_QUATERNION");
        e = Assert.Throws<FormatException>(() =>
            MavlinkJsonFields.ReadFields(JsonDocument.Parse("""{"repr_offset_q": [1.0, 2.0]}""").RootElement, q, new byte[q.MaxLength]));
        Assert.Contains("expected a list of 4 elements; got 2 elements", e.Message);
    }
}
