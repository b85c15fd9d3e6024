using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Liquid.Policies;

/// <summary>The spellings ncps uses for our enums, in policy.json and in ncps config.json files.</summary>
public static class NcpsNames
{
    public static readonly IReadOnlyList<KeyValuePair<string, CfcMode>> Modes =
    [
        new("default", CfcMode.Default),
        new("no_gate", CfcMode.NoGate),
        new("pure", CfcMode.Pure),
    ];

    public static readonly IReadOnlyList<KeyValuePair<string, BackboneActivation>> Activations =
    [
        new("lecun_tanh", BackboneActivation.LecunTanh),
        new("tanh", BackboneActivation.Tanh),
        new("relu", BackboneActivation.Relu),
        new("silu", BackboneActivation.Silu),
        new("gelu", BackboneActivation.Gelu),
    ];

    /// <summary>ncps treats any string other than "affine" and "linear" as no mapping; we spell that "none".</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, LtcMapping>> Mappings =
    [
        new("affine", LtcMapping.Affine),
        new("linear", LtcMapping.Linear),
        new("none", LtcMapping.None),
    ];

    public static string Of(CfcMode mode) => Name(Modes, mode);

    public static string Of(BackboneActivation activation) => Name(Activations, activation);

    public static string Of(LtcMapping mapping) => Name(Mappings, mapping);

    private static string Name<T>(IReadOnlyList<KeyValuePair<string, T>> names, T value)
        where T : struct, Enum =>
        names.First(n => EqualityComparer<T>.Default.Equals(n.Value, value)).Key;
}
