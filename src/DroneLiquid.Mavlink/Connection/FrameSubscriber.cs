namespace DroneLiquid.Mavlink.Connection;

/// <summary>One registered handler; decodes the frame into its message type and calls it.</summary>
internal abstract class FrameSubscriber
{
    public abstract uint MessageId { get; }

    public abstract void Dispatch(in MavlinkFrame frame);
}
