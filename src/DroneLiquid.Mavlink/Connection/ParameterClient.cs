using System.Threading.Channels;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>
/// The MAVLink parameter microservice: read one (by name or index), read all (re-requesting gaps one by
/// one), and set with confirmation by the PARAM_VALUE the autopilot answers with. Integers are bit-cast into
/// the float field for PX4 and converted for ArduPilot (see <see cref="ParameterEncoding"/>). Failures are
/// results, never exceptions; only the caller's cancellation throws.
/// </summary>
public sealed class ParameterClient : IDisposable
{
    private const int ParamIdLength = 16;

    private readonly MavlinkConnection _connection;
    private readonly ParameterClientOptions _options;
    private readonly IDisposable _subscription;
    private readonly Lock _gate = new();
    private readonly List<Listener> _listeners = [];

    /// <summary>Listens for PARAM_VALUE on <paramref name="connection"/>.</summary>
    public ParameterClient(MavlinkConnection connection, ParameterClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _options = options ?? new ParameterClientOptions();
        _options.Validate();
        _subscription = connection.Subscribe<ParamValueMessage>(OnParamValue);
    }

    /// <summary>Reads the parameter called <paramref name="name"/>.</summary>
    public Task<ParameterResult> ReadAsync(byte targetSystem, byte targetComponent, string name, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        var request = new ParamRequestReadMessage { TargetSystem = targetSystem, TargetComponent = targetComponent, ParamIndex = -1 };
        request.ParamId.SetText(name);
        return RequestAsync(targetSystem, targetComponent, p => p.Name == name, () => _connection.SendAsync(in request, cancellationToken),
            confirm: null, cancellationToken);
    }

    /// <summary>Reads the parameter at <paramref name="index"/> (0 to param_count - 1).</summary>
    public Task<ParameterResult> ReadAsync(byte targetSystem, byte targetComponent, int index, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, short.MaxValue);
        var request = new ParamRequestReadMessage { TargetSystem = targetSystem, TargetComponent = targetComponent, ParamIndex = (short)index };
        return RequestAsync(targetSystem, targetComponent, p => p.Index == index, () => _connection.SendAsync(in request, cancellationToken),
            confirm: null, cancellationToken);
    }

    /// <summary>
    /// Sets <paramref name="name"/> to <paramref name="value"/> and waits for the PARAM_VALUE echo. Ok when the echo
    /// carries the value; Rejected (with the value kept) when it carries another.
    /// </summary>
    public Task<ParameterResult> SetAsync(byte targetSystem, byte targetComponent, string name, ParameterValue value,
        CancellationToken cancellationToken = default)
    {
        CheckName(name);
        var request = new ParamSetMessage
        {
            TargetSystem = targetSystem,
            TargetComponent = targetComponent,
            ParamType = (byte)value.Type,
            ParamValue = value.ToWire(EncodingFor(targetSystem, targetComponent)),
        };
        request.ParamId.SetText(name);
        return RequestAsync(targetSystem, targetComponent, p => p.Name == name, () => _connection.SendAsync(in request, cancellationToken),
            confirm: p => p.Value.SameValueAs(value), cancellationToken);
    }

    /// <summary>
    /// Reads every parameter: PARAM_REQUEST_LIST, then, whenever the stream pauses, PARAM_REQUEST_READ for each
    /// missing index, until all of 0..param_count-1 arrived or the gap rounds are used up.
    /// </summary>
    public async Task<ParameterListResult> ReadAllAsync(byte targetSystem, byte targetComponent, CancellationToken cancellationToken = default)
    {
        var received = new SortedDictionary<int, MavlinkParameter>();
        int expected = 0;
        int gapRequests = 0;
        bool anySent = false;
        var request = new ParamRequestListMessage { TargetSystem = targetSystem, TargetComponent = targetComponent };
        using Listener listener = Listen(targetSystem, targetComponent, _ => true);
        for (int attempt = 0; attempt <= _options.Retries && received.Count == 0; attempt++)
        {
            anySent |= await _connection.SendAsync(in request, cancellationToken).ConfigureAwait(false);
            expected = await CollectAsync(listener, received, expected, _options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        }

        for (int round = 0; round < _options.GapRounds && expected > 0 && received.Count < expected; round++)
        {
            foreach (int index in Missing(received, expected))
            {
                var read = new ParamRequestReadMessage { TargetSystem = targetSystem, TargetComponent = targetComponent, ParamIndex = (short)index };
                await _connection.SendAsync(in read, cancellationToken).ConfigureAwait(false);
                gapRequests++;
            }

            expected = await CollectAsync(listener, received, expected, _options.ListIdleTimeout, cancellationToken).ConfigureAwait(false);
        }

        int[] missing = expected > 0 ? Missing(received, expected).ToArray() : [];
        ParameterStatus status = !anySent ? ParameterStatus.NotSent
            : expected > 0 && missing.Length == 0 ? ParameterStatus.Ok
            : ParameterStatus.TimedOut;
        return new ParameterListResult(status, received.Values.ToArray(), expected, missing, gapRequests);
    }

    /// <inheritdoc />
    public void Dispose() => _subscription.Dispose();

    private static IEnumerable<int> Missing(SortedDictionary<int, MavlinkParameter> received, int expected) =>
        Enumerable.Range(0, expected).Where(i => !received.ContainsKey(i));

    private static void CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > ParamIdLength || name.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException($"parameter name '{name}' must be 1 to {ParamIdLength} printable ASCII characters", nameof(name));
        }
    }

    // Reads values until the link is quiet for `idle`; returns the param_count seen.
    private static async Task<int> CollectAsync(Listener listener, SortedDictionary<int, MavlinkParameter> received, int expected,
        TimeSpan idle, CancellationToken cancellationToken)
    {
        while (await listener.NextAsync(idle, cancellationToken).ConfigureAwait(false) is { } value)
        {
            expected = Math.Max(expected, value.Count);
            if (value.Index >= 0 && value.Index < value.Count)
            {
                received[value.Index] = value;
            }

            if (expected > 0 && received.Count >= expected)
            {
                break;
            }
        }

        return expected;
    }

    private async Task<ParameterResult> RequestAsync(byte targetSystem, byte targetComponent, Func<MavlinkParameter, bool> answers,
        Func<ValueTask<bool>> send, Func<MavlinkParameter, bool>? confirm, CancellationToken cancellationToken)
    {
        using Listener listener = Listen(targetSystem, targetComponent, answers);
        bool anySent = false;
        MavlinkParameter? last = null;
        for (int attempt = 0; attempt <= _options.Retries; attempt++)
        {
            anySent |= await send().ConfigureAwait(false);
            if (await listener.NextAsync(_options.ReplyTimeout, cancellationToken).ConfigureAwait(false) is { } answer)
            {
                last = answer;
                if (confirm is null || confirm(answer))
                {
                    return new ParameterResult(ParameterStatus.Ok, answer, attempt + 1);
                }

                // The echo carries another value: ask once more in case it was an older broadcast, else report it.
                if (await listener.NextAsync(_options.ReplyTimeout, cancellationToken).ConfigureAwait(false) is { } second)
                {
                    last = second;
                    if (confirm(second))
                    {
                        return new ParameterResult(ParameterStatus.Ok, second, attempt + 1);
                    }
                }

                return new ParameterResult(ParameterStatus.Rejected, last, attempt + 1);
            }
        }

        return new ParameterResult(anySent ? ParameterStatus.TimedOut : ParameterStatus.NotSent, last, _options.Retries + 1);
    }

    private ParameterEncoding EncodingFor(byte targetSystem, byte targetComponent)
    {
        if (_options.Encoding is { } fixedEncoding)
        {
            return fixedEncoding;
        }

        return _connection.TryGetVehicle(targetSystem, targetComponent, out VehicleInfo vehicle) && vehicle.Autopilot == MavAutopilot.Ardupilotmega
            ? ParameterEncoding.CCast
            : ParameterEncoding.Bytewise;
    }

    private Listener Listen(byte targetSystem, byte targetComponent, Func<MavlinkParameter, bool> filter)
    {
        var listener = new Listener(this, targetSystem, targetComponent, filter);
        lock (_gate)
        {
            _listeners.Add(listener);
        }

        return listener;
    }

    private void OnParamValue(in ParamValueMessage message, in MavlinkFrame frame)
    {
        Listener[] listeners;
        lock (_gate)
        {
            if (_listeners.Count == 0)
            {
                return; // nobody asked: no string is made
            }

            listeners = [.. _listeners];
        }

        var encoding = EncodingFor(frame.SystemId, frame.ComponentId);
        var parameter = new MavlinkParameter(message.ParamId.ToString(), message.ParamIndex, message.ParamCount,
            ParameterValue.FromWire(message.ParamValue, (MavParamType)message.ParamType, encoding));
        foreach (Listener listener in listeners)
        {
            listener.Offer(parameter, frame.SystemId, frame.ComponentId);
        }
    }

    private sealed class Listener(ParameterClient owner, byte targetSystem, byte targetComponent, Func<MavlinkParameter, bool> filter) : IDisposable
    {
        private readonly Channel<MavlinkParameter> _values = Channel.CreateUnbounded<MavlinkParameter>(new UnboundedChannelOptions { SingleReader = true });

        public void Offer(MavlinkParameter parameter, byte fromSystem, byte fromComponent)
        {
            if ((targetSystem == 0 || targetSystem == fromSystem) && (targetComponent == 0 || targetComponent == fromComponent) && filter(parameter))
            {
                _values.Writer.TryWrite(parameter);
            }
        }

        public async Task<MavlinkParameter?> NextAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            var (received, value) = await ChannelWait.ReadAsync(_values.Reader, wait, owner._connection.TimeProvider, cancellationToken).ConfigureAwait(false);
            return received ? value : null;
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._listeners.Remove(this);
            }

            _values.Writer.TryComplete();
        }
    }
}
