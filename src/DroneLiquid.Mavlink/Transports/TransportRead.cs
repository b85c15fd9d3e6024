namespace DroneLiquid.Mavlink.Transports;

/// <summary>The result of one <see cref="ITransport.ReceiveAsync"/>.</summary>
/// <param name="Count">Bytes written to the caller's buffer; 0 when the transport was stopped.</param>
/// <param name="Epoch">Which connection the bytes came from; it grows by one on every (re)connect.</param>
public readonly record struct TransportRead(int Count, long Epoch);
