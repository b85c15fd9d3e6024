using System.Numerics;
using System.Runtime.CompilerServices;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Camera;

/// <summary>
/// A body-fixed forward camera rendering RGB24 and depth by ray casting through the world's grid.
/// Camera frame: x along the optical axis, y right, z down (the body FRD frame pitched by the mount).
/// Depth is the distance along the optical axis (z-buffer depth, as depth cameras report), metres; pixels
/// where nothing lies within <see cref="CameraSpec.MaxRangeMetres"/> read that range.
/// Lighting: a sun (Lambert) plus a sky-weighted ambient term, exponential fog toward the palette's fog colour,
/// a sky gradient with a sun disc, procedural ground and window textures. Per-pixel ray directions are set up
/// once; a frame allocates nothing and depends only on the world, the pose and the spec (bit-identical repeats).
/// </summary>
public sealed class ForwardCamera
{
    private const int FogTableSize = 2048;

    /// <summary>The target marker is self-lit: fog dims it at a quarter of the usual rate so it stays visible.</summary>
    private const float MarkerFogScale = 0.25f;

    private readonly World _world;
    private readonly WorldRayTracer _tracer;
    private readonly float[] _columnRight;
    private readonly float[] _rowDown;
    private readonly float[] _inverseNorm;
    private readonly Quaternion _mount;
    private readonly float[] _fogKeep;
    private readonly float[] _markerFogKeep;
    private readonly float _fogStepsPerMetre;

    public ForwardCamera(CameraSpec spec, World world)
    {
        spec.Validate();
        Spec = spec;
        _world = world;
        _tracer = new WorldRayTracer(world);
        int w = spec.WidthPixels, h = spec.HeightPixels;
        float focal = 1f / MathF.Tan(0.5f * spec.HorizontalFovRadians) * (0.5f * w);
        _columnRight = new float[w];
        _rowDown = new float[h];
        _inverseNorm = new float[w * h];
        for (int i = 0; i < w; i++)
        {
            _columnRight[i] = (i + 0.5f - (0.5f * w)) / focal;
        }

        for (int j = 0; j < h; j++)
        {
            _rowDown[j] = (j + 0.5f - (0.5f * h)) / focal;
            for (int i = 0; i < w; i++)
            {
                _inverseNorm[(j * w) + i] = 1f / MathF.Sqrt(1f + (_columnRight[i] * _columnRight[i]) + (_rowDown[j] * _rowDown[j]));
            }
        }

        // Fog transmittance exp(-density * d) tabulated every few centimetres out to the maximum range.
        _fogKeep = new float[FogTableSize + 1];
        _markerFogKeep = new float[FogTableSize + 1];
        _fogStepsPerMetre = FogTableSize / spec.MaxRangeMetres;
        for (int k = 0; k <= FogTableSize; k++)
        {
            float distance = k / _fogStepsPerMetre;
            _fogKeep[k] = MathF.Exp(-world.Palette.FogDensityPerMetre * distance);
            _markerFogKeep[k] = MathF.Exp(-world.Palette.FogDensityPerMetre * MarkerFogScale * distance);
        }

        // Positive mount pitch raises the optical axis (a rotation about the body's right axis).
        _mount = Quaternion.CreateFromAxisAngle(Vector3.UnitY, spec.MountPitchRadians);
    }

    public CameraSpec Spec { get; }

    public int RgbLength => Spec.WidthPixels * Spec.HeightPixels * 3;

    public int DepthLength => Spec.WidthPixels * Spec.HeightPixels;

    /// <summary>
    /// Renders the view from <paramref name="positionNed"/> with the body attitude <paramref name="attitudeFrdToNed"/>
    /// into <paramref name="rgb24"/> (row-major, top row first, R G B bytes) and <paramref name="depthMetres"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Render(Vector3 positionNed, Quaternion attitudeFrdToNed, Span<byte> rgb24, Span<float> depthMetres)
    {
        if (rgb24.Length < RgbLength)
        {
            throw new ArgumentException($"rgb24 must hold {RgbLength} bytes ({Spec.WidthPixels}x{Spec.HeightPixels}x3), got {rgb24.Length}", nameof(rgb24));
        }

        if (depthMetres.Length < DepthLength)
        {
            throw new ArgumentException($"depthMetres must hold {DepthLength} values, got {depthMetres.Length}", nameof(depthMetres));
        }

        Quaternion camera = Quaternion.Normalize(attitudeFrdToNed) * _mount;
        Vector3 forward = Vector3.Transform(Vector3.UnitX, camera);
        Vector3 right = Vector3.Transform(Vector3.UnitY, camera);
        Vector3 down = Vector3.Transform(Vector3.UnitZ, camera);
        int w = Spec.WidthPixels, h = Spec.HeightPixels;
        float maxRange = Spec.MaxRangeMetres;
        for (int j = 0; j < h; j++)
        {
            Vector3 rowBase = forward + (_rowDown[j] * down);
            int rowOffset = j * w;
            for (int i = 0; i < w; i++)
            {
                int pixel = rowOffset + i;
                float inverseNorm = _inverseNorm[pixel];
                Vector3 direction = (rowBase + (_columnRight[i] * right)) * inverseNorm;
                Vector3 colour;
                if (_tracer.Trace(positionNed, direction, maxRange, out RayHit hit))
                {
                    depthMetres[pixel] = hit.DistanceMetres * inverseNorm;
                    colour = Shade(positionNed, direction, in hit);
                }
                else
                {
                    depthMetres[pixel] = maxRange;
                    colour = Background(direction);
                }

                int b = pixel * 3;
                rgb24[b] = ToByte(colour.X);
                rgb24[b + 1] = ToByte(colour.Y);
                rgb24[b + 2] = ToByte(colour.Z);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector3 Shade(Vector3 origin, Vector3 direction, in RayHit hit)
    {
        WorldPalette palette = _world.Palette;
        Vector3 point = origin + (hit.DistanceMetres * direction);
        Vector3 albedo;
        if (hit.IsGround)
        {
            albedo = _world.GroundColour(point.X, point.Y);
        }
        else
        {
            ref readonly Obstacle o = ref _world.Obstacles[hit.ObstacleIndex];
            albedo = o.ColourRgb;
            if (o.Pattern == SurfacePattern.Emissive)
            {
                float glow = 0.8f + (0.2f * MathF.Max(0f, Vector3.Dot(hit.NormalNed, palette.SunDirectionNed)));
                return Fog(albedo * glow, hit.DistanceMetres, _markerFogKeep);
            }

            if (o.Pattern == SurfacePattern.Windows && hit.NormalNed.Z == 0f && IsWindow(point, hit.NormalNed))
            {
                albedo = new Vector3(0.16f, 0.22f, 0.30f);
            }
        }

        float sun = MathF.Max(0f, Vector3.Dot(hit.NormalNed, palette.SunDirectionNed));
        float skyLight = 0.7f + (0.3f * -hit.NormalNed.Z);
        Vector3 lit = albedo * ((palette.AmbientRgb * skyLight) + (palette.SunRgb * (0.85f * sun)));
        return Fog(lit * 1.25f, hit.DistanceMetres, _fogKeep);
    }

    private Vector3 Fog(Vector3 colour, float distance, float[] table)
    {
        float keep = table[Math.Min(FogTableSize, (int)(distance * _fogStepsPerMetre))];
        return (colour * keep) + (_world.Palette.FogRgb * (1f - keep));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector3 Background(Vector3 direction)
    {
        WorldPalette palette = _world.Palette;
        if (direction.Z > 0f)
        {
            return palette.FogRgb;
        }

        float elevation = MathF.Sqrt(Math.Clamp(-direction.Z, 0f, 1f));
        Vector3 sky = Vector3.Lerp(palette.SkyHorizonRgb, palette.SkyZenithRgb, elevation);
        float toSun = Vector3.Dot(direction, palette.SunDirectionNed);
        if (toSun > 0.9990f)
        {
            return Vector3.One;
        }

        if (toSun > 0.97f)
        {
            float halo = (toSun - 0.97f) / 0.029f;
            sky = Vector3.Lerp(sky, palette.SunRgb, 0.6f * halo * halo);
        }

        return sky;
    }

    private static bool IsWindow(Vector3 point, Vector3 normal)
    {
        float along = normal.X != 0f ? point.Y : point.X;
        float height = -point.Z;
        if (height < 1.5f)
        {
            return false;
        }

        float u = World.Modulo(along, 3f), v = World.Modulo(height, 3.2f);
        return u > 0.7f && u < 2.3f && v > 1.0f && v < 2.5f;
    }

    private static byte ToByte(float value) => (byte)((Math.Clamp(value, 0f, 1f) * 255f) + 0.5f);
}
