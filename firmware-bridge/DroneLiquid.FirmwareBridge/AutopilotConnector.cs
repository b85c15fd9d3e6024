using DroneLiquid.FirmwareBridge.ArduPilot;
using DroneLiquid.FirmwareBridge.Px4;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;
using Microsoft.Extensions.Logging;

namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// Finds the autopilot on a started <see cref="MavlinkConnection"/> from its HEARTBEAT and returns the adapter for its
/// autopilot field: MAV_AUTOPILOT_PX4 (12) gives <see cref="Px4Autopilot"/>, MAV_AUTOPILOT_ARDUPILOTMEGA (3)
/// <see cref="ArduPilotAutopilot"/>; anything else is an <see cref="AutopilotException"/> that names what was heard.
/// </summary>
public static class AutopilotConnector
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits for the autopilot's HEARTBEAT (<see cref="AutopilotOptions.HeartbeatTimeout"/>) and returns its adapter.</summary>
    public static async Task<AutopilotAdapter> ConnectAsync(MavlinkConnection connection, AutopilotOptions? options = null, ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new AutopilotOptions();
        options.Validate();
        TimeProvider clock = connection.TimeProvider;
        long started = clock.GetTimestamp();
        while (true)
        {
            foreach (VehicleInfo vehicle in connection.Vehicles)
            {
                if (vehicle.IsAutopilot && Matches(vehicle, options))
                {
                    return Create(connection, vehicle, options, logger);
                }
            }

            if (clock.GetElapsedTime(started) >= options.HeartbeatTimeout)
            {
                string heard = string.Join(", ", connection.Vehicles.Select(v => $"{v.SystemId}/{v.ComponentId} autopilot {v.Autopilot}"));
                string target = options.TargetSystemId == 0 ? "an autopilot" : $"autopilot system {options.TargetSystemId}";
                throw new AutopilotException($"connect: no HEARTBEAT from {target} within {options.HeartbeatTimeout.TotalSeconds} s on "
                    + $"{connection.Transport.Name}; heard from: {(heard.Length == 0 ? "nobody" : heard)}");
            }

            await Task.Delay(PollInterval, clock, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The adapter for <paramref name="autopilot"/>'s firmware, from a HEARTBEAT already received.</summary>
    public static AutopilotAdapter Create(MavlinkConnection connection, VehicleInfo autopilot, AutopilotOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        options ??= new AutopilotOptions();
        AutopilotAdapter adapter = autopilot.Autopilot switch
        {
            MavAutopilot.Px4 => new Px4Autopilot(connection, autopilot, options, logger),
            MavAutopilot.Ardupilotmega => new ArduPilotAutopilot(connection, autopilot, options, logger),
            _ => throw new AutopilotException($"connect: system {autopilot.SystemId} component {autopilot.ComponentId} reports autopilot "
                + $"{autopilot.Autopilot} ({(int)autopilot.Autopilot}); adapters exist for PX4 ({(int)MavAutopilot.Px4}) and ArduPilot "
                + $"({(int)MavAutopilot.Ardupilotmega}) only"),
        };
        if (logger is not null)
        {
            Log.Connected(logger, adapter.Firmware, autopilot.SystemId, autopilot.ComponentId, adapter.Telemetry.Mode.ToString());
        }

        return adapter;
    }

    private static bool Matches(VehicleInfo vehicle, AutopilotOptions options) =>
        (options.TargetSystemId == 0 || vehicle.SystemId == options.TargetSystemId)
        && (options.TargetComponentId == 0 || vehicle.ComponentId == options.TargetComponentId);
}
