namespace DroneLiquid.Flight.Recorder;

/// <summary>One column of the tick log: name, unit ("" when dimensionless), type and byte offset inside a record.</summary>
public sealed record TickColumn(string Name, string Unit, TickColumnType Type, int Offset)
{
    /// <summary>Bytes the column takes in a record.</summary>
    public int Size => SizeOf(Type);

    /// <summary>Bytes a value of <paramref name="type"/> takes.</summary>
    public static int SizeOf(TickColumnType type) => type switch
    {
        TickColumnType.Int64 => 8,
        TickColumnType.Float32 or TickColumnType.UInt32 => 4,
        TickColumnType.UInt8 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown tick column type"),
    };
}
