namespace DroneLiquid.Sim.Autopilot;

/// <summary>Events injected at the autopilot or link level (physical ones, wind gust, sensor freeze, low battery, go to the SimWorld).</summary>
public enum EmulatorEventKind
{
    /// <summary>A pilot (RC) or another ground station switches the flight mode to <see cref="EmulatorEvent.CustomMode"/>.</summary>
    PilotModeSwitch,

    /// <summary>Nothing passes the link either way for the duration (heartbeats included).</summary>
    LinkLoss,

    /// <summary>Received messages take effect <see cref="EmulatorEvent.Value"/> seconds late for the duration.</summary>
    LinkLatency,

    /// <summary>Each datagram or received chunk is lost with probability <see cref="EmulatorEvent.Value"/> for the duration.</summary>
    PacketLoss,
}
