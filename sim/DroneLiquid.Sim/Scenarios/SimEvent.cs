using System.Numerics;

namespace DroneLiquid.Sim.Scenarios;

/// <summary>
/// An event scheduled at <see cref="TimeSeconds"/> of simulated time. <see cref="WindNed"/> is used by wind gusts
/// (metres per second), <see cref="DurationSeconds"/> by gusts and freezes, <see cref="RemainingFraction"/> by low battery.
/// </summary>
public readonly record struct SimEvent(double TimeSeconds, SimEventKind Kind, Vector3 WindNed, double DurationSeconds, float RemainingFraction)
{
    public static SimEvent WindGust(double timeSeconds, Vector3 peakNed, double durationSeconds) =>
        new(timeSeconds, SimEventKind.WindGust, peakNed, durationSeconds, 0f);

    public static SimEvent SensorFreeze(double timeSeconds, double durationSeconds) =>
        new(timeSeconds, SimEventKind.SensorFreeze, Vector3.Zero, durationSeconds, 0f);

    public static SimEvent LowBattery(double timeSeconds, float remainingFraction) =>
        new(timeSeconds, SimEventKind.LowBattery, Vector3.Zero, 0, remainingFraction);

    /// <summary>The snake_case name used in scenario files and flight records.</summary>
    public string KindName => Kind switch
    {
        SimEventKind.WindGust => "wind_gust",
        SimEventKind.SensorFreeze => "sensor_freeze",
        _ => "low_battery",
    };
}
