namespace DroneLiquid.Training.Config;

/// <summary>
/// The recurrent head. <c>type</c>: "cfc" (dense CfC, default mode, lecun_tanh backbone, fc projection to the
/// actions), "ncp" (wired CfC on an NCP wiring whose motor neurons are the actions), or "lstm" (ncps's
/// mixed-memory LSTM into a CfC whose time gate is frozen, so elapsed time never enters: the baseline).
/// </summary>
public sealed record ModelConfig(
    string Type,
    int Units = 32,
    int BackboneUnits = 64,
    int BackboneLayers = 1,
    int Inter = 18,
    int Command = 12,
    int SensoryFanout = 6,
    int InterFanout = 4,
    int RecurrentCommandSynapses = 4,
    int MotorFanin = 6,
    int WiringSeed = 22222)
{
    public IEnumerable<string> Validate()
    {
        if (Type is not ("cfc" or "ncp" or "lstm")) yield return $"type: is '{Type}', expected cfc, ncp or lstm";
        if (Units < 1) yield return $"units: is {Units}, expected >= 1";
        if (Type != "ncp" && BackboneLayers < 0) yield return $"backbone_layers: is {BackboneLayers}, expected >= 0";
        if (Type != "ncp" && BackboneLayers > 0 && BackboneUnits < 1) yield return $"backbone_units: is {BackboneUnits}, expected >= 1";
        if (Type == "ncp" && (Inter < 1 || Command < 1)) yield return $"inter/command: are {Inter}/{Command}, expected >= 1 each";
    }
}
