namespace DroneLiquid.Flight.Recorder;

/// <summary>Type of one tick-log column; every value is little-endian.</summary>
public enum TickColumnType : byte
{
    /// <summary>Signed 64-bit integer, 8 bytes.</summary>
    Int64 = 1,

    /// <summary>IEEE 754 single, 4 bytes.</summary>
    Float32 = 2,

    /// <summary>Unsigned 32-bit integer, 4 bytes.</summary>
    UInt32 = 3,

    /// <summary>Unsigned byte.</summary>
    UInt8 = 4,
}
