using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// The content of policy.json (DESIGN.md "Models that fly"): the architecture, the observation and action
/// specifications, provenance, and the SHA-256 of every other file in the policy folder.
/// </summary>
/// <param name="Files">File name in the folder -> lowercase hex SHA-256; filled in by <see cref="PolicyFolder.Write"/>.</param>
public sealed record PolicyDocument(
    string Name,
    string Description,
    LiquidModelSpec Architecture,
    IReadOnlyList<ObservationInput> Observations,
    IReadOnlyList<ActionOutput> Actions,
    PolicyProvenance Provenance,
    IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The policy.json format this code writes and reads.</summary>
    public const int FormatVersion = 1;
}
