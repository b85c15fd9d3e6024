using DroneLiquid.Evaluation.Expert;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Evaluation.Episodes;

/// <summary>Everything needed to fly one episode: its layout, the simulator scenario, the generated world and the expert's plan.</summary>
public sealed record EpisodeSetup(EpisodeLayout Layout, Scenario Scenario, World World, CostToGoMap Plan);
