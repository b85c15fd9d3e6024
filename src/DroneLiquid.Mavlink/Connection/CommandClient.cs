using System.Threading.Channels;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// The MAVLink command microservice: COMMAND_LONG and COMMAND_INT, matched to COMMAND_ACK by command id and
/// target, resent (with confirmation counting up) when no ACK comes, waiting longer without resending after
/// IN_PROGRESS, and tolerant of duplicate ACKs (PX4 acknowledges DO_SET_MODE twice). A refusal is a
/// <see cref="CommandResult"/>, never an exception; only the caller's cancellation throws.
/// </summary>
/// <remarks>
/// Two identical commands (same id and target) never overlap: the second waits for the first, because their
/// ACKs could not be told apart. Different commands run concurrently.
/// </remarks>
public sealed class CommandClient : IDisposable
{
    private readonly MavlinkConnection _connection;
    private readonly CommandClientOptions _options;
    private readonly IDisposable _ackSubscription;
    private readonly Lock _gate = new();
    private readonly List<PendingCommand> _pending = [];
    private long _ignoredAcks;

    /// <summary>Listens for COMMAND_ACK on <paramref name="connection"/>.</summary>
    public CommandClient(MavlinkConnection connection, CommandClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _options = options ?? new CommandClientOptions();
        _options.Validate();
        _ackSubscription = connection.Subscribe<CommandAckMessage>(OnAck);
    }

    /// <summary>ACKs that matched no command in flight (late duplicates, ACKs meant for another component).</summary>
    public long IgnoredAcks => Interlocked.Read(ref _ignoredAcks);

    /// <summary>Sends COMMAND_LONG and waits for its final ACK. A target component of 0 accepts an ACK from any component.</summary>
    public Task<CommandResult> SendLongAsync(byte targetSystem, byte targetComponent, MavCmd command,
        float param1 = 0, float param2 = 0, float param3 = 0, float param4 = 0, float param5 = 0, float param6 = 0, float param7 = 0,
        CancellationToken cancellationToken = default)
    {
        var message = new CommandLongMessage
        {
            Command = (ushort)command,
            TargetSystem = targetSystem,
            TargetComponent = targetComponent,
            Param1 = param1, Param2 = param2, Param3 = param3, Param4 = param4, Param5 = param5, Param6 = param6, Param7 = param7,
        };
        return RunAsync(message.Command, targetSystem, targetComponent, attempt =>
        {
            message.Confirmation = (byte)Math.Min(attempt, byte.MaxValue);
            return _connection.SendAsync(in message, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Sends COMMAND_INT (positions as scaled integers in <paramref name="frame"/>) and waits for its final ACK.</summary>
    public Task<CommandResult> SendIntAsync(byte targetSystem, byte targetComponent, MavCmd command, MavFrame frame,
        float param1 = 0, float param2 = 0, float param3 = 0, float param4 = 0, int x = 0, int y = 0, float z = 0,
        CancellationToken cancellationToken = default)
    {
        var message = new CommandIntMessage
        {
            Command = (ushort)command,
            TargetSystem = targetSystem,
            TargetComponent = targetComponent,
            Frame = (byte)frame,
            Param1 = param1, Param2 = param2, Param3 = param3, Param4 = param4, X = x, Y = y, Z = z,
        };
        return RunAsync(message.Command, targetSystem, targetComponent, _ => _connection.SendAsync(in message, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// MAV_CMD_SET_MESSAGE_INTERVAL (511): asks for <paramref name="messageId"/> every <paramref name="interval"/>.
    /// PX4 acknowledges within milliseconds; ArduPilot keeps the rate across restarts.
    /// </summary>
    public Task<CommandResult> SetMessageIntervalAsync(byte targetSystem, byte targetComponent, uint messageId, TimeSpan interval,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        float intervalMicroseconds = (float)(interval.Ticks / TimeSpan.TicksPerMicrosecond);
        return SendLongAsync(targetSystem, targetComponent, MavCmd.SetMessageInterval, messageId, intervalMicroseconds,
            cancellationToken: cancellationToken);
    }

    /// <summary>MAV_CMD_SET_MESSAGE_INTERVAL with -1: stop sending <paramref name="messageId"/>.</summary>
    public Task<CommandResult> DisableMessageAsync(byte targetSystem, byte targetComponent, uint messageId, CancellationToken cancellationToken = default) =>
        SendLongAsync(targetSystem, targetComponent, MavCmd.SetMessageInterval, messageId, -1, cancellationToken: cancellationToken);

    /// <summary>
    /// REQUEST_DATA_STREAM (deprecated, but what ArduPilot needs: with fresh parameters it streams nothing).
    /// There is no ACK; false when the frame could not be sent.
    /// </summary>
    public ValueTask<bool> RequestDataStreamAsync(byte targetSystem, byte targetComponent, MavDataStream stream, ushort rateHz, bool start = true,
        CancellationToken cancellationToken = default)
    {
        var message = new RequestDataStreamMessage
        {
            TargetSystem = targetSystem,
            TargetComponent = targetComponent,
            ReqStreamId = (byte)stream,
            ReqMessageRate = rateHz,
            StartStop = start ? (byte)1 : (byte)0,
        };
        return _connection.SendAsync(in message, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _ackSubscription.Dispose();

    private async Task<CommandResult> RunAsync(ushort command, byte targetSystem, byte targetComponent, Func<int, ValueTask<bool>> send,
        CancellationToken cancellationToken)
    {
        var pending = new PendingCommand(command, targetSystem, targetComponent);
        await RegisterAsync(pending, cancellationToken).ConfigureAwait(false);
        try
        {
            bool anySent = false;
            byte progress = 0;
            for (int attempt = 0; attempt <= _options.Retries; attempt++)
            {
                anySent |= await send(attempt).ConfigureAwait(false);
                TimeSpan wait = _options.AckTimeout;
                bool inProgress = false;
                while (await pending.WaitAsync(wait, _connection.TimeProvider, cancellationToken).ConfigureAwait(false) is { } ack)
                {
                    if (ack.Result == (byte)MavResult.InProgress)
                    {
                        // The command runs: no resend (it would restart it), just a longer wait for the final ACK.
                        progress = ack.Progress;
                        wait = _options.InProgressTimeout;
                        inProgress = true;
                        continue;
                    }

                    var status = ack.Result == (byte)MavResult.Accepted ? CommandStatus.Accepted : CommandStatus.Rejected;
                    return new CommandResult(status, (MavResult)ack.Result, ack.Progress, ack.ResultParam2, attempt + 1);
                }

                if (inProgress)
                {
                    return new CommandResult(CommandStatus.TimedOut, MavResult.InProgress, progress, 0, attempt + 1);
                }

                _connection.LogCommandRetry(command, targetSystem, targetComponent, attempt + 1);
            }

            return new CommandResult(anySent ? CommandStatus.TimedOut : CommandStatus.NotSent, MavResult.Failed, progress, 0, _options.Retries + 1);
        }
        finally
        {
            lock (_gate)
            {
                _pending.Remove(pending);
            }

            pending.Complete();
        }
    }

    private async Task RegisterAsync(PendingCommand pending, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task earlier;
            lock (_gate)
            {
                PendingCommand? same = _pending.Find(p => p.SameAs(pending));
                if (same is null)
                {
                    _pending.Add(pending);
                    return;
                }

                earlier = same.Completion;
            }

            await earlier.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnAck(in CommandAckMessage ack, in MavlinkFrame frame)
    {
        // target_system/component are extensions: 0 when the sender left them out.
        if ((ack.TargetSystem != 0 && ack.TargetSystem != _connection.Options.SystemId)
            || (ack.TargetComponent != 0 && ack.TargetComponent != _connection.Options.ComponentId))
        {
            Interlocked.Increment(ref _ignoredAcks);
            return;
        }

        PendingCommand? match = null;
        lock (_gate)
        {
            foreach (PendingCommand p in _pending)
            {
                if (p.IsAnsweredBy(ack.Command, frame.SystemId, frame.ComponentId))
                {
                    match = p;
                    break;
                }
            }
        }

        if (match is null || !match.Offer(ack))
        {
            Interlocked.Increment(ref _ignoredAcks);
        }
    }

    private sealed class PendingCommand(ushort command, byte targetSystem, byte targetComponent)
    {
        private readonly Channel<CommandAckMessage> _acks = Channel.CreateUnbounded<CommandAckMessage>(new UnboundedChannelOptions { SingleReader = true });
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Completion => _completion.Task;

        public bool SameAs(PendingCommand other) =>
            command == other.Command && targetSystem == other.TargetSystem && targetComponent == other.TargetComponent;

        public bool IsAnsweredBy(ushort ackCommand, byte fromSystem, byte fromComponent) =>
            ackCommand == command
            && (targetSystem == 0 || targetSystem == fromSystem)
            && (targetComponent == 0 || targetComponent == fromComponent);

        private bool _finalOffered;

        /// <summary>Queues an ACK for the waiting command; false for anything after the final ACK (a duplicate).</summary>
        public bool Offer(in CommandAckMessage ack)
        {
            if (_finalOffered)
            {
                return false;
            }

            _finalOffered = ack.Result != (byte)MavResult.InProgress;
            return _acks.Writer.TryWrite(ack);
        }

        /// <summary>The next ACK, or null when <paramref name="wait"/> passed first on <paramref name="clock"/>.</summary>
        public async Task<CommandAckMessage?> WaitAsync(TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
        {
            var (received, ack) = await ChannelWait.ReadAsync(_acks.Reader, wait, clock, cancellationToken).ConfigureAwait(false);
            return received ? ack : null;
        }

        public void Complete()
        {
            _acks.Writer.TryComplete();
            _completion.TrySetResult();
        }

        private ushort Command => command;

        private byte TargetSystem => targetSystem;

        private byte TargetComponent => targetComponent;
    }
}
