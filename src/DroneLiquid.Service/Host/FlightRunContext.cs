using DroneLiquid.FirmwareBridge;
using DroneLiquid.Flight.Control;
using DroneLiquid.Mavlink.Transports;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Service.Host.Metrics;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.Service.Host;

/// <summary>What a flight runs with besides its options: the clock, logging, metrics, health and the camera.</summary>
/// <param name="Time">The service clock (the system's; the simulator's for `fly --sim`).</param>
/// <param name="CameraFactory">Makes the camera of a vision policy instead of the configured one (`fly --sim`); null uses the configuration.</param>
/// <param name="WrapAutopilot">Wraps the adapter the session flies through (tests inject a stalling call); null flies the adapter itself.</param>
/// <param name="WrapTransport">Wraps the autopilot link's transport (`fly --sim` watches it for lockstep); null uses it as made.</param>
/// <param name="Started">Called once the session exists, before it flies (tests and `fly` reach its state through it).</param>
public sealed record FlightRunContext(
    TimeProvider Time,
    ILoggerFactory Loggers,
    FlightMetrics Metrics,
    LinkMetrics? LinkMetrics = null,
    FlightHealth? Health = null,
    Action<FlightProgress>? Progress = null,
    Func<FlightPolicy, ICameraSource>? CameraFactory = null,
    Action<FlightSession>? Started = null,
    Func<IAutopilot, IAutopilot>? WrapAutopilot = null,
    Func<ITransport, ITransport>? WrapTransport = null);
