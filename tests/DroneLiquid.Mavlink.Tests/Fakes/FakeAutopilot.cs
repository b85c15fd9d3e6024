using System.Collections.Concurrent;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Mavlink.Tests.Fakes;

/// <summary>
/// A small autopilot for loopback tests, itself a <see cref="MavlinkConnection"/> (system 1, component 1, PX4
/// quadrotor heartbeat): answers COMMAND_LONG/COMMAND_INT with scripted ACKs and serves a parameter table
/// with PX4's bytewise integer encoding.
/// </summary>
internal sealed class FakeAutopilot : IAsyncDisposable
{
    private readonly ConcurrentDictionary<ushort, int> _commandCounts = new();
    private readonly ConcurrentQueue<CommandLongMessage> _commandsLong = new();
    private readonly Lock _paramGate = new();
    private readonly List<(string Name, ParameterValue Value)> _parameters = [];

    public FakeAutopilot(ITransport transport, MavAutopilot autopilot = MavAutopilot.Px4, TimeProvider? timeProvider = null)
    {
        Encoding = autopilot == MavAutopilot.Ardupilotmega ? ParameterEncoding.CCast : ParameterEncoding.Bytewise;
        Connection = new MavlinkConnection(transport, new MavlinkConnectionOptions
        {
            SystemId = 1,
            ComponentId = 1,
            HeartbeatType = MavType.Quadrotor,
            HeartbeatAutopilot = autopilot,
        }, timeProvider);
        Connection.SetHeartbeatState(baseMode: 29, customMode: 0x03040000, MavState.Standby);
        Connection.Subscribe<CommandLongMessage>(OnCommandLong);
        Connection.Subscribe<CommandIntMessage>(OnCommandInt);
        Connection.Subscribe<ParamRequestReadMessage>(OnParamRequestRead);
        Connection.Subscribe<ParamRequestListMessage>(OnParamRequestList);
        Connection.Subscribe<ParamSetMessage>(OnParamSet);
    }

    public MavlinkConnection Connection { get; }

    public ParameterEncoding Encoding { get; }

    /// <summary>Requests of each command to ignore before answering (a lost ACK, as seen by the sender).</summary>
    public ConcurrentDictionary<ushort, int> IgnoreFirst { get; } = new();

    /// <summary>Final result per command; ACCEPTED when absent.</summary>
    public ConcurrentDictionary<ushort, MavResult> Results { get; } = new();

    /// <summary>Commands answered with IN_PROGRESS (progress 50) before the final ACK.</summary>
    public ConcurrentDictionary<ushort, bool> ReportProgress { get; } = new();

    /// <summary>Commands acknowledged twice (PX4 does so for DO_SET_MODE).</summary>
    public ConcurrentDictionary<ushort, bool> DuplicateAck { get; } = new();

    /// <summary>Indices left out when answering PARAM_REQUEST_LIST (gaps the client must fill).</summary>
    public HashSet<int> SkipOnList { get; } = [];

    /// <summary>Parameters that refuse PARAM_SET (the echo keeps the old value).</summary>
    public HashSet<string> ReadOnly { get; } = [];

    public IEnumerable<CommandLongMessage> CommandsLong => _commandsLong;

    public int ParamRequestReads { get; private set; }

    public int Requests(MavCmd command) => _commandCounts.GetValueOrDefault((ushort)command);

    public void AddParameter(string name, ParameterValue value)
    {
        lock (_paramGate)
        {
            _parameters.Add((name, value));
        }
    }

    public Task StartAsync() => Connection.StartAsync();

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void OnCommandLong(in CommandLongMessage command, in MavlinkFrame frame)
    {
        _commandsLong.Enqueue(command);
        Answer(command.Command, frame.SystemId, frame.ComponentId);
    }

    private void OnCommandInt(in CommandIntMessage command, in MavlinkFrame frame) => Answer(command.Command, frame.SystemId, frame.ComponentId);

    private void Answer(ushort command, byte fromSystem, byte fromComponent)
    {
        int count = _commandCounts.AddOrUpdate(command, 1, (_, n) => n + 1);
        if (count <= IgnoreFirst.GetValueOrDefault(command))
        {
            return;
        }

        if (ReportProgress.GetValueOrDefault(command))
        {
            Ack(command, MavResult.InProgress, 50, fromSystem, fromComponent);
        }

        MavResult result = Results.GetValueOrDefault(command, MavResult.Accepted);
        Ack(command, result, 100, fromSystem, fromComponent);
        if (DuplicateAck.GetValueOrDefault(command))
        {
            Ack(command, result, 100, fromSystem, fromComponent);
        }
    }

    private void Ack(ushort command, MavResult result, byte progress, byte toSystem, byte toComponent)
    {
        var ack = new CommandAckMessage
        {
            Command = command,
            Result = (byte)result,
            Progress = progress,
            TargetSystem = toSystem,
            TargetComponent = toComponent,
        };
        _ = Connection.SendAsync(in ack);
    }

    private void OnParamRequestRead(in ParamRequestReadMessage request, in MavlinkFrame frame)
    {
        ParamRequestReads++;
        string name = request.ParamId.ToString();
        lock (_paramGate)
        {
            int index = request.ParamIndex >= 0 ? request.ParamIndex : _parameters.FindIndex(p => p.Name == name);
            if (index >= 0 && index < _parameters.Count)
            {
                SendValue(index);
            }
        }
    }

    private void OnParamRequestList(in ParamRequestListMessage request, in MavlinkFrame frame)
    {
        lock (_paramGate)
        {
            for (int i = 0; i < _parameters.Count; i++)
            {
                if (!SkipOnList.Contains(i))
                {
                    SendValue(i);
                }
            }
        }
    }

    private void OnParamSet(in ParamSetMessage request, in MavlinkFrame frame)
    {
        string name = request.ParamId.ToString();
        lock (_paramGate)
        {
            int index = _parameters.FindIndex(p => p.Name == name);
            if (index < 0)
            {
                return;
            }

            if (!ReadOnly.Contains(name))
            {
                _parameters[index] = (name, ParameterValue.FromWire(request.ParamValue, (MavParamType)request.ParamType, Encoding));
            }

            SendValue(index);
        }
    }

    private void SendValue(int index)
    {
        var (name, value) = _parameters[index];
        var message = new ParamValueMessage
        {
            ParamValue = value.ToWire(Encoding),
            ParamType = (byte)value.Type,
            ParamIndex = (ushort)index,
            ParamCount = (ushort)_parameters.Count,
        };
        message.ParamId.SetText(name);
        _ = Connection.SendAsync(in message);
    }
}
