using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Sim.Autopilot;

/// <summary>
/// A message copied off the receive thread for the emulator's step to handle (in simulated time, after the
/// injected latency). One slot per kind that the emulator reacts to; <see cref="MessageId"/> says which is set.
/// </summary>
internal struct InboundMessage
{
    public uint MessageId;
    public byte SystemId;
    public byte ComponentId;
    public double DueSeconds;
    public CommandLongMessage Command;
    public SetPositionTargetLocalNedMessage Setpoint;
    public ParamSetMessage ParamSet;
    public ParamRequestReadMessage ParamRead;
    public SetModeMessage SetMode;
    public RequestDataStreamMessage DataStream;
}
