using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Control;

/// <summary>
/// One mission: fly from the local origin to <paramref name="TargetNed"/> (NED, m, relative to the autopilot's
/// local origin; the policy sees it as its goal), after a take-off to <paramref name="AltitudeMetres"/> above the
/// origin. The target counts as reached when the horizontal distance is at most
/// <paramref name="TargetRadiusMetres"/>; the mission ends with a landing on reaching it or after
/// <paramref name="TimeLimit"/> of policy control.
/// </summary>
public sealed record FlightPlan(PositionNed TargetNed, float AltitudeMetres, float TargetRadiusMetres, TimeSpan TimeLimit)
{
    /// <summary>Every problem with the plan, one line each naming the field, its value and what is allowed; empty when valid.</summary>
    public List<string> Problems()
    {
        var problems = new List<string>();
        if (!TargetNed.IsFinite)
        {
            problems.Add($"plan target ({TargetNed.NorthMetres}, {TargetNed.EastMetres}, {TargetNed.DownMetres}) m NED is not finite; expected finite north, east and down");
        }

        if (!float.IsFinite(AltitudeMetres) || AltitudeMetres is < 0.5f or > 500f)
        {
            problems.Add($"plan altitude is {AltitudeMetres} m; expected 0.5 to 500");
        }

        if (!float.IsFinite(TargetRadiusMetres) || TargetRadiusMetres is < 0.1f or > 1000f)
        {
            problems.Add($"plan target radius is {TargetRadiusMetres} m; expected 0.1 to 1000");
        }

        if (TimeLimit < TimeSpan.FromSeconds(1) || TimeLimit > TimeSpan.FromHours(24))
        {
            problems.Add($"plan time limit is {TimeLimit}; expected 00:00:01 to 1.00:00:00");
        }

        return problems;
    }
}
