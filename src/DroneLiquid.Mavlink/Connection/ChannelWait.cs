using System.Threading.Channels;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>Waiting for a microservice reply with a timeout on the connection's clock.</summary>
internal static class ChannelWait
{
    /// <summary>
    /// The next item of <paramref name="reader"/>, or default when <paramref name="wait"/> passes first on
    /// <paramref name="clock"/>. Only the caller's cancellation throws.
    /// </summary>
    public static async Task<(bool Received, T Item)> ReadAsync<T>(ChannelReader<T> reader, TimeSpan wait, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (reader.TryRead(out T? ready))
        {
            return (true, ready);
        }

        using var timeout = new CancellationTokenSource(wait, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return (true, await reader.ReadAsync(linked.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, default!);
        }
        catch (ChannelClosedException)
        {
            return (false, default!);
        }
    }
}
