namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// Receives one decoded message of type <typeparamref name="T"/> on the receive loop's thread. Both arguments
/// are views valid only during the call: copy what you keep. Keep it short; it holds up the link.
/// </summary>
public delegate void MavlinkMessageHandler<T>(in T message, in MavlinkFrame frame)
    where T : unmanaged, IMavlinkMessage<T>;
