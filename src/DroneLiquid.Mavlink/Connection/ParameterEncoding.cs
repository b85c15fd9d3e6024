
namespace DroneLiquid.Mavlink.Connection;

/// <summary>How integer parameters travel in PARAM_VALUE/PARAM_SET's float field.</summary>
public enum ParameterEncoding
{
    /// <summary>The integer's bits are copied into the float (PX4; MAV_PROTOCOL_CAPABILITY_PARAM_ENCODE_BYTEWISE).</summary>
    Bytewise,

    /// <summary>The integer is converted to a float value (ArduPilot; MAV_PROTOCOL_CAPABILITY_PARAM_ENCODE_C_CAST).</summary>
    CCast,
}
