using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Transports;

/// <summary>Bounded waits for socket tests: every wait ends within a few seconds, pass or fail.</summary>
internal static class TransportTesting
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static TransportOptions FastReconnect => new()
    {
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(100),
        ConnectTimeout = TimeSpan.FromSeconds(1),
    };

    /// <summary>Reads until <paramref name="count"/> bytes arrived; returns them and the epoch of the last read.</summary>
    public static async Task<(byte[] Bytes, long Epoch)> ReceiveExactlyAsync(ITransport transport, int count)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var received = new List<byte>();
        var buffer = new byte[4096];
        long epoch = 0;
        while (received.Count < count)
        {
            TransportRead read = await transport.ReceiveAsync(buffer, timeout.Token);
            Assert.True(read.Count > 0, $"{transport.Name} stopped after {received.Count} of {count} bytes");
            received.AddRange(buffer.AsSpan(0, read.Count).ToArray());
            epoch = read.Epoch;
        }

        return (received.ToArray(), epoch);
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what) => await WaitUntilAsync(condition, () => what);

    public static async Task WaitUntilAsync(Func<bool> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what()}");
            await Task.Delay(10);
        }
    }
}
