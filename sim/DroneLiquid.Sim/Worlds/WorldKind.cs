namespace DroneLiquid.Sim.Worlds;

/// <summary>The kinds of procedural world; the scenario file names them in lower case.</summary>
public enum WorldKind
{
    Empty,
    Forest,
    Urban,
}
