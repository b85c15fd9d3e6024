using System.Text.Json.Serialization;

namespace DroneLiquid.Sim.Records;

/// <summary>Something that happened during a flight: an injected event, a mode change, arming, takeoff, landing, the episode's end.</summary>
public sealed record FlightEvent(
    [property: JsonPropertyName("time_s")] double TimeSeconds,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("north_m")] float NorthMetres,
    [property: JsonPropertyName("east_m")] float EastMetres);
