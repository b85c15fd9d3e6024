namespace DroneLiquid.Training.Data;

/// <summary>
/// Generated waypoint episodes for smoke runs and tests without a collected data set: a point mass with a
/// first-order velocity lag (time constant 0.4 s) flies to a random goal; the "expert" command is a saturated
/// proportional law on the body-frame goal vector, and yaw rate turns the nose toward the goal. Elapsed times
/// jitter around 0.05 s with occasional dropped samples, as a real tick does. Same seed, same episodes.
/// </summary>
public static class SyntheticData
{
    public static readonly string[] ObservationNames =
        ["goal_body_forward", "goal_body_right", "goal_body_down", "velocity_body_forward", "velocity_body_right", "velocity_body_down", "yaw_sin", "yaw_cos"];

    public static readonly string[] ActionNames = ["velocity_body_forward", "velocity_body_right", "velocity_body_down", "yaw_rate"];

    public static TrainingData Generate(int episodes, int steps, int seed)
    {
        var random = new Random(seed);
        var list = new List<TrainingEpisode>(episodes);
        for (int e = 0; e < episodes; e++)
        {
            list.Add(Episode(random, $"synthetic-{seed}-{e}", steps));
        }

        return new TrainingData(ObservationNames, ActionNames, list);
    }

    private static TrainingEpisode Episode(Random random, string id, int steps)
    {
        int nObs = ObservationNames.Length, nAct = ActionNames.Length;
        var obs = new float[steps * nObs];
        var act = new float[steps * nAct];
        var elapsed = new float[steps];
        double n = 0, east = 0, down = 0, vn = 0, ve = 0, vd = 0, yaw = (random.NextDouble() * 2 - 1) * Math.PI;
        double gn = (random.NextDouble() * 2 - 1) * 30, ge = (random.NextDouble() * 2 - 1) * 30, gd = (random.NextDouble() * 2 - 1) * 5;
        for (int t = 0; t < steps; t++)
        {
            double dt = 0.05 * (0.8 + 0.4 * random.NextDouble()) * (random.NextDouble() < 0.03 ? 2 : 1);
            elapsed[t] = (float)dt;
            var (sin, cos) = Math.SinCos(yaw);
            double fN = gn - n, fE = ge - east, fD = gd - down;
            double gf = fN * cos + fE * sin, gr = -fN * sin + fE * cos;
            double vf = vn * cos + ve * sin, vr = -vn * sin + ve * cos;
            float[] o = [(float)gf, (float)gr, (float)fD, (float)vf, (float)vr, (float)vd, (float)sin, (float)cos];
            o.CopyTo(obs, t * nObs);
            double cf = Math.Clamp(0.5 * gf, -4, 4), cr = Math.Clamp(0.5 * gr, -4, 4), cd = Math.Clamp(0.5 * fD, -2, 2);
            double cy = Math.Clamp(1.5 * Math.Atan2(gr, Math.Max(gf, 1e-3)), -1, 1);
            float[] a = [(float)cf, (float)cr, (float)cd, (float)cy];
            a.CopyTo(act, t * nAct);
            double k = 1 - Math.Exp(-dt / 0.4);
            double wantN = cf * cos - cr * sin, wantE = cf * sin + cr * cos;
            vn += (wantN - vn) * k;
            ve += (wantE - ve) * k;
            vd += (cd - vd) * k;
            n += vn * dt;
            east += ve * dt;
            down += vd * dt;
            yaw += cy * dt;
        }

        return new TrainingEpisode(id, steps, obs, elapsed, act, null, false);
    }
}
