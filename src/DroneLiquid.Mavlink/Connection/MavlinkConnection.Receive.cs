using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>The receive side: the loop, frame dispatch, discovery and the link watchdog.</summary>
public sealed partial class MavlinkConnection
{
    private static readonly TimeSpan ReceiveErrorPause = TimeSpan.FromMilliseconds(100);

    private async Task ReceiveLoopAsync(CancellationToken stopping)
    {
        byte[] buffer = new byte[Options.ReceiveBufferSize];
        long epoch = -1;
        while (!stopping.IsCancellationRequested)
        {
            TransportRead read;
            try
            {
                read = await _transport.ReceiveAsync(buffer, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Reliability over error visibility: a failing transport is logged (rate-limited) and retried.
                if (_receiveErrors.ShouldReport(out long suppressed))
                {
                    Log.ReceiveLoopError(_logger, ex, _transport.Name, suppressed);
                }

                await PauseAsync(stopping).ConfigureAwait(false);
                continue;
            }

            if (read.Count == 0)
            {
                break;
            }

            if (read.Epoch != epoch)
            {
                // A new TCP connection or a reopened port: bytes of the old stream must not join the new one.
                _parser.Reset();
                epoch = read.Epoch;
            }

            Process(buffer.AsSpan(0, read.Count));
        }
    }

    internal void Process(ReadOnlySpan<byte> bytes)
    {
        var dispatcher = new Dispatcher(this);
        _heardInChunk = false;
        try
        {
            _parser.Parse(bytes, ref dispatcher);
        }
        catch (Exception ex)
        {
            // The parser is fuzzed not to throw; should it ever, the link goes on with a fresh parser.
            _parser.Reset();
            if (_receiveErrors.ShouldReport(out long suppressed))
            {
                Log.ReceiveLoopError(_logger, ex, _transport.Name, suppressed);
            }
        }

        if (_heardInChunk)
        {
            // Once per chunk, not per frame: the watchdog needs the time of the last read that held a valid frame.
            bool regained;
            lock (_watchGate)
            {
                regained = _watchdog.Heard(_timeProvider.GetTimestamp());
            }

            if (regained)
            {
                Log.LinkRegained(_logger);
                RaiseSafely(LinkRegained, HeartbeatMessage.MavlinkId);
            }
        }
    }

    private void OnFrame(in MavlinkFrame frame, MavlinkFrameVerdict verdict)
    {
        Volatile.Read(ref _tlog)?.Write(frame.Bytes);
        foreach (MavlinkRawFrameHandler raw in Volatile.Read(ref _rawHandlers))
        {
            try
            {
                raw(in frame, verdict);
            }
            catch (Exception ex)
            {
                ReportHandlerError(ex, frame.MessageId);
            }
        }

        if (verdict != MavlinkFrameVerdict.Ok)
        {
            if (_badFrames.ShouldReport(out long suppressed))
            {
                Log.BadFrame(_logger, _transport.Name, verdict.ToString(), frame.SystemId, frame.ComponentId, frame.MessageId, suppressed);
            }

            return;
        }

        if (frame.SystemId == Options.SystemId && frame.ComponentId == Options.ComponentId)
        {
            return; // our own frame echoed back (broadcast or loopback routing)
        }

        _heardInChunk = true;
        if (frame.MessageId == HeartbeatMessage.MavlinkId)
        {
            OnHeartbeat(in frame);
        }

        if (_subscriptions.TryGet(frame.MessageId, out FrameSubscriber[] subscribers))
        {
            foreach (FrameSubscriber subscriber in subscribers)
            {
                try
                {
                    subscriber.Dispatch(in frame);
                }
                catch (Exception ex)
                {
                    ReportHandlerError(ex, frame.MessageId);
                }
            }
        }
    }

    private void OnHeartbeat(in MavlinkFrame frame)
    {
        if (!frame.TryDecode(out HeartbeatMessage heartbeat))
        {
            return;
        }

        DateTimeOffset now = _timeProvider.GetUtcNow();
        ushort key = VehicleKey(frame.SystemId, frame.ComponentId);
        bool isNew;
        VehicleInfo info;
        lock (_vehicleGate)
        {
            isNew = !_vehicles.TryGetValue(key, out VehicleInfo previous);
            info = new VehicleInfo(frame.SystemId, frame.ComponentId, (MavType)heartbeat.Type, (MavAutopilot)heartbeat.Autopilot,
                heartbeat.BaseMode, heartbeat.CustomMode, (MavState)heartbeat.SystemStatus, frame.Version,
                isNew ? now : previous.FirstSeen, now);
            _vehicles[key] = info;
        }

        if (isNew)
        {
            Log.VehicleDiscovered(_logger, info.SystemId, info.ComponentId, (int)info.VehicleType, (int)info.Autopilot);
            try
            {
                VehicleDiscovered?.Invoke(info);
            }
            catch (Exception ex)
            {
                ReportHandlerError(ex, frame.MessageId);
            }
        }
    }

    private void CheckLink()
    {
        bool lost;
        lock (_watchGate)
        {
            lost = _watchdog.Check(_timeProvider, _timeProvider.GetTimestamp());
        }

        if (lost)
        {
            Log.LinkLost(_logger, Options.LinkLossTimeout.TotalSeconds);
            RaiseSafely(LinkLost, HeartbeatMessage.MavlinkId);
        }
    }

    private void SendHeartbeatFromTimer()
    {
        var heartbeat = new HeartbeatMessage
        {
            Type = (byte)Options.HeartbeatType,
            Autopilot = (byte)Options.HeartbeatAutopilot,
            BaseMode = _heartbeatBaseMode,
            CustomMode = _heartbeatCustomMode,
            SystemStatus = (byte)_heartbeatStatus,
        };
        Interlocked.Increment(ref _heartbeatsSent);
        ValueTask<bool> send = SendAsync(in heartbeat, _stoppingToken);
        if (send.IsCompleted)
        {
            ObserveCompleted(send);
        }
        else
        {
            _ = ObserveAsync(send);
        }
    }

    private void ObserveCompleted(ValueTask<bool> send)
    {
        try
        {
            send.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: the last heartbeat is not needed.
        }
    }

    private async Task ObserveAsync(ValueTask<bool> send)
    {
        try
        {
            await send.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping: the last heartbeat is not needed.
        }
    }

    private void RaiseSafely(Action? handlers, uint messageId)
    {
        try
        {
            handlers?.Invoke();
        }
        catch (Exception ex)
        {
            ReportHandlerError(ex, messageId);
        }
    }

    private void ReportHandlerError(Exception ex, uint messageId)
    {
        lock (_handlerErrors)
        {
            if (_handlerErrors.ShouldReport(out long suppressed))
            {
                Log.HandlerFailed(_logger, ex, messageId, suppressed);
            }
        }
    }

    private async Task PauseAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(ReceiveErrorPause, _timeProvider, stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private readonly struct Dispatcher(MavlinkConnection connection) : IMavlinkFrameHandler
    {
        public void OnFrame(in MavlinkFrame frame, MavlinkFrameVerdict verdict) => connection.OnFrame(in frame, verdict);
    }
}
