using DroneLiquid.Liquid.Models;

namespace DroneLiquid.Perception.Tests;

/// <summary>Reference files copied beside the tests, and scratch paths.</summary>
internal static class TestFiles
{
    public static readonly string[] ReferenceModels =
    [
        "cfc_default.json", "cfc_pure.json", "cfc_no_gate.json", "wiredcfc_autoncp19.json",
        "ltc_fc8.json", "ltc_autoncp19.json", "cfc_default_long500.json",
    ];

    public static TheoryData<string> ReferenceModelNames => new(ReferenceModels);

    public static string Reference(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", file);

    public static string Onnx(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", "onnx", file);

    public static ModelSource LoadModel(string file) => ModelSource.Load(Reference(file));

    /// <summary>A fresh empty directory under the temp folder.</summary>
    public static string TempDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "droneliquid-perception-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
