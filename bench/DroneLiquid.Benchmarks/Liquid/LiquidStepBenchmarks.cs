using BenchmarkDotNet.Attributes;
using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Sessions;
using DroneLiquid.Liquid.Wirings;

namespace DroneLiquid.Benchmarks.Liquid;

/// <summary>
/// One control step of the liquid runtime (session.Step: checks, cell, commit). Targets from issue 2:
/// wired CfC on AutoNCP(19, 4) with 32 inputs &lt;= 0.5 us; dense CfC 64 units, 128-wide backbone &lt; 5 us;
/// the same-size LTC (64 neurons fully connected, 6 unfolds) beside it for the closed-form speed-up.
/// Run: dotnet run -c Release --project bench/DroneLiquid.Benchmarks -- --filter '*LiquidStep*' --job short
/// </summary>
[MemoryDiagnoser]
public class LiquidStepBenchmarks
{
    private const int Inputs = 32;
    private const float ElapsedSeconds = 0.02f;

    private readonly float[] _input = new float[Inputs];
    private LiquidSession _wired = null!;
    private LiquidSession _dense = null!;
    private LiquidSession _ltc = null!;
    private float[] _wiredOutput = null!;
    private float[] _denseOutput = null!;
    private float[] _ltcOutput = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        for (int i = 0; i < Inputs; i++) _input[i] = random.NextSingle() * 2 - 1;
        (_wired, _wiredOutput) = Session(new WiredCfcSpec(Inputs, WiringGenerators.AutoNcp(inputDim: Inputs, units: 19, outputSize: 4)));
        (_dense, _denseOutput) = Session(new CfcSpec(Inputs, 64, BackboneUnits: 128, BackboneLayers: 1));
        (_ltc, _ltcOutput) = Session(new LtcSpec(Inputs, WiringGenerators.FullyConnected(inputDim: Inputs, units: 64), OdeUnfolds: 6));
    }

    [Benchmark(Description = "wired CfC, AutoNCP(19,4), 32 inputs")]
    public void WiredCfcAutoNcp19() => _wired.Step(_input, ElapsedSeconds, _wiredOutput);

    [Benchmark(Description = "dense CfC, 64 units, backbone 128x1")]
    public void DenseCfc64() => _dense.Step(_input, ElapsedSeconds, _denseOutput);

    [Benchmark(Description = "LTC, 64 neurons fully connected, 6 unfolds")]
    public void Ltc64() => _ltc.Step(_input, ElapsedSeconds, _ltcOutput);

    private static (LiquidSession, float[]) Session(LiquidModelSpec spec)
    {
        var model = LiquidModel.Create(spec, RandomWeights.Create(spec, seed: 2024));
        return (model.CreateSession(), new float[model.OutputSize]);
    }
}
