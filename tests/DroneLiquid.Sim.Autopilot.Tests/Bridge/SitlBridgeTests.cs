using System.Net;
using System.Numerics;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Autopilot.Bridge;
using DroneLiquid.Sim.Autopilot.CameraStream;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Simulation;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Autopilot.Tests.Bridge;

/// <summary>The bridge against our own ArduPilot emulator over TCP: it asks for streams, follows the pose, serves frames, sees a collision.</summary>
public sealed class SitlBridgeTests
{
    [Fact]
    public async Task Follows_the_external_vehicle_serves_its_camera_view_and_detects_a_collision_in_its_world()
    {
        Scenario urban = new()
        {
            World = WorldKind.Urban,
            Seed = 3,
            TargetNed = new Vector3(30, 30, -3),
            Camera = CameraSpec.Default,
        };
        World bridgeWorld = WorldFactory.Create(urban);
        Obstacle building = FirstTallBox(bridgeWorld);
        (Vector3 min, Vector3 max) = building.Bounds;
        var inside = new Vector3((min.X + max.X) / 2, (min.Y + max.Y) / 2, -2);

        // The external vehicle flies in its own (empty) world, hovering where the bridge's world has a building.
        var vehicleWorld = new SimWorld(new Scenario { World = WorldKind.Empty, Seed = 1, StartNed = inside, TargetNed = inside + new Vector3(400, 0, 0), TimeLimitSeconds = 3600 });
        ITransport server = AutopilotEmulatorFactory.CreateTransport(AutopilotKind.ArduPilot, listenPort: 0, bind: IPAddress.Loopback);
        await using AutopilotEmulator emulator = AutopilotEmulatorFactory.Create(AutopilotKind.ArduPilot, vehicleWorld, server);
        await emulator.StartAsync();
        using var stop = new CancellationTokenSource();
        Task<EmulatorRunResult> loop = EmulatorLoop.RunAsync(emulator, 1, TimeProvider.System, cancellationToken: stop.Token);
        int port = ((TcpServerTransport)server).LocalEndPoint!.Port;

        await using var bridge = new SitlBridge($"tcpout://127.0.0.1:{port}", urban, cameraPort: 0);
        Assert.NotNull(await bridge.StartAsync(TimeSpan.FromSeconds(10)));
        Task<BridgeResult> run = bridge.RunAsync("ardupilot", 20, TimeSpan.FromSeconds(2), TimeProvider.System);

        await using var client = new CameraStreamClient();
        await client.ConnectAsync("127.0.0.1", bridge.CameraEndPoint.Port);
        byte[] rgb = new byte[CameraSpec.Default.WidthPixels * CameraSpec.Default.HeightPixels * 3];
        CameraFrameHeader frame = await client.ReadFrameAsync(rgb).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((128, 96), ((int)frame.WidthPixels, (int)frame.HeightPixels));
        Assert.True(Vector3.Distance(frame.PositionNed, inside) < 0.5f, $"frame pose {frame.PositionNed}, vehicle at {inside}");
        Assert.Contains(rgb, b => b != 0);

        BridgeResult result = await run;
        await stop.CancelAsync();
        await loop;
        Assert.True(result.PoseUpdates > 20, $"pose updates {result.PoseUpdates}");
        Assert.True(result.CameraFrames >= 10, $"frames {result.CameraFrames}");
        Assert.True(result.Collided);
        Assert.Contains("box", result.CollisionDetail);
    }

    private static Obstacle FirstTallBox(World world)
    {
        for (int i = 0; i < world.SolidObstacleCount; i++)
        {
            Obstacle o = world.Obstacles[i];
            if (o.Shape == ObstacleShape.Box && o.Bounds.Min.Z < -5 && o.Bounds.Max.Z > -0.5f && o.Bounds.Max.X - o.Bounds.Min.X > 3 && o.Bounds.Max.Y - o.Bounds.Min.Y > 3)
            {
                return o;
            }
        }

        throw new InvalidOperationException("the urban world has no building");
    }
}
