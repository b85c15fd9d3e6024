using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sensors.Tests;

public class LatestValueTests
{
    [Fact]
    public void Nothing_published_reads_false()
    {
        var latest = new LatestValue<Triple>();

        Assert.False(latest.TryRead(out var value));
        Assert.Equal(default, value);
        Assert.False(latest.HasValue);
    }

    [Fact]
    public void A_reader_never_sees_a_torn_value_while_the_writer_publishes()
    {
        var latest = new LatestValue<Triple>();
        latest.Publish(new Triple(0));
        using var stop = new CancellationTokenSource();
        var writer = new Thread(() =>
        {
            // As fast as a producer can go while still leaving gaps (a sensor publishes at most every few µs).
            for (long i = 1; !stop.IsCancellationRequested; i++)
            {
                latest.Publish(new Triple(i));
                Thread.SpinWait(20);
            }
        });
        writer.Start();

        long torn = 0, reads = 0, last = -1, backwards = 0;
        var until = DateTime.UtcNow.AddMilliseconds(300);
        while (DateTime.UtcNow < until)
        {
            Assert.True(latest.TryRead(out var v));
            reads++;
            torn += v.IsConsistent ? 0 : 1;
            backwards += v.A < last ? 1 : 0;
            last = v.A;
        }

        stop.Cancel();
        writer.Join();
        Assert.True(reads > 1000, $"only {reads} reads");
        Assert.Equal(0, torn);
        Assert.Equal(0, backwards);
    }

    [Fact]
    public void Publish_and_read_allocate_nothing()
    {
        var latest = new LatestValue<Triple>();
        latest.Publish(new Triple(1));
        latest.TryRead(out _);

        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < 10_000; i++)
            {
                latest.Publish(new Triple(i));
                latest.TryRead(out _);
            }
        });
    }

    /// <summary>Three copies of one number: a torn read shows them differ.</summary>
    private readonly record struct Triple(long A, long B, long C, long D, long E)
    {
        public Triple(long value)
            : this(value, value, value, value, value)
        {
        }

        public bool IsConsistent => A == B && B == C && C == D && D == E;
    }
}
