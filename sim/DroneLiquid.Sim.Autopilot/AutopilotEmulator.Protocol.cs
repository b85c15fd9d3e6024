using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Sim.Autopilot.Telemetry;

namespace DroneLiquid.Sim.Autopilot;

/// <summary>The shared protocol: queueing what arrives, parameters, message intervals and the telemetry streams.</summary>
public abstract partial class AutopilotEmulator
{
    /// <summary>param_index reported in the reply to a by-name read (PX4: the real index; ArduPilot: 65535).</summary>
    protected virtual bool ReportsIndexOnNamedRead => true;

    /// <summary>Whether the emulator answers a message addressed to (<paramref name="system"/>, <paramref name="component"/>).</summary>
    private static bool ForUs(byte system, byte component) => (system == 0 || system == 1) && (component == 0 || component == 1);

    private void Enqueue(ref InboundMessage message, in MavlinkFrame frame)
    {
        message.SystemId = frame.SystemId;
        message.ComponentId = frame.ComponentId;
        lock (_inboundGate)
        {
            message.DueSeconds = World.ElapsedSeconds + _latencySeconds;
            _inbound.Add(message);
        }
    }

    private void OnCommandLong(in CommandLongMessage m, in MavlinkFrame frame)
    {
        if (ForUs(m.TargetSystem, m.TargetComponent))
        {
            var inbound = new InboundMessage { MessageId = CommandLongMessage.MavlinkId, Command = m };
            Enqueue(ref inbound, in frame);
        }
    }

    private void OnCommandInt(in CommandIntMessage m, in MavlinkFrame frame)
    {
        if (!ForUs(m.TargetSystem, m.TargetComponent))
        {
            return;
        }

        // The commands emulated here take plain numbers in params 5 and 6, so COMMAND_INT maps onto COMMAND_LONG.
        var command = new CommandLongMessage
        {
            Command = m.Command,
            Param1 = m.Param1,
            Param2 = m.Param2,
            Param3 = m.Param3,
            Param4 = m.Param4,
            Param5 = m.X,
            Param6 = m.Y,
            Param7 = m.Z,
            TargetSystem = m.TargetSystem,
            TargetComponent = m.TargetComponent,
        };
        var inbound = new InboundMessage { MessageId = CommandLongMessage.MavlinkId, Command = command };
        Enqueue(ref inbound, in frame);
    }

    private void OnSetpoint(in SetPositionTargetLocalNedMessage m, in MavlinkFrame frame)
    {
        if (ForUs(m.TargetSystem, m.TargetComponent))
        {
            var inbound = new InboundMessage { MessageId = SetPositionTargetLocalNedMessage.MavlinkId, Setpoint = m };
            Enqueue(ref inbound, in frame);
        }
    }

    private void OnParamRead(in ParamRequestReadMessage m, in MavlinkFrame frame)
    {
        if (ForUs(m.TargetSystem, m.TargetComponent))
        {
            var inbound = new InboundMessage { MessageId = ParamRequestReadMessage.MavlinkId, ParamRead = m };
            Enqueue(ref inbound, in frame);
        }
    }

    private void OnParamList(in ParamRequestListMessage m, in MavlinkFrame frame)
    {
        if (ForUs(m.TargetSystem, m.TargetComponent))
        {
            var inbound = new InboundMessage { MessageId = ParamRequestListMessage.MavlinkId };
            Enqueue(ref inbound, in frame);
        }
    }

    private void OnParamSet(in ParamSetMessage m, in MavlinkFrame frame)
    {
        if (ForUs(m.TargetSystem, m.TargetComponent))
        {
            var inbound = new InboundMessage { MessageId = ParamSetMessage.MavlinkId, ParamSet = m };
            Enqueue(ref inbound, in frame);
        }
    }

    private void OnSetMode(in SetModeMessage m, in MavlinkFrame frame)
    {
        if (m.TargetSystem is 0 or 1)
        {
            var inbound = new InboundMessage { MessageId = SetModeMessage.MavlinkId, SetMode = m };
            Enqueue(ref inbound, in frame);
        }
    }

    private void OnRequestDataStream(in RequestDataStreamMessage m, in MavlinkFrame frame)
    {
        if (ForUs(m.TargetSystem, m.TargetComponent))
        {
            var inbound = new InboundMessage { MessageId = RequestDataStreamMessage.MavlinkId, DataStream = m };
            Enqueue(ref inbound, in frame);
        }
    }

    private void HandleInbound(double now)
    {
        _handling.Clear();
        lock (_inboundGate)
        {
            int kept = 0;
            for (int i = 0; i < _inbound.Count; i++)
            {
                if (_inbound[i].DueSeconds <= now + 1e-9)
                {
                    _handling.Add(_inbound[i]);
                }
                else
                {
                    _inbound[kept++] = _inbound[i];
                }
            }

            _inbound.RemoveRange(kept, _inbound.Count - kept);
        }

        for (int i = 0; i < _handling.Count; i++)
        {
            InboundMessage m = _handling[i];
            switch (m.MessageId)
            {
                case CommandLongMessage.MavlinkId:
                    if (!HandleIntervalCommand(in m.Command, m.SystemId, m.ComponentId, now))
                    {
                        HandleCommand(in m.Command, m.SystemId, m.ComponentId, now);
                    }

                    break;
                case SetPositionTargetLocalNedMessage.MavlinkId:
                {
                    Setpoint setpoint = Setpoint.Decode(in m.Setpoint, AcceptsBodyOffsetFrame, World.Controller.Tuning.SetpointSanityLimitMetresPerSecond);
                    HandleSetpoint(in setpoint, now);
                    break;
                }

                case ParamRequestReadMessage.MavlinkId:
                    HandleParamRead(in m.ParamRead);
                    break;
                case ParamRequestListMessage.MavlinkId:
                    for (int p = 0; p < Parameters.Count; p++)
                    {
                        Send(Parameters.ToMessage(p, (ushort)p));
                    }

                    break;
                case ParamSetMessage.MavlinkId:
                    HandleParamSet(in m.ParamSet);
                    break;
                case SetModeMessage.MavlinkId:
                    HandleSetMode(in m.SetMode, now);
                    break;
                default:
                    HandleRequestDataStream(in m.DataStream, now);
                    break;
            }
        }
    }

    private void HandleParamRead(in ParamRequestReadMessage m)
    {
        if (m.ParamIndex >= 0)
        {
            if (m.ParamIndex < Parameters.Count)
            {
                Send(Parameters.ToMessage(m.ParamIndex, (ushort)m.ParamIndex));
            }

            return;
        }

        // Unknown names get no answer, as on the real autopilots (the client times out).
        if (Parameters.TryGet(m.ParamId.ToString(), out int index))
        {
            Send(Parameters.ToMessage(index, ReportsIndexOnNamedRead ? (ushort)index : ushort.MaxValue));
        }
    }

    private void HandleParamSet(in ParamSetMessage m)
    {
        if (!Parameters.TryGet(m.ParamId.ToString(), out int index))
        {
            return;
        }

        // A refused value is answered with the unchanged value, which the client reads as "not set".
        Parameters.TrySet(index, m.ParamValue, (MavParamType)m.ParamType, out _);
        Send(Parameters.ToMessage(index, ReportsIndexOnNamedRead ? (ushort)index : ushort.MaxValue));
    }

    /// <summary>SET_MESSAGE_INTERVAL (511), GET_MESSAGE_INTERVAL (510) and REQUEST_MESSAGE (512), shared by both personalities.</summary>
    private bool HandleIntervalCommand(in CommandLongMessage c, byte fromSystem, byte fromComponent, double now)
    {
        switch ((MavCmd)c.Command)
        {
            case MavCmd.SetMessageInterval:
            {
                uint id = float.IsFinite(c.Param1) && c.Param1 >= 0 ? (uint)c.Param1 : uint.MaxValue;
                bool ok = id != HeartbeatMessage.MavlinkId && Streams.TrySetInterval(id, c.Param2, now);
                Ack(c.Command, ok ? MavResult.Accepted : MavResult.Failed, fromSystem, fromComponent);
                return true;
            }

            case MavCmd.GetMessageInterval:
            {
                uint id = float.IsFinite(c.Param1) && c.Param1 >= 0 ? (uint)c.Param1 : uint.MaxValue;
                bool known = Streams.TryGetInterval(id, out double interval) || id == HeartbeatMessage.MavlinkId;
                Ack(c.Command, known ? MavResult.Accepted : MavResult.Failed, fromSystem, fromComponent);
                if (known)
                {
                    int us = id == HeartbeatMessage.MavlinkId ? 1_000_000 : interval > 0 ? (int)Math.Round(interval * 1e6) : -1;
                    Send(new MessageIntervalMessage { MessageId = (ushort)id, IntervalUs = us });
                }

                return true;
            }

            case MavCmd.RequestMessage:
            {
                uint id = float.IsFinite(c.Param1) && c.Param1 >= 0 ? (uint)c.Param1 : uint.MaxValue;
                int index = TelemetryStreams.IndexOf(id);
                Ack(c.Command, index >= 0 ? MavResult.Accepted : MavResult.Failed, fromSystem, fromComponent);
                if (index >= 0)
                {
                    SendStream(index);
                }

                return true;
            }

            default:
                return false;
        }
    }

    private void EmitTelemetry(double now)
    {
        int index = -1;
        while ((index = Streams.NextDue(now, index + 1)) >= 0)
        {
            SendStream(index);
        }
    }

    private void SendStream(int index)
    {
        switch (TelemetryStreams.Supported[index])
        {
            case AttitudeMessage.MavlinkId:
                Send(Telemetry.Attitude());
                break;
            case AttitudeQuaternionMessage.MavlinkId:
                Send(Telemetry.AttitudeQuaternion());
                break;
            case HighresImuMessage.MavlinkId:
                Send(Telemetry.HighresImu());
                break;
            case LocalPositionNedMessage.MavlinkId:
                Send(Telemetry.LocalPosition());
                break;
            case GlobalPositionIntMessage.MavlinkId:
                Send(Telemetry.GlobalPosition());
                break;
            case SysStatusMessage.MavlinkId:
                Send(Telemetry.SysStatus());
                break;
            case ExtendedSysStateMessage.MavlinkId:
                Send(Telemetry.ExtendedSysState());
                break;
            case BatteryStatusMessage.MavlinkId:
                Send(Telemetry.BatteryStatus());
                break;
            case HomePositionMessage.MavlinkId:
                Send(Telemetry.HomePosition());
                break;
            default:
                Send(Telemetry.PositionTarget());
                break;
        }
    }
}
