namespace DroneLiquid.Mavlink.Connection;

/// <summary>A handler for message type <typeparamref name="T"/>; decoding happens on the stack.</summary>
internal sealed class TypedSubscriber<T>(MavlinkMessageHandler<T> handler) : FrameSubscriber
    where T : unmanaged, IMavlinkMessage<T>
{
    public override uint MessageId => T.MessageId;

    public override void Dispatch(in MavlinkFrame frame)
    {
        if (frame.TryDecode(out T message))
        {
            handler(in message, in frame);
        }
    }
}
