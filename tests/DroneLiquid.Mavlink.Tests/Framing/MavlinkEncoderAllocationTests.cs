using System.Buffers;
using System.Text.Json;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tests.TestData;
using Microsoft.Extensions.Time.Testing;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Mavlink.Tests.Framing;

/// <summary>0 bytes allocated per encoded frame (typed, generic, signed) and per frame written as JSON.</summary>
public sealed class MavlinkEncoderAllocationTests
{
    [Fact]
    public void Encoding_allocates_nothing()
    {
        var buffer = new byte[MavlinkWire.MaxFrameLength];
        var attitude = new AttitudeMessage { Roll = 0.5f };
        var signer = new MavlinkSigner(Frames.Key, 1, new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)));
        Assert.True(ArdupilotmegaDialect.Instance.TryGetMessage(HeartbeatMessage.MavlinkId, out MavlinkMessageInfo info));
        var payload = new byte[info.MaxLength];
        long bytes = EncodeMany(buffer, ref attitude, signer, info, payload, 10);
        Allocations.AssertNone(() => bytes += EncodeMany(buffer, ref attitude, signer, info, payload, 1000));
        Assert.True(bytes > 0);
    }

    [Fact]
    public void Writing_fields_as_json_allocates_nothing_after_warm_up()
    {
        var output = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(output, MavlinkJsonFields.WriterOptions);
        var frames = VectorFiles.Vectors.Take(200).ToList();
        var infos = frames.Select(v => ArdupilotmegaDialect.Instance.TryGetMessage(v.MessageId, out var i) ? i : null!).ToList();
        WriteAll(writer, output, frames, infos);
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 5; i++)
            {
                WriteAll(writer, output, frames, infos);
            }
        });
    }

    private static void WriteAll(Utf8JsonWriter writer, ArrayBufferWriter<byte> output, List<ConformanceVector> frames,
        List<MavlinkMessageInfo> infos)
    {
        for (int i = 0; i < frames.Count; i++)
        {
            output.ResetWrittenCount();
            writer.Reset();
            MavlinkFrame.TryWrap(frames[i].Frame, out MavlinkFrame frame, out _);
            MavlinkJsonFields.WriteFields(writer, infos[i], frame.Payload);
            writer.Flush();
        }
    }

    private static long EncodeMany(byte[] buffer, ref AttitudeMessage attitude, MavlinkSigner signer, MavlinkMessageInfo info,
        byte[] payload, int count)
    {
        long bytes = 0;
        for (int i = 0; i < count; i++)
        {
            attitude.TimeBootMs = (uint)i;
            bytes += MavlinkEncoder.Encode(buffer, in attitude, new MavlinkHeader(1, 1, (byte)i));
            bytes += MavlinkEncoder.Encode(buffer, in attitude, new MavlinkHeader(1, 1, (byte)i), MavlinkVersion.V1);
            bytes += MavlinkEncoder.EncodeSigned(buffer, in attitude, new MavlinkHeader(1, 1, (byte)i), signer);
            bytes += MavlinkEncoder.Encode(buffer, info, payload, new MavlinkHeader(1, 1, (byte)i));
        }
        return bytes;
    }
}
