
namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// Lets one report through per interval and counts the ones it holds back, so a flood of bad frames costs a
/// log line every few seconds instead of one per frame. Not thread-safe: one per receive loop.
/// </summary>
internal sealed class ProblemRateLimiter(TimeProvider timeProvider, TimeSpan interval)
{
    private long _lastReport = long.MinValue;
    private long _suppressed;

    /// <summary>Total problems seen.</summary>
    public long Count { get; private set; }

    /// <summary>Counts a problem; true when it should be logged, with how many were held back since the last one.</summary>
    public bool ShouldReport(out long suppressedSinceLast)
    {
        Count++;
        long now = timeProvider.GetTimestamp();
        if (_lastReport != long.MinValue && timeProvider.GetElapsedTime(_lastReport, now) < interval)
        {
            _suppressed++;
            suppressedSinceLast = 0;
            return false;
        }

        _lastReport = now;
        suppressedSinceLast = _suppressed;
        _suppressed = 0;
        return true;
    }
}
