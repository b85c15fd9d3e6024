using System.Numerics;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Frames;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Sim.Tests.Camera;

public class ForwardCameraTests
{
    private static readonly CameraSpec Spec = new(128, 96, 1.5708f);
    private static readonly Vector3 Eye = new(0f, 0f, -2f);

    private static (byte[] Rgb, float[] Depth) Render(ForwardCamera camera, Vector3 position, Quaternion attitude)
    {
        var rgb = new byte[camera.RgbLength];
        var depth = new float[camera.DepthLength];
        camera.Render(position, attitude, rgb, depth);
        return (rgb, depth);
    }

    private static (int R, int G, int B) Pixel(byte[] rgb, int x, int y) =>
        (rgb[((y * Spec.WidthPixels) + x) * 3], rgb[(((y * Spec.WidthPixels) + x) * 3) + 1], rgb[(((y * Spec.WidthPixels) + x) * 3) + 2]);

    [Theory]
    [InlineData(WorldKind.Forest)]
    [InlineData(WorldKind.Urban)]
    public void The_same_seed_and_pose_give_identical_frames(WorldKind kind)
    {
        Quaternion attitude = new EulerAngles(0.05f, -0.1f, 0.3f).ToQuaternion();
        World a = WorldFactory.Create(kind, 11, 0.7f, 60f, Vector3.Zero, new Vector3(25f, 0f, -2f));
        World b = WorldFactory.Create(kind, 11, 0.7f, 60f, Vector3.Zero, new Vector3(25f, 0f, -2f));
        (byte[] rgbA, float[] depthA) = Render(new ForwardCamera(Spec, a), Eye, attitude);
        (byte[] rgbB, float[] depthB) = Render(new ForwardCamera(Spec, b), Eye, attitude);
        var camera = new ForwardCamera(Spec, a);
        Render(camera, new Vector3(5f, 5f, -8f), Quaternion.Identity); // an unrelated frame in between must not leak state
        (byte[] rgbC, _) = Render(camera, Eye, attitude);

        Assert.Equal(rgbA, rgbB);
        Assert.Equal(depthA, depthB);
        Assert.Equal(rgbA, rgbC);
        Assert.True(rgbA.Distinct().Count() > 50, "the frame has texture, not one flat colour");
    }

    [Fact]
    public void An_obstacle_straight_ahead_shows_at_the_image_centre_with_its_depth()
    {
        var red = new Vector3(0.8f, 0.1f, 0.1f);
        Obstacle[] wall = [Obstacle.Box(10f, -1f, 11f, 1f, 0f, 4f, red)];
        var world = new World(WorldKind.Empty, 50f, wall, new Vector3(-40f, 0f, -2f), 0.4f);
        (byte[] rgb, float[] depth) = Render(new ForwardCamera(Spec, world), Eye, Quaternion.Identity);

        int cx = Spec.WidthPixels / 2, cy = Spec.HeightPixels / 2;
        foreach ((int x, int y) in new[] { (cx - 1, cy - 1), (cx, cy - 1), (cx - 1, cy), (cx, cy) })
        {
            Assert.Equal(10f, depth[(y * Spec.WidthPixels) + x], 2); // within a centimetre
            (int r, int g, int b) = Pixel(rgb, x, y);
            Assert.True(r > 2 * g && r > 2 * b, $"centre pixel ({x},{y}) is red: {r},{g},{b}");
        }

        // The wall is 2 m wide at 10 m with a 90 degree field of view: it spans 10% of the width around the centre.
        Assert.Equal(Spec.MaxRangeMetres, depth[(cy * Spec.WidthPixels) + cx - 20]);
        Assert.Equal(Spec.MaxRangeMetres, depth[(cy * Spec.WidthPixels) + cx + 20]);
        Assert.True(depth[(cy * Spec.WidthPixels) + cx - 5] < 10.1f);
        Assert.True(depth[(cy * Spec.WidthPixels) + cx + 5] < 10.1f);
    }

    [Fact]
    public void A_round_trunk_ahead_reads_its_front_surface_distance()
    {
        Obstacle[] trunk = [Obstacle.Cylinder(8f, 0f, 0.5f, 0f, 6f, new Vector3(0.4f, 0.3f, 0.2f))];
        var world = new World(WorldKind.Forest, 50f, trunk, new Vector3(-40f, 0f, -2f), 0.4f);
        (_, float[] depth) = Render(new ForwardCamera(Spec, world), Eye, Quaternion.Identity);
        float centre = depth[((Spec.HeightPixels / 2) * Spec.WidthPixels) + (Spec.WidthPixels / 2)];
        Assert.InRange(centre, 7.49f, 7.53f);
    }

    [Fact]
    public void The_mount_pitch_and_the_vehicle_attitude_move_the_view()
    {
        Obstacle[] wall = [Obstacle.Box(10f, -1f, 11f, 1f, 0f, 4f, Vector3.One)];
        var world = new World(WorldKind.Empty, 50f, wall, new Vector3(-40f, 0f, -2f), 0.4f);
        int centre = ((Spec.HeightPixels / 2) * Spec.WidthPixels) + (Spec.WidthPixels / 2);

        // Facing east, the wall to the north is out of view.
        (_, float[] east) = Render(new ForwardCamera(Spec, world), Eye, new EulerAngles(0f, 0f, MathF.PI / 2f).ToQuaternion());
        Assert.Equal(Spec.MaxRangeMetres, east[centre]);

        // A camera pitched down 45 degrees at 2 m sees the ground 2 m ahead: depth along the axis 2 * sqrt(2).
        var down = new ForwardCamera(Spec with { MountPitchRadians = -MathF.PI / 4f }, world);
        (_, float[] ground) = Render(down, Eye, Quaternion.Identity);
        Assert.Equal(2f * MathF.Sqrt(2f), ground[centre], 1);
    }

    [Fact]
    public void The_target_is_visible_when_in_front_and_not_when_behind()
    {
        World world = WorldFactory.Create(WorldKind.Forest, 5, 0.5f, 60f, Vector3.Zero, new Vector3(15f, 0f, -2f));
        var camera = new ForwardCamera(Spec, world);
        (byte[] ahead, _) = Render(camera, Eye, Quaternion.Identity);
        (byte[] behind, _) = Render(camera, Eye, new EulerAngles(0f, 0f, MathF.PI).ToQuaternion());

        Assert.True(MarkerPixels(ahead) >= 4, $"{MarkerPixels(ahead)} magenta pixels ahead");
        Assert.Equal(0, MarkerPixels(behind));
        (int r, int g, int b) = Pixel(ahead, Spec.WidthPixels / 2, Spec.HeightPixels / 2);
        Assert.True(r > 150 && g < 100 && b > 120, $"the centre pixel is the marker's magenta: {r},{g},{b}");
    }

    [Fact]
    public void Urban_and_forest_frames_differ_in_palette_statistics()
    {
        Quaternion level = Quaternion.Identity;
        (byte[] forest, _) = Render(new ForwardCamera(Spec, WorldFactory.Create(WorldKind.Forest, 21, 0.7f, 80f, Vector3.Zero, new Vector3(30f, 0f, -2f))), Eye, level);
        (byte[] urban, _) = Render(new ForwardCamera(Spec, WorldFactory.Create(WorldKind.Urban, 21, 0.7f, 80f, Vector3.Zero, new Vector3(30f, 0f, -2f))), Eye, level);

        (double forestGreen, double forestSaturation) = Statistics(forest);
        (double urbanGreen, double urbanSaturation) = Statistics(urban);
        Assert.True(forestGreen > urbanGreen + 0.04, $"forest green excess {forestGreen:F3} vs urban {urbanGreen:F3}");
        Assert.True(forestSaturation > urbanSaturation + 0.05, $"forest saturation {forestSaturation:F3} vs urban {urbanSaturation:F3}");
    }

    [Fact]
    public void Rendering_allocates_nothing_per_frame()
    {
        World world = WorldFactory.Create(WorldKind.Forest, 2, 0.8f, 60f, Vector3.Zero, new Vector3(20f, 0f, -2f));
        var camera = new ForwardCamera(Spec with { WidthPixels = 64, HeightPixels = 48 }, world);
        var rgb = new byte[camera.RgbLength];
        var depth = new float[camera.DepthLength];
        for (int i = 0; i < 5; i++)
        {
            camera.Render(Eye, Quaternion.Identity, rgb, depth);
        }

        int frame = 0;
        Allocations.AssertNonePerCall(
            () =>
            {
                frame++;
                camera.Render(Eye + new Vector3(frame * 0.01f, 0f, 0f), new EulerAngles(0f, 0f, frame * 0.05f).ToQuaternion(), rgb, depth);
            },
            calls: 20,
            warmUp: 5);
    }

    [Fact]
    public void Short_buffers_are_refused_with_the_sizes_named()
    {
        var camera = new ForwardCamera(Spec, WorldFactory.Create(WorldKind.Empty, 1, 0f, 30f, Vector3.Zero, new Vector3(10f, 0f, -2f)));
        var error = Assert.Throws<ArgumentException>(() => camera.Render(Eye, Quaternion.Identity, new byte[10], new float[camera.DepthLength]));
        Assert.Contains("36864", error.Message);
        Assert.Contains("rgb24", error.Message);
    }

    private static int MarkerPixels(byte[] rgb)
    {
        int count = 0;
        for (int i = 0; i < rgb.Length; i += 3)
        {
            if (rgb[i] > 150 && rgb[i + 1] < 100 && rgb[i + 2] > 120)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Mean of (G - (R + B) / 2) and mean HSV saturation, both 0..1.</summary>
    private static (double GreenExcess, double Saturation) Statistics(byte[] rgb)
    {
        double green = 0, saturation = 0;
        int n = rgb.Length / 3;
        for (int i = 0; i < rgb.Length; i += 3)
        {
            double r = rgb[i] / 255.0, g = rgb[i + 1] / 255.0, b = rgb[i + 2] / 255.0;
            green += g - ((r + b) / 2);
            double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
            saturation += max > 0 ? (max - min) / max : 0;
        }

        return (green / n, saturation / n);
    }
}
