using System.Numerics;
using DroneLiquid.Sim.Core;

namespace DroneLiquid.Sim.Worlds;

/// <summary>
/// A procedural city block grid: streets every <see cref="World.StreetPeriodMetres"/>, buildings (boxes with
/// windows, in concrete, brick and glass tones) on the lots between them, street-light poles along the kerbs
/// and signs on some of them. Density sets how many lots are built on and how tall.
/// </summary>
internal static class UrbanGenerator
{
    private static readonly Vector3[] Facades =
    [
        new(0.62f, 0.60f, 0.57f), // concrete
        new(0.55f, 0.30f, 0.24f), // brick
        new(0.40f, 0.48f, 0.56f), // glass
        new(0.75f, 0.72f, 0.64f), // sandstone
        new(0.35f, 0.36f, 0.38f), // dark stone
    ];

    public static List<Obstacle> Generate(SimRandom random, float density, float halfExtent, ReadOnlySpan<ClearZone> clear)
    {
        var obstacles = new List<Obstacle>();
        float period = World.StreetPeriodMetres, street = World.StreetWidthMetres;
        int blocks = (int)MathF.Ceiling(halfExtent / period);
        for (int bn = -blocks; bn < blocks; bn++)
        {
            for (int be = -blocks; be < blocks; be++)
            {
                // The lot between streets centred at bn*period and (bn+1)*period.
                float lotMinN = (bn * period) + (0.5f * street) + 1.5f, lotMaxN = ((bn + 1) * period) - (0.5f * street) - 1.5f;
                float lotMinE = (be * period) + (0.5f * street) + 1.5f, lotMaxE = ((be + 1) * period) - (0.5f * street) - 1.5f;
                AddBuildings(random, density, halfExtent, clear, obstacles, lotMinN, lotMaxN, lotMinE, lotMaxE);
                AddPoles(random, density, halfExtent, clear, obstacles, lotMinN, lotMinE, lotMaxE);
            }
        }

        return obstacles;
    }

    private static void AddBuildings(SimRandom random, float density, float halfExtent, ReadOnlySpan<ClearZone> clear, List<Obstacle> obstacles,
        float minN, float maxN, float minE, float maxE)
    {
        // Split each lot into 2 x 2 parcels; each is built on with probability rising with density.
        float midN = 0.5f * (minN + maxN), midE = 0.5f * (minE + maxE);
        for (int i = 0; i < 4; i++)
        {
            float n0 = i < 2 ? minN : midN + 0.5f, n1 = i < 2 ? midN - 0.5f : maxN;
            float e0 = (i % 2) == 0 ? minE : midE + 0.5f, e1 = (i % 2) == 0 ? midE - 0.5f : maxE;
            if (random.NextDouble() > 0.35 + (0.6 * density))
            {
                continue;
            }

            float shrinkN = (float)random.Uniform(0, 3), shrinkE = (float)random.Uniform(0, 3);
            var min = new Vector2(n0 + shrinkN, e0 + shrinkE);
            var max = new Vector2(n1 - (float)random.Uniform(0, 3), e1 - (float)random.Uniform(0, 3));
            float height = (float)random.Uniform(6, 14 + (36 * density));
            Vector3 facade = ForestGenerator.Shade(random, Facades[random.NextInt(Facades.Length)], 0.12f);
            if (max.X - min.X < 3f || max.Y - min.Y < 3f || !Inside(min, max, halfExtent) || !AllowsRectangle(clear, min, max))
            {
                continue;
            }

            obstacles.Add(Obstacle.Box(min.X, min.Y, max.X, max.Y, 0f, height, facade, SurfacePattern.Windows));
        }
    }

    private static void AddPoles(SimRandom random, float density, float halfExtent, ReadOnlySpan<ClearZone> clear, List<Obstacle> obstacles,
        float lotMinN, float lotMinE, float lotMaxE)
    {
        // Street lights along the kerb on the south side of each lot, every 10-20 m depending on density.
        float spacing = 20f - (10f * density);
        float kerbN = lotMinN - 1f;
        for (float e = lotMinE + (float)random.Uniform(0, spacing); e < lotMaxE; e += spacing)
        {
            var at = new Vector2(kerbN, e);
            if (MathF.Abs(at.X) > halfExtent - 1f || MathF.Abs(at.Y) > halfExtent - 1f || !ForestGenerator.Allowed(at, 0.6f, clear))
            {
                continue;
            }

            Vector3 metal = ForestGenerator.Shade(random, new Vector3(0.30f, 0.32f, 0.34f), 0.15f);
            float height = (float)random.Uniform(5, 8);
            obstacles.Add(Obstacle.Cylinder(at.X, at.Y, 0.12f, 0f, height, metal));
            obstacles.Add(Obstacle.Box(at.X - 0.3f, at.Y - 0.3f, at.X + 0.3f, at.Y + 0.3f, height, height + 0.25f, new Vector3(0.95f, 0.92f, 0.75f)));
            if (random.NextDouble() < 0.35)
            {
                Vector3 sign = random.NextDouble() < 0.5 ? new Vector3(0.10f, 0.35f, 0.75f) : new Vector3(0.80f, 0.12f, 0.10f);
                obstacles.Add(Obstacle.Box(at.X - 0.05f, at.Y - 0.45f, at.X + 0.05f, at.Y + 0.45f, 2.4f, 3.1f, sign));
            }
        }
    }

    private static bool Inside(Vector2 min, Vector2 max, float halfExtent) =>
        min.X > -halfExtent && min.Y > -halfExtent && max.X < halfExtent && max.Y < halfExtent;

    private static bool AllowsRectangle(ReadOnlySpan<ClearZone> clear, Vector2 min, Vector2 max)
    {
        foreach (ClearZone zone in clear)
        {
            if (!zone.AllowsRectangle(min, max))
            {
                return false;
            }
        }

        return true;
    }
}
