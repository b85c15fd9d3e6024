using System.Numerics;
using DroneLiquid.Sim.Core;

namespace DroneLiquid.Sim.Worlds;

/// <summary>
/// A procedural forest: deciduous trees (trunk plus one or two canopy spheres) and conifers (trunk plus two
/// stacked cones), each with its own size and shade, spaced by rejection sampling, plus undergrowth bushes.
/// At density 1 there is about one tree per 30 square metres.
/// </summary>
internal static class ForestGenerator
{
    private const float SquareMetresPerTreeAtFullDensity = 30f;

    public static List<Obstacle> Generate(SimRandom random, float density, float halfExtent, ReadOnlySpan<ClearZone> clear)
    {
        var obstacles = new List<Obstacle>();
        var trunks = new List<Vector3>(); // (north, east, keep-out radius)
        float area = 4f * halfExtent * halfExtent;
        int wanted = (int)(density * area / SquareMetresPerTreeAtFullDensity);
        int attempts = wanted * 8;
        while (trunks.Count < wanted && attempts-- > 0)
        {
            var at = new Vector2((float)random.Uniform(-halfExtent, halfExtent), (float)random.Uniform(-halfExtent, halfExtent));
            bool conifer = random.NextDouble() < 0.4;
            float trunkRadius = (float)random.Uniform(0.12, conifer ? 0.3 : 0.4);
            float height = (float)random.Uniform(conifer ? 7.0 : 5.0, conifer ? 16.0 : 11.0);
            float crown = conifer ? (float)random.Uniform(1.4, 2.6) : (float)random.Uniform(1.6, 3.2);
            if (!Allowed(at, 1.3f * crown, clear) || Crowded(at, trunkRadius, trunks))
            {
                continue;
            }

            trunks.Add(new Vector3(at, trunkRadius));
            Vector3 bark = Shade(random, new Vector3(0.36f, 0.26f, 0.17f), 0.25f);
            if (conifer)
            {
                float crownBase = (float)random.Uniform(1.5, 3.0);
                obstacles.Add(Obstacle.Cylinder(at.X, at.Y, trunkRadius, 0f, height * 0.6f, bark));
                Vector3 needles = Shade(random, new Vector3(0.10f, 0.30f, 0.14f), 0.3f);
                float middle = crownBase + ((height - crownBase) * 0.45f);
                obstacles.Add(Obstacle.Cone(at.X, at.Y, crown, crownBase, middle + ((height - crownBase) * 0.25f), needles));
                obstacles.Add(Obstacle.Cone(at.X, at.Y, crown * 0.7f, middle, height, needles * 1.1f));
            }
            else
            {
                float trunkTop = height - (crown * 0.8f);
                obstacles.Add(Obstacle.Cylinder(at.X, at.Y, trunkRadius, 0f, trunkTop + (crown * 0.3f), bark));
                Vector3 leaves = Shade(random, new Vector3(0.24f, 0.45f, 0.14f), 0.35f);
                obstacles.Add(Obstacle.Sphere(new Vector3(at.X, at.Y, -trunkTop - (crown * 0.6f)), crown, leaves));
                if (random.NextDouble() < 0.5)
                {
                    float offset = crown * 0.6f;
                    float angle = (float)random.Uniform(0, 2 * Math.PI);
                    var side = new Vector3(at.X + (offset * MathF.Cos(angle)), at.Y + (offset * MathF.Sin(angle)), -trunkTop - (crown * 0.3f));
                    obstacles.Add(Obstacle.Sphere(side, crown * 0.7f, leaves * 0.9f));
                }
            }
        }

        int bushes = (int)(density * area / 60f);
        for (int i = 0; i < bushes; i++)
        {
            var at = new Vector2((float)random.Uniform(-halfExtent, halfExtent), (float)random.Uniform(-halfExtent, halfExtent));
            float radius = (float)random.Uniform(0.3, 0.8);
            if (!Allowed(at, radius, clear))
            {
                continue;
            }

            Vector3 colour = Shade(random, new Vector3(0.22f, 0.38f, 0.12f), 0.35f);
            obstacles.Add(Obstacle.Sphere(new Vector3(at.X, at.Y, -radius * 0.4f), radius, colour));
        }

        return obstacles;
    }

    internal static bool Allowed(Vector2 at, float radius, ReadOnlySpan<ClearZone> clear)
    {
        foreach (ClearZone zone in clear)
        {
            if (!zone.Allows(at, radius))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A colour varied in brightness and hue by up to <paramref name="spread"/>.</summary>
    internal static Vector3 Shade(SimRandom random, Vector3 baseColour, float spread)
    {
        float brightness = 1f + (spread * (float)random.Uniform(-1, 1));
        var hue = new Vector3(
            1f + (0.5f * spread * (float)random.Uniform(-1, 1)),
            1f + (0.5f * spread * (float)random.Uniform(-1, 1)),
            1f + (0.5f * spread * (float)random.Uniform(-1, 1)));
        return Vector3.Clamp(baseColour * brightness * hue, Vector3.Zero, Vector3.One);
    }

    private static bool Crowded(Vector2 at, float radius, List<Vector3> trunks)
    {
        foreach (Vector3 t in trunks)
        {
            float min = t.Z + radius + 1.2f;
            if (Vector2.DistanceSquared(at, new Vector2(t.X, t.Y)) < min * min)
            {
                return true;
            }
        }

        return false;
    }
}
