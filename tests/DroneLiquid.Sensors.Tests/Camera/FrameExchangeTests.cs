using DroneLiquid.Sensors.Camera;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sensors.Tests.Camera;

public class FrameExchangeTests
{
    [Fact]
    public void Consumer_gets_the_newest_and_unread_frames_are_counted_as_dropped()
    {
        var exchange = new FrameExchange(16);
        Assert.False(exchange.TryAcquireNewest(out var none));
        Assert.Null(none);

        Produce(exchange, 1);
        Produce(exchange, 2);
        Produce(exchange, 3);

        Assert.True(exchange.TryAcquireNewest(out var frame));
        Assert.Equal(3, frame!.Sequence);
        Assert.Equal(2, exchange.Dropped);

        // Nothing new: the consumer keeps the frame it holds.
        Assert.False(exchange.TryAcquireNewest(out var same));
        Assert.Same(frame, same);

        Produce(exchange, 4);
        Assert.True(exchange.TryAcquireNewest(out var next));
        Assert.Equal(4, next!.Sequence);
        Assert.Equal(2, exchange.Dropped);
    }

    [Fact]
    public void The_producer_never_writes_into_the_frame_the_consumer_holds()
    {
        var exchange = new FrameExchange(16);
        Produce(exchange, 1);
        exchange.TryAcquireNewest(out var held);

        for (int i = 2; i < 50; i++)
        {
            Assert.NotSame(held, exchange.Back);
            Produce(exchange, i);
        }

        Assert.Equal(1, held!.Sequence);
        Assert.Equal(1, held.Data[0]);
    }

    [Fact]
    public void Concurrent_producer_and_consumer_see_increasing_intact_frames()
    {
        var exchange = new FrameExchange(256);
        using var stop = new CancellationTokenSource();
        var producer = new Thread(() =>
        {
            for (int i = 1; !stop.IsCancellationRequested; i++)
            {
                Produce(exchange, i);
                Thread.SpinWait(50);
            }
        });
        producer.Start();

        long last = 0, acquired = 0, torn = 0;
        var until = DateTime.UtcNow.AddSeconds(3);
        while (acquired < 200 && DateTime.UtcNow < until)
        {
            if (exchange.TryAcquireNewest(out var frame))
            {
                acquired++;
                Assert.True(frame!.Sequence > last);
                last = frame.Sequence;
                torn += frame.Data.IndexOfAnyExcept((byte)frame.Sequence) < 0 ? 0 : 1; // all 256 bytes from one frame
            }
        }

        stop.Cancel();
        producer.Join();
        Assert.True(acquired > 0);
        Assert.Equal(0, torn);
    }

    [Fact]
    public void Exchanging_frames_allocates_nothing()
    {
        var exchange = new FrameExchange(64);
        Produce(exchange, 1);
        exchange.TryAcquireNewest(out _);

        long sequence = 1;
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                Produce(exchange, ++sequence);
                exchange.TryAcquireNewest(out _);
            }
        });
    }

    private static void Produce(FrameExchange exchange, long sequence)
    {
        var frame = exchange.Back;
        frame.Writable.Fill((byte)sequence);
        frame.Set(frame.Capacity, 1, 1, FramePixelFormat.Rgb24, timestamp: sequence, sequence, 0);
        exchange.Publish();
    }
}
