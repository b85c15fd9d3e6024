using System.Numerics;
using System.Runtime.CompilerServices;

namespace DroneLiquid.Sim.Worlds;

/// <summary>Ray versus primitive tests. Each returns the nearest hit distance in (tMin, tMax) and its outward normal, or false.</summary>
internal static class RayIntersections
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Intersect(in Obstacle o, Vector3 origin, Vector3 direction, float tMin, float tMax, out float t, out Vector3 normal) =>
        o.Shape switch
        {
            ObstacleShape.Sphere => Sphere(o.A, o.Radius, origin, direction, tMin, tMax, out t, out normal),
            ObstacleShape.Box => Box(o.A, o.B, origin, direction, tMin, tMax, out t, out normal),
            ObstacleShape.Cylinder => Cylinder(o.A, o.B.Z, o.Radius, origin, direction, tMin, tMax, out t, out normal),
            _ => Cone(o.A, o.B.Z, o.Radius, origin, direction, tMin, tMax, out t, out normal),
        };

    private static bool Sphere(Vector3 centre, float radius, Vector3 o, Vector3 d, float tMin, float tMax, out float t, out Vector3 normal)
    {
        Vector3 oc = o - centre;
        float b = Vector3.Dot(oc, d);
        float c = Vector3.Dot(oc, oc) - (radius * radius);
        float discriminant = (b * b) - c;
        t = 0f;
        normal = default;
        if (discriminant < 0f)
        {
            return false;
        }

        float root = MathF.Sqrt(discriminant);
        t = -b - root;
        if (t <= tMin)
        {
            t = -b + root;
        }

        if (t <= tMin || t >= tMax)
        {
            return false;
        }

        normal = ((o + (t * d)) - centre) / radius;
        return true;
    }

    private static bool Box(Vector3 min, Vector3 max, Vector3 o, Vector3 d, float tMin, float tMax, out float t, out Vector3 normal)
    {
        Vector3 inverse = Vector3.One / d;
        Vector3 t0 = (min - o) * inverse;
        Vector3 t1 = (max - o) * inverse;
        Vector3 near = Vector3.Min(t0, t1);
        Vector3 far = Vector3.Max(t0, t1);
        float enter = MathF.Max(near.X, MathF.Max(near.Y, near.Z));
        float exit = MathF.Min(far.X, MathF.Min(far.Y, far.Z));
        t = enter;
        normal = default;
        if (enter > exit || exit <= tMin || enter >= tMax || enter <= tMin)
        {
            return false;
        }

        if (enter == near.X)
        {
            normal = new Vector3(-MathF.Sign(d.X), 0f, 0f);
        }
        else if (enter == near.Y)
        {
            normal = new Vector3(0f, -MathF.Sign(d.Y), 0f);
        }
        else
        {
            normal = new Vector3(0f, 0f, -MathF.Sign(d.Z));
        }

        return true;
    }

    private static bool Cylinder(Vector3 top, float bottomDown, float radius, Vector3 o, Vector3 d, float tMin, float tMax, out float t, out Vector3 normal)
    {
        t = float.MaxValue;
        normal = default;
        float px = o.X - top.X, py = o.Y - top.Y;
        float a = (d.X * d.X) + (d.Y * d.Y);
        if (a > 1e-12f)
        {
            float b = (px * d.X) + (py * d.Y);
            float c = (px * px) + (py * py) - (radius * radius);
            float discriminant = (b * b) - (a * c);
            if (discriminant >= 0f)
            {
                float root = MathF.Sqrt(discriminant);
                float side = (-b - root) / a;
                if (side <= tMin)
                {
                    side = (-b + root) / a;
                }

                float z = o.Z + (side * d.Z);
                if (side > tMin && side < tMax && z >= top.Z && z <= bottomDown)
                {
                    t = side;
                    normal = new Vector3((px + (side * d.X)) / radius, (py + (side * d.Y)) / radius, 0f);
                }
            }
        }

        Cap(top.Z, -1f, top, radius, o, d, tMin, tMax, ref t, ref normal);
        Cap(bottomDown, 1f, top, radius, o, d, tMin, tMax, ref t, ref normal);
        return t < float.MaxValue;
    }

    private static bool Cone(Vector3 apex, float baseDown, float radius, Vector3 o, Vector3 d, float tMin, float tMax, out float t, out Vector3 normal)
    {
        t = float.MaxValue;
        normal = default;
        float h = baseDown - apex.Z;
        float k = radius / h;
        float k2 = k * k;
        Vector3 p = o - apex;
        float a = (d.X * d.X) + (d.Y * d.Y) - (k2 * d.Z * d.Z);
        float b = (p.X * d.X) + (p.Y * d.Y) - (k2 * p.Z * d.Z);
        float c = (p.X * p.X) + (p.Y * p.Y) - (k2 * p.Z * p.Z);
        if (MathF.Abs(a) > 1e-9f)
        {
            float discriminant = (b * b) - (a * c);
            if (discriminant >= 0f)
            {
                float root = MathF.Sqrt(discriminant);
                float r0 = (-b - root) / a, r1 = (-b + root) / a;
                ConeRoot(MathF.Min(r0, r1), p, d, h, k2, tMin, tMax, ref t, ref normal);
                ConeRoot(MathF.Max(r0, r1), p, d, h, k2, tMin, tMax, ref t, ref normal);
            }
        }

        Cap(baseDown, 1f, apex, radius, o, d, tMin, tMax, ref t, ref normal);
        return t < float.MaxValue;
    }

    private static void ConeRoot(float root, Vector3 p, Vector3 d, float h, float k2, float tMin, float tMax, ref float t, ref Vector3 normal)
    {
        if (root <= tMin || root >= tMax || root >= t)
        {
            return;
        }

        Vector3 q = p + (root * d);
        if (q.Z < 0f || q.Z > h)
        {
            return;
        }

        t = root;
        normal = Vector3.Normalize(new Vector3(q.X, q.Y, -k2 * q.Z));
    }

    private static void Cap(float capDown, float normalZ, Vector3 axis, float radius, Vector3 o, Vector3 d, float tMin, float tMax, ref float t, ref Vector3 normal)
    {
        if (MathF.Abs(d.Z) < 1e-9f)
        {
            return;
        }

        float tc = (capDown - o.Z) / d.Z;
        if (tc <= tMin || tc >= tMax || tc >= t)
        {
            return;
        }

        float x = o.X + (tc * d.X) - axis.X, y = o.Y + (tc * d.Y) - axis.Y;
        if ((x * x) + (y * y) <= radius * radius)
        {
            t = tc;
            normal = new Vector3(0f, 0f, normalZ);
        }
    }
}
