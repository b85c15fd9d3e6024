using System.Numerics;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;
using Xunit.Abstractions;
namespace DroneLiquid.Sim.Tests.Camera;
public class ScratchTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(WorldKind.Forest)]
    [InlineData(WorldKind.Urban)]
    public void Scratch(WorldKind kind)
    {
        var world = WorldFactory.Create(kind, 7, 0.6f, 60f, Vector3.Zero, new Vector3(20f, 0f, -2f));
        var spec = new CameraSpec(256, 144, 1.5708f);
        var cam = new ForwardCamera(spec, world);
        var rgb = new byte[cam.RgbLength]; var depth = new float[cam.DepthLength];
        var pos = new Vector3(0f, 0f, -2f);
        cam.Render(pos, Quaternion.Identity, rgb, depth);
        FrameImage.SavePng($"/tmp/sim_{kind}.png", rgb, spec.WidthPixels, spec.HeightPixels);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < 3) cam.Render(pos, Quaternion.Identity, rgb, depth);
        sw.Restart(); int n = 0;
        var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        while (sw.Elapsed.TotalSeconds < 2) { cam.Render(pos, Quaternion.Identity, rgb, depth); n++; }
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var tracer = new WorldRayTracer(world);
        var dirs = new Vector3[spec.WidthPixels * spec.HeightPixels];
        for (int j = 0; j < spec.HeightPixels; j++) for (int i = 0; i < spec.WidthPixels; i++) dirs[j * spec.WidthPixels + i] = Vector3.Normalize(new Vector3(1f, (i - 128f) / 128f, (j - 72f) / 128f));
        for (int k = 0; k < 20; k++) foreach (var d in dirs) tracer.Trace(pos, d, 120f, out _);
        cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        for (int k = 0; k < 50; k++) foreach (var d in dirs) tracer.Trace(pos, d, 120f, out _);
        var cpuTrace = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        output.WriteLine($"{kind}: trace only {50 / cpuTrace.TotalSeconds:F0} fps cpu");
        output.WriteLine($"{kind}: {world.Obstacles.Length} obstacles, {n / sw.Elapsed.TotalSeconds:F0} fps wall, {n / cpu.TotalSeconds:F0} fps cpu at 256x144");
    }
}
