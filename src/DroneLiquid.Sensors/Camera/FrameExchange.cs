namespace DroneLiquid.Sensors.Camera;

/// <summary>
/// Triple buffering between one producer (the capture thread) and one consumer (the tick): the producer always
/// has a free buffer to fill, the consumer always gets the newest complete frame, older unread frames are
/// overwritten and counted as dropped. No locks and no allocation after construction.
/// </summary>
/// <remarks>
/// Three buffers rotate through three roles: back (being filled), middle (newest complete) and front (held by
/// the consumer). Publishing swaps back and middle and marks the middle fresh; acquiring swaps a fresh middle
/// with the front. Each swap is one <see cref="Interlocked.Exchange(ref int, int)"/> on the middle slot.
/// </remarks>
internal sealed class FrameExchange
{
    private const int FreshBit = 4;
    private const int IndexMask = 3;
    private readonly CameraFrame[] _frames;
    private int _back;
    private int _middle;
    private int _front;
    private long _dropped;
    private bool _consumerHasFrame;

    public FrameExchange(int frameCapacityBytes)
    {
        _frames = [new CameraFrame(frameCapacityBytes), new CameraFrame(frameCapacityBytes), new CameraFrame(frameCapacityBytes)];
        (_back, _middle, _front) = (0, 1, 2);
    }

    /// <summary>Frames overwritten before the consumer took them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The producer's buffer to fill next; producer thread only.</summary>
    public CameraFrame Back => _frames[_back];

    /// <summary>Hands the filled back buffer over as the newest frame; producer thread only.</summary>
    public void Publish()
    {
        int previous = Interlocked.Exchange(ref _middle, _back | FreshBit);
        if ((previous & FreshBit) != 0)
        {
            Interlocked.Increment(ref _dropped);
        }

        _back = previous & IndexMask;
    }

    /// <summary>
    /// The newest frame for the consumer: true and a new frame when one arrived since the last call; otherwise
    /// the frame it already holds (or null before the first) and false. Consumer thread only.
    /// </summary>
    public bool TryAcquireNewest(out CameraFrame? frame)
    {
        if ((Volatile.Read(ref _middle) & FreshBit) == 0)
        {
            frame = _consumerHasFrame ? _frames[_front] : null;
            return false;
        }

        int previous = Interlocked.Exchange(ref _middle, _front);
        _front = previous & IndexMask;
        _consumerHasFrame = true;
        frame = _frames[_front];
        return true;
    }
}
