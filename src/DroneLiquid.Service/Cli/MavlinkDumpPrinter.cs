using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DroneLiquid.Mavlink;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// Prints the frames of `mavlink dump`: with --json one object a line on stdout (vectors README conventions for
/// the fields), otherwise one human line each on stderr; then the statistics.
/// </summary>
internal sealed class MavlinkDumpPrinter : IMavlinkFrameHandler
{
    private readonly MavlinkDialect _dialect;
    private readonly bool _json;
    private readonly HashSet<uint>? _filter;
    private readonly MavlinkSignatureVerifier? _verifier;
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly byte[] _payload = new byte[MavlinkWire.MaxPayloadLength];
    private readonly Utf8JsonWriter _writer;
    private readonly Dictionary<string, long> _verdicts = new(StringComparer.Ordinal);

    public MavlinkDumpPrinter(MavlinkDialect dialect, bool json, HashSet<uint>? filter, MavlinkSignatureVerifier? verifier, int? maxFrames)
    {
        _dialect = dialect;
        _json = json;
        _filter = filter;
        _verifier = verifier;
        MaxFrames = maxFrames;
        _writer = new Utf8JsonWriter(_line, MavlinkJsonFields.WriterOptions);
    }

    /// <summary>Stop after this many printed frames (--count).</summary>
    public int? MaxFrames { get; }

    public long Printed { get; private set; }

    public bool Done => Printed >= MaxFrames;

    /// <summary>Timestamp and offset of the tlog record being parsed, or null for raw bytes and links.</summary>
    public (ulong TimestampMicroseconds, long Offset)? Record { get; set; }

    public void OnFrame(in MavlinkFrame frame, MavlinkFrameVerdict verdict)
    {
        if (Done || (_filter is not null && !_filter.Contains(frame.MessageId)))
        {
            return;
        }

        string verdictText = VerdictText(in frame, verdict);
        _verdicts[verdictText] = _verdicts.GetValueOrDefault(verdictText) + 1;
        Printed++;
        bool known = _dialect.TryGetMessage(frame.MessageId, out MavlinkMessageInfo info);
        bool fieldsTrusted = known && verdict is MavlinkFrameVerdict.Ok or MavlinkFrameVerdict.BadSignature;

        _line.Clear();
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteString("name", known ? info.Name : "");
        _writer.WriteNumber("msgid", frame.MessageId);
        _writer.WriteNumber("sysid", frame.SystemId);
        _writer.WriteNumber("compid", frame.ComponentId);
        _writer.WriteNumber("seq", frame.Sequence);
        _writer.WriteNumber("version", (int)frame.Version);
        _writer.WriteBoolean("signed", frame.IsSigned);
        _writer.WriteString("verdict", verdictText);
        if (Record is { } record)
        {
            _writer.WriteNumber("timestamp_us", record.TimestampMicroseconds);
            _writer.WriteNumber("offset", record.Offset);
        }

        if (frame.HasSignatureBytes)
        {
            _writer.WriteStartObject("signing");
            _writer.WriteNumber("link_id", frame.LinkId);
            _writer.WriteNumber("timestamp", frame.SignatureTimestamp);
            if (_verifier is not null)
            {
                _writer.WriteString("status", JsonNamingPolicy.SnakeCaseLower.ConvertName(_verifier.LastStatus.ToString()));
            }

            _writer.WriteEndObject();
        }

        if (fieldsTrusted)
        {
            frame.CopyPayloadTo(_payload, info.MaxLength);
            _writer.WritePropertyName("fields");
            MavlinkJsonFields.WriteFields(_writer, info, _payload.AsSpan(0, info.MaxLength));
        }
        else
        {
            _writer.WriteNull("fields");
            _writer.WriteString("frame_hex", Convert.ToHexStringLower(frame.Bytes));
        }

        _writer.WriteEndObject();
        _writer.Flush();
        string line = Encoding.UTF8.GetString(_line.WrittenSpan);
        if (_json)
        {
            Console.Out.WriteLine(line);
        }
        else
        {
            Console.Error.WriteLine(HumanLine(in frame, known ? info.Name : $"#{frame.MessageId}", verdictText, fieldsTrusted ? line : null));
        }
    }

    /// <summary>Prints the statistics object (--json) or line.</summary>
    public void PrintStatistics(MavlinkLinkStatistics link, IReadOnlyDictionary<string, long> source)
    {
        var statistics = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["frames_printed"] = Printed,
            ["bytes"] = link.BytesReceived,
            ["ok"] = link.FramesReceived,
            ["crc_errors"] = link.CrcErrors,
            ["signature_errors"] = link.SignatureErrors,
            ["unknown_ids"] = link.UnknownMessageIds,
            ["recovered"] = link.FramesRecovered,
            ["packets_lost"] = link.PacketsLost,
            ["verdicts"] = new SortedDictionary<string, long>(_verdicts, StringComparer.Ordinal),
        };
        foreach (var (key, value) in source)
        {
            statistics[key] = value;
        }

        if (_json)
        {
            JsonOutput.WriteLine(new Dictionary<string, object> { ["statistics"] = statistics });
        }
        else
        {
            Console.Error.WriteLine("statistics: " + string.Join(", ", statistics.Select(kv => $"{kv.Key} {Format(kv.Value)}")));
        }
    }

    private static string Format(object value) => value is IDictionary<string, long> d
        ? "{" + string.Join(", ", d.Select(kv => $"{kv.Key} {kv.Value}")) + "}"
        : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private string VerdictText(in MavlinkFrame frame, MavlinkFrameVerdict verdict) => verdict switch
    {
        MavlinkFrameVerdict.Ok => "ok",
        MavlinkFrameVerdict.BadCrc => "bad_crc",
        MavlinkFrameVerdict.Unverified => "unverified",
        MavlinkFrameVerdict.BadSignature when !frame.IsSigned && _verifier is not null => "unsigned",
        _ => "bad_signature",
    };

    private string HumanLine(in MavlinkFrame frame, string name, string verdict, string? json)
    {
        var text = new StringBuilder();
        if (Record is { } record)
        {
            var time = DateTimeOffset.UnixEpoch.AddTicks((long)record.TimestampMicroseconds * TimeSpan.TicksPerMicrosecond);
            text.Append(time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z' ", CultureInfo.InvariantCulture));
        }

        text.Append(CultureInfo.InvariantCulture, $"{name} v{(int)frame.Version} {frame.SystemId}/{frame.ComponentId} seq {frame.Sequence}");
        text.Append(frame.IsSigned ? " signed " : " ").Append(verdict);
        if (json is not null)
        {
            using var doc = JsonDocument.Parse(json);
            text.Append(' ').Append(doc.RootElement.GetProperty("fields").GetRawText());
        }
        else
        {
            text.Append(' ').Append(Convert.ToHexStringLower(frame.Bytes));
        }

        return text.ToString();
    }
}
