using System.Net.Sockets;
using DroneLiquid.Mavlink.Connection;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Mavlink.Transports;

/// <summary>
/// A transport over one byte stream at a time (TCP client, TCP server, serial port). The receive loop opens the
/// stream, reads, and on loss closes it and opens a new one after a bounded, jittered exponential backoff.
/// Every new stream has a new epoch, so the reader resets its own parser and no one else's.
/// </summary>
public abstract class StreamTransport : TransportBase
{
    private readonly TransportOptions _options;
    private readonly ReconnectBackoff _backoff;
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private OpenStream? _current;
    private long _epoch;

    /// <summary>Creates the transport; nothing is opened before <see cref="StartAsync"/>.</summary>
    protected StreamTransport(string name, TransportOptions? options, TimeProvider? timeProvider, ILogger? logger)
        : base(name, logger)
    {
        _options = options ?? new TransportOptions();
        _backoff = _options.CreateBackoff();
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The clock for backoff delays.</summary>
    protected TimeProvider TimeProvider { get; }

    /// <summary>The options this transport was created with.</summary>
    protected TransportOptions Options => _options;

    /// <summary>
    /// Bytes a network stream has received and nobody has read yet; 0 for a serial port, before the stream opens or
    /// after it is lost. Lets an in-process peer tell "nothing more to read" from "bytes still in the kernel".
    /// </summary>
    public int AvailableBytes
    {
        get
        {
            if (Volatile.Read(ref _current)?.Stream is not NetworkStream network)
            {
                return 0;
            }

            try
            {
                return network.Socket.Available;
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
                return 0;
            }
        }
    }

    /// <inheritdoc />
    public override ValueTask StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(State == TransportState.Stopped, this);
        SetState(TransportState.Connecting);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask StopAsync()
    {
        if (State == TransportState.Stopped)
        {
            return ValueTask.CompletedTask;
        }

        SetState(TransportState.Stopped);
        _stopping.Cancel();
        Interlocked.Exchange(ref _current, null)?.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    protected override void DisposeCore() => _stopping.Dispose();

    /// <inheritdoc />
    public override async ValueTask<bool> SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        OpenStream? open = Volatile.Read(ref _current);
        if (open is null)
        {
            Counters.AddDroppedSend();
            return false;
        }

        await _sendGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await open.Stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            Counters.AddSent(bytes.Length);
            return true;
        }
        catch (Exception ex) when (IsLinkError(ex) && !cancellationToken.IsCancellationRequested)
        {
            Counters.AddDroppedSend();
            Logger.TransportSendFailed(Name, ex.Message);
            Lose(open, ex.Message);
            return false;
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <inheritdoc />
    public override async ValueTask<TransportRead> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (State == TransportState.Stopped)
            {
                return new TransportRead(0, Volatile.Read(ref _epoch));
            }

            OpenStream? open = Volatile.Read(ref _current) ?? await ConnectWithBackoffAsync(cancellationToken).ConfigureAwait(false);
            if (open is null)
            {
                continue;
            }

            int count;
            string reason = "peer closed the connection";
            try
            {
                count = await open.Stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsLinkError(ex) && !cancellationToken.IsCancellationRequested)
            {
                count = 0;
                reason = ex.Message;
            }

            if (count > 0)
            {
                Counters.AddReceived(count);
                return new TransportRead(count, open.Epoch);
            }

            Lose(open, reason);
        }
    }

    /// <summary>Opens one stream (connect, accept or open the device). Throws when this attempt failed.</summary>
    protected abstract ValueTask<OpenedStream> OpenAsync(CancellationToken cancellationToken);

    private static bool IsLinkError(Exception ex) =>
        ex is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException or UnauthorizedAccessException or OperationCanceledException;

    private async ValueTask<OpenStream?> ConnectWithBackoffAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        while (!linked.IsCancellationRequested)
        {
            SetState(TransportState.Connecting);
            try
            {
                OpenedStream opened = await OpenAsync(linked.Token).ConfigureAwait(false);
                var open = new OpenStream(opened, Interlocked.Increment(ref _epoch));
                if (State == TransportState.Stopped)
                {
                    open.Dispose();
                    return null;
                }

                Volatile.Write(ref _current, open);
                _backoff.Reset();
                Counters.AddConnect();
                SetState(TransportState.Connected);
                Logger.TransportConnected(Name, open.Epoch);
                return open;
            }
            catch (Exception ex) when (!linked.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                TimeSpan delay = _backoff.NextDelay();
                Logger.TransportConnectFailed(Name, _backoff.Attempt, ex.Message, (long)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, TimeProvider, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return null;
    }

    private void Lose(OpenStream open, string reason)
    {
        if (Interlocked.CompareExchange(ref _current, null, open) != open)
        {
            return;
        }

        open.Dispose();
        if (State == TransportState.Stopped)
        {
            return;
        }

        Counters.AddLinkLoss();
        Logger.TransportLost(Name, reason);
        SetState(TransportState.Disconnected);
    }

    /// <summary>A stream and the object that owns it (socket, serial port), disposed together on loss.</summary>
    /// <param name="Stream">What is read and written.</param>
    /// <param name="Owner">What else must be closed (may be the stream itself).</param>
    protected readonly record struct OpenedStream(Stream Stream, IDisposable Owner);

    private sealed class OpenStream(OpenedStream opened, long epoch) : IDisposable
    {
        public Stream Stream { get; } = opened.Stream;

        public long Epoch { get; } = epoch;

        public void Dispose()
        {
            try
            {
                Stream.Dispose();
                opened.Owner.Dispose();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                // Closing a device that already vanished can throw; it is closed either way.
            }
        }
    }
}
