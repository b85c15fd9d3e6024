using System.Net;
using System.Numerics;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Sim.Autopilot.CameraStream;
using DroneLiquid.Sim.Camera;
using DroneLiquid.Sim.Scenarios;
using DroneLiquid.Sim.Worlds;

namespace DroneLiquid.Sim.Autopilot.Bridge;

/// <summary>
/// `droneliquid sim bridge`: follows an external vehicle (real PX4 or ArduPilot SITL, or our emulator) from its
/// MAVLink telemetry, renders the forward camera from that pose in a generated world, detects collisions with the
/// world's obstacles and serves the same camera stream as `droneliquid sim`. It asks for LOCAL_POSITION_NED and
/// ATTITUDE_QUATERNION at 50 Hz first (ArduPilot sends no telemetry until asked; PX4 already streams them).
/// </summary>
public sealed class SitlBridge : IAsyncDisposable
{
    /// <summary>MAV_COMP_ID_CAMERA: the bridge speaks as the vehicle's camera.</summary>
    public const byte CameraComponentId = 100;

    private readonly Lock _poseGate = new();
    private readonly World _world;
    private readonly MavlinkConnection _connection;
    private readonly CommandClient _commands;
    private readonly CameraStreamServer _camera;
    private readonly float _collisionRadius;
    private readonly List<IDisposable> _subscriptions = [];
    private Vector3 _positionNed;
    private Quaternion _attitude = Quaternion.Identity;
    private bool _havePosition;
    private long _poseUpdates;
    private double _timeSeconds;

    public SitlBridge(string connectionString, Scenario scenario, int cameraPort, float collisionRadiusMetres = 0.3f, TimeProvider? timeProvider = null)
    {
        _world = WorldFactory.Create(scenario);
        _collisionRadius = collisionRadiusMetres;
        ITransport transport = TransportFactory.Create(connectionString, timeProvider: timeProvider);
        _connection = new MavlinkConnection(transport, new MavlinkConnectionOptions { SystemId = 1, ComponentId = CameraComponentId }, timeProvider);
        _commands = new CommandClient(_connection);
        _camera = new CameraStreamServer(new ForwardCamera(scenario.Camera ?? CameraSpec.Default, _world), new IPEndPoint(IPAddress.Loopback, cameraPort));
    }

    public IPEndPoint CameraEndPoint => _camera.LocalEndPoint;

    public World World => _world;

    /// <summary>Connects, waits for the autopilot's HEARTBEAT and asks for the pose streams; false when no autopilot answered.</summary>
    public async Task<VehicleInfo?> StartAsync(TimeSpan waitForAutopilot, CancellationToken cancellationToken = default)
    {
        _subscriptions.Add(_connection.Subscribe<LocalPositionNedMessage>(OnPosition));
        _subscriptions.Add(_connection.Subscribe<AttitudeQuaternionMessage>(OnAttitude));
        _camera.Start();
        await _connection.StartAsync(cancellationToken).ConfigureAwait(false);
        VehicleInfo? vehicle = await _connection.WaitForAutopilotAsync(waitForAutopilot, cancellationToken).ConfigureAwait(false);
        if (vehicle is not { } v)
        {
            return null;
        }

        await _commands.RequestDataStreamAsync(v.SystemId, v.ComponentId, MavDataStream.Position, 50, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _commands.RequestDataStreamAsync(v.SystemId, v.ComponentId, MavDataStream.Extra1, 50, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _commands.SetMessageIntervalAsync(v.SystemId, v.ComponentId, LocalPositionNedMessage.MavlinkId, TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        await _commands.SetMessageIntervalAsync(v.SystemId, v.ComponentId, AttitudeQuaternionMessage.MavlinkId, TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        return vehicle;
    }

    /// <summary>Serves frames at <paramref name="cameraRateHz"/> (wall time) from the latest pose until cancelled or <paramref name="duration"/> passes.</summary>
    public async Task<BridgeResult> RunAsync(string autopilot, double cameraRateHz, TimeSpan duration, TimeProvider wallClock, CancellationToken cancellationToken = default)
    {
        long start = wallClock.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / cameraRateHz), wallClock);
        bool collided = false;
        string? detail = null;
        float minClearance = float.PositiveInfinity;
        try
        {
            while (wallClock.GetElapsedTime(start) < duration && await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                Vector3 position;
                Quaternion attitude;
                double time;
                lock (_poseGate)
                {
                    if (!_havePosition)
                    {
                        continue;
                    }

                    (position, attitude, time) = (_positionNed, _attitude, _timeSeconds);
                }

                _camera.Publish(time, position, attitude);
                minClearance = MathF.Min(minClearance, _world.Clearance(position));
                if (!collided && _world.Collides(position, _collisionRadius, out int obstacle))
                {
                    collided = true;
                    detail = $"collision with obstacle {obstacle} ({_world.Obstacles[obstacle].Shape.ToString().ToLowerInvariant()}) at NED ({position.X:0.##}, {position.Y:0.##}, {position.Z:0.##})";
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: report what was seen.
        }

        return new BridgeResult(autopilot, Math.Round(wallClock.GetElapsedTime(start).TotalSeconds, 3), Interlocked.Read(ref _poseUpdates), _camera.FramesPublished,
            collided, detail, float.IsFinite(minClearance) ? Math.Round(minClearance, 3) : null);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IDisposable s in _subscriptions)
        {
            s.Dispose();
        }

        _commands.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
        await _camera.DisposeAsync().ConfigureAwait(false);
    }

    private void OnPosition(in LocalPositionNedMessage m, in MavlinkFrame frame)
    {
        lock (_poseGate)
        {
            _positionNed = new Vector3(m.X, m.Y, m.Z);
            _timeSeconds = m.TimeBootMs / 1000.0;
            _havePosition = true;
        }

        Interlocked.Increment(ref _poseUpdates);
    }

    private void OnAttitude(in AttitudeQuaternionMessage m, in MavlinkFrame frame)
    {
        lock (_poseGate)
        {
            _attitude = new Quaternion(m.Q2, m.Q3, m.Q4, m.Q1);
        }
    }
}
