namespace DroneLiquid.Sim.Records;

/// <summary>Something that happened during a flight: an injected event, a mode change, arming, takeoff, landing, the episode's end.</summary>
public sealed record FlightEvent(double TimeSeconds, string Kind, string Detail, float NorthMetres, float EastMetres);
