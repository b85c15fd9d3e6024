using DroneLiquid.FirmwareBridge;
using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Failsafe;

namespace DroneLiquid.Service.Host;

/// <summary>How one flight of `run` or `fly` ended, with the firmware flown and the record folder.</summary>
public sealed record FlightRunResult(FlightOutcome Outcome, FirmwareKind Firmware, string RecordFolder)
{
    /// <summary>True when the flight ended in a defined final state: on the ground, holding, or handed back.</summary>
    public bool EndedDefined => Outcome.FinalState is FlightState.Landed or FlightState.Holding or FlightState.HandedBack;
}
