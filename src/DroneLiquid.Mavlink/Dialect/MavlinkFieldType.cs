namespace DroneLiquid.Mavlink;

/// <summary>Element type of a MAVLink field, as in the XML (char, uint8_t, ... double).</summary>
public enum MavlinkFieldType
{
    Char,
    UInt8,
    Int8,
    UInt16,
    Int16,
    UInt32,
    Int32,
    UInt64,
    Int64,
    Float,
    Double,
}
