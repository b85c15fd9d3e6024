using System.Buffers.Binary;
using System.Text;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Policies;

namespace DroneLiquid.Flight.Recorder;

/// <summary>
/// The tick log's columns and their byte offsets. The file format (version 2, all little-endian):
/// <code>
/// header:  "DLTICKS1" (8 ASCII bytes) | u16 version = 1 | u16 column count C | u32 record size R | u32 header size H
///          then C columns: u8 type (TickColumnType) | u8 name length | name UTF-8 | u8 unit length | unit UTF-8
/// records: from byte H on, R bytes each, fields in column order, no padding:
///          timestamp (i64 µs, Unix UTC) | elapsed (f32 s) | obs:* (f32, raw, before normalisation)
///          | feat:* (f32, a vision policy's image features, the CNN's output) | out:* (f32, raw network outputs)
///          | cmd_north, cmd_east, cmd_down (f32 m/s, NED) | cmd_yaw_rate (f32 rad/s) | envelope (u32 bits)
///          | state (u8 FlightState) | action (u8 FailsafeAction) | step (u8: 0 = policy not stepped, else PolicyStepStatus + 1)
/// </code>
/// obs, feat and elapsed are exactly what the liquid step took (the liquid input is [feat, normalised obs]),
/// so a replay of the same policy reproduces out bit for bit; out holds the last successful step's outputs.
/// A reader takes every whole record and ignores a torn last one, so a killed writer loses only what it had not written.
/// </summary>
public sealed class TickLogLayout
{
    /// <summary>File magic.</summary>
    public static ReadOnlySpan<byte> Magic => "DLTICKS1"u8;

    /// <summary>Format version written and read.</summary>
    public const ushort Version = 2;

    /// <summary>Prefix of observation column names.</summary>
    public const string ObservationPrefix = "obs:";

    /// <summary>Prefix of policy-output column names.</summary>
    public const string OutputPrefix = "out:";

    /// <summary>Prefix of image-feature column names.</summary>
    public const string FeaturePrefix = "feat:";

    private const int FixedHeaderSize = 20;
    private static readonly (string Name, string Unit, TickColumnType Type)[] s_head = [("timestamp", "us", TickColumnType.Int64), ("elapsed", "s", TickColumnType.Float32)];
    private static readonly (string Name, string Unit, TickColumnType Type)[] s_tail =
    [
        ("cmd_north", "m/s", TickColumnType.Float32), ("cmd_east", "m/s", TickColumnType.Float32), ("cmd_down", "m/s", TickColumnType.Float32),
        ("cmd_yaw_rate", "rad/s", TickColumnType.Float32), ("envelope", "bits", TickColumnType.UInt32),
        ("state", "FlightState", TickColumnType.UInt8), ("action", "FailsafeAction", TickColumnType.UInt8),
        ("step", "PolicyStepStatus+1", TickColumnType.UInt8),
    ];

    private readonly int _observationOffset;
    private readonly int _featureOffset;
    private readonly int _outputOffset;
    private readonly int _tailOffset;

    /// <summary>
    /// Creates the layout for a policy with these observation and output names (each "name" or "name[unit]") and,
    /// for a vision policy, <paramref name="featureCount"/> image features.
    /// </summary>
    public TickLogLayout(IReadOnlyList<string> observationNames, IReadOnlyList<string> outputNames, int featureCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(featureCount);
        ArgumentNullException.ThrowIfNull(observationNames);
        ArgumentNullException.ThrowIfNull(outputNames);
        var columns = new List<TickColumn>();
        int offset = 0;
        void Add(string name, string unit, TickColumnType type)
        {
            if (Encoding.UTF8.GetByteCount(name) > byte.MaxValue || Encoding.UTF8.GetByteCount(unit) > byte.MaxValue)
            {
                throw new ArgumentException($"tick log column '{name}' [{unit}]: name and unit must be at most 255 UTF-8 bytes each");
            }

            columns.Add(new TickColumn(name, unit, type, offset));
            offset += TickColumn.SizeOf(type);
        }

        foreach (var (name, unit, type) in s_head)
        {
            Add(name, unit, type);
        }

        _observationOffset = offset;
        foreach (string name in observationNames)
        {
            var (bare, unit) = SplitUnit(name);
            Add(ObservationPrefix + bare, unit, TickColumnType.Float32);
        }

        _featureOffset = offset;
        for (int i = 0; i < featureCount; i++)
        {
            Add(FeaturePrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", TickColumnType.Float32);
        }

        _outputOffset = offset;
        foreach (string name in outputNames)
        {
            var (bare, unit) = SplitUnit(name);
            Add(OutputPrefix + bare, unit, TickColumnType.Float32);
        }

        _tailOffset = offset;
        foreach (var (name, unit, type) in s_tail)
        {
            Add(name, unit, type);
        }

        Columns = columns;
        RecordSize = offset;
        ObservationCount = observationNames.Count;
        FeatureCount = featureCount;
        OutputCount = outputNames.Count;
    }

    /// <summary>Every column in record order.</summary>
    public IReadOnlyList<TickColumn> Columns { get; }

    /// <summary>Bytes per record.</summary>
    public int RecordSize { get; }

    /// <summary>Observation values per record.</summary>
    public int ObservationCount { get; }

    /// <summary>Image features per record (0 for a state policy).</summary>
    public int FeatureCount { get; }

    /// <summary>Policy outputs per record.</summary>
    public int OutputCount { get; }

    /// <summary>The file header for this layout.</summary>
    public byte[] BuildHeader()
    {
        using var body = new MemoryStream();
        foreach (var column in Columns)
        {
            body.WriteByte((byte)column.Type);
            WriteShortString(body, column.Name);
            WriteShortString(body, column.Unit);
        }

        var header = new byte[FixedHeaderSize + body.Length];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(10), (ushort)Columns.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), (uint)RecordSize);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)header.Length);
        body.ToArray().CopyTo(header, FixedHeaderSize);
        return header;
    }

    /// <summary>
    /// Encodes one record into <paramref name="destination"/> (at least <see cref="RecordSize"/> bytes); allocates
    /// nothing. Observation and output spans must match the layout's counts.
    /// </summary>
    public void Encode(Span<byte> destination, in TickSample sample, ReadOnlySpan<float> observation, ReadOnlySpan<float> outputs) =>
        Encode(destination, sample, observation, ReadOnlySpan<float>.Empty, outputs);

    /// <summary>As <see cref="Encode(Span{byte}, in TickSample, ReadOnlySpan{float}, ReadOnlySpan{float})"/> with the image features.</summary>
    public void Encode(Span<byte> destination, in TickSample sample, ReadOnlySpan<float> observation, ReadOnlySpan<float> features, ReadOnlySpan<float> outputs)
    {
        if (observation.Length != ObservationCount || features.Length != FeatureCount || outputs.Length != OutputCount)
        {
            throw new ArgumentException($"tick record: expected {ObservationCount} observation, {FeatureCount} feature and {OutputCount} output values, got {observation.Length}, {features.Length} and {outputs.Length}");
        }

        var record = destination[..RecordSize];
        BinaryPrimitives.WriteInt64LittleEndian(record, sample.TimestampMicroseconds);
        BinaryPrimitives.WriteSingleLittleEndian(record[8..], sample.ElapsedSeconds);
        for (int i = 0; i < observation.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(record[(_observationOffset + (4 * i))..], observation[i]);
        }

        for (int i = 0; i < features.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(record[(_featureOffset + (4 * i))..], features[i]);
        }

        for (int i = 0; i < outputs.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(record[(_outputOffset + (4 * i))..], outputs[i]);
        }

        var tail = record[_tailOffset..];
        BinaryPrimitives.WriteSingleLittleEndian(tail, sample.CommandNed.NorthMetresPerSecond);
        BinaryPrimitives.WriteSingleLittleEndian(tail[4..], sample.CommandNed.EastMetresPerSecond);
        BinaryPrimitives.WriteSingleLittleEndian(tail[8..], sample.CommandNed.DownMetresPerSecond);
        BinaryPrimitives.WriteSingleLittleEndian(tail[12..], sample.CommandYawRateRadiansPerSecond);
        BinaryPrimitives.WriteUInt32LittleEndian(tail[16..], (uint)sample.Interventions);
        tail[20] = (byte)sample.State;
        tail[21] = (byte)sample.Action;
        tail[22] = sample.Step is { } step ? (byte)((int)step + 1) : (byte)0;
    }

    /// <summary>Decodes one record of <see cref="RecordSize"/> bytes.</summary>
    public TickLogRecord Decode(ReadOnlySpan<byte> record)
    {
        var observation = new float[ObservationCount];
        var features = new float[FeatureCount];
        var outputs = new float[OutputCount];
        for (int i = 0; i < observation.Length; i++)
        {
            observation[i] = BinaryPrimitives.ReadSingleLittleEndian(record[(_observationOffset + (4 * i))..]);
        }

        for (int i = 0; i < features.Length; i++)
        {
            features[i] = BinaryPrimitives.ReadSingleLittleEndian(record[(_featureOffset + (4 * i))..]);
        }

        for (int i = 0; i < outputs.Length; i++)
        {
            outputs[i] = BinaryPrimitives.ReadSingleLittleEndian(record[(_outputOffset + (4 * i))..]);
        }

        var tail = record[_tailOffset..];
        var sample = new TickSample(
            BinaryPrimitives.ReadInt64LittleEndian(record),
            BinaryPrimitives.ReadSingleLittleEndian(record[8..]),
            new VelocityNed(BinaryPrimitives.ReadSingleLittleEndian(tail), BinaryPrimitives.ReadSingleLittleEndian(tail[4..]), BinaryPrimitives.ReadSingleLittleEndian(tail[8..])),
            BinaryPrimitives.ReadSingleLittleEndian(tail[12..]),
            (EnvelopeInterventions)BinaryPrimitives.ReadUInt32LittleEndian(tail[16..]),
            (FlightState)tail[20],
            (FailsafeAction)tail[21],
            tail[22] == 0 ? null : (PolicyStepStatus)(tail[22] - 1));
        return new TickLogRecord(sample, observation, outputs, features);
    }

    /// <summary>
    /// Reads a header written by <see cref="BuildHeader"/> from <paramref name="stream"/> and returns its layout and
    /// size; throws <see cref="InvalidDataException"/> naming <paramref name="source"/> and what was expected.
    /// </summary>
    public static (TickLogLayout Layout, int HeaderSize) ReadHeader(Stream stream, string source)
    {
        Span<byte> fixedPart = stackalloc byte[FixedHeaderSize];
        if (stream.ReadAtLeast(fixedPart, FixedHeaderSize, throwOnEndOfStream: false) < FixedHeaderSize || !fixedPart[..8].SequenceEqual(Magic))
        {
            throw new InvalidDataException($"{source}: not a tick log (expected the magic \"DLTICKS1\" and a {FixedHeaderSize}-byte header)");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[8..]);
        if (version != Version)
        {
            throw new InvalidDataException($"{source}: tick log version {version}; this reader reads version {Version}");
        }

        int columnCount = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[10..]);
        int recordSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[12..]);
        int headerSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[16..]);
        var body = new byte[Math.Max(0, headerSize - FixedHeaderSize)];
        if (headerSize < FixedHeaderSize || stream.ReadAtLeast(body, body.Length, throwOnEndOfStream: false) < body.Length)
        {
            throw new InvalidDataException($"{source}: tick log header says {headerSize} bytes but the file ends before that");
        }

        var observations = new List<string>();
        var outputs = new List<string>();
        int features = 0;
        int position = 0;
        for (int i = 0; i < columnCount; i++)
        {
            if (position + 2 > body.Length)
            {
                throw new InvalidDataException($"{source}: tick log header lists {columnCount} columns but holds only {i}");
            }

            position++;
            string name = ReadShortString(body, ref position, source);
            string unit = ReadShortString(body, ref position, source);
            string withUnit = unit.Length == 0 ? name : $"{name}[{unit}]";
            if (name.StartsWith(ObservationPrefix, StringComparison.Ordinal))
            {
                observations.Add(withUnit[ObservationPrefix.Length..]);
            }
            else if (name.StartsWith(FeaturePrefix, StringComparison.Ordinal))
            {
                features++;
            }
            else if (name.StartsWith(OutputPrefix, StringComparison.Ordinal))
            {
                outputs.Add(withUnit[OutputPrefix.Length..]);
            }
        }

        var layout = new TickLogLayout(observations, outputs, features);
        if (layout.RecordSize != recordSize || layout.Columns.Count != columnCount)
        {
            throw new InvalidDataException($"{source}: tick log header says {columnCount} columns of {recordSize} bytes per record; version {Version} with these columns has {layout.Columns.Count} columns of {layout.RecordSize} bytes");
        }

        return (layout, headerSize);
    }

    private static (string Name, string Unit) SplitUnit(string name)
    {
        int open = name.LastIndexOf('[');
        return open > 0 && name.EndsWith(']') ? (name[..open], name[(open + 1)..^1]) : (name, "");
    }

    private static void WriteShortString(Stream stream, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        stream.WriteByte((byte)bytes.Length);
        stream.Write(bytes);
    }

    private static string ReadShortString(byte[] body, ref int position, string source)
    {
        int length = position < body.Length ? body[position] : -1;
        if (length < 0 || position + 1 + length > body.Length)
        {
            throw new InvalidDataException($"{source}: tick log header is cut inside a column name or unit at byte {FixedHeaderSize + position}");
        }

        string value = Encoding.UTF8.GetString(body, position + 1, length);
        position += 1 + length;
        return value;
    }
}
