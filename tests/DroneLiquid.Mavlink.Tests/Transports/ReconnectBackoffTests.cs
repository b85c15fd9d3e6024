using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Transports;

public class ReconnectBackoffTests
{
    [Fact]
    public void DelaysDoubleUpToTheMaximumWithoutJitter()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), jitterFraction: 0);
        double[] delays = Enumerable.Range(0, 7).Select(_ => backoff.NextDelay().TotalMilliseconds).ToArray();
        Assert.Equal([100, 200, 400, 800, 1000, 1000, 1000], delays);
        Assert.Equal(7, backoff.Attempt);
    }

    [Fact]
    public void JitterOnlyShortensAndStaysWithinItsFraction()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), 0.25, new Random(7));
        var seen = new HashSet<long>();
        for (int attempt = 0; attempt < 200; attempt++)
        {
            double nominal = Math.Min(100 * Math.Pow(2, Math.Min(attempt, 30)), 5000);
            TimeSpan delay = backoff.NextDelay();
            Assert.InRange(delay.TotalMilliseconds, nominal * 0.75 - 0.001, nominal);
            seen.Add(delay.Ticks);
        }

        Assert.True(seen.Count > 100, "jitter should spread the delays");
    }

    [Fact]
    public void ResetStartsAgainFromTheInitialDelay()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(1), 0);
        backoff.NextDelay();
        backoff.NextDelay();
        backoff.Reset();
        Assert.Equal(TimeSpan.FromMilliseconds(50), backoff.NextDelay());
    }

    [Fact]
    public void BadSettingsAreRefusedWithTheirName()
    {
        Assert.Equal("initial", Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.Zero, TimeSpan.FromSeconds(1), 0)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 0)).ParamName);
        Assert.Equal("jitterFraction", Assert.Throws<ArgumentOutOfRangeException>(() => new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1.0)).ParamName);
    }
}
