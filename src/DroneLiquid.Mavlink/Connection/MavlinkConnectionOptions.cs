using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Mavlink.Connection;

/// <summary>Who we are on the link and how we watch it. Plain properties; <see cref="Validate"/> runs at start.</summary>
public sealed class MavlinkConnectionOptions
{
    /// <summary>MAV_COMP_ID_ONBOARD_COMPUTER: the component id of a companion computer.</summary>
    public const byte OnboardComputerComponentId = 191;

    /// <summary>Our system id. Default 1, the vehicle's own, as a companion computer on the vehicle uses.</summary>
    public byte SystemId { get; init; } = 1;

    /// <summary>Our component id. Default 191 (MAV_COMP_ID_ONBOARD_COMPUTER).</summary>
    public byte ComponentId { get; init; } = OnboardComputerComponentId;

    /// <summary>HEARTBEAT.type we send. Default MAV_TYPE_ONBOARD_CONTROLLER (a simulator emulating an autopilot sends its airframe).</summary>
    public MavType HeartbeatType { get; init; } = MavType.OnboardController;

    /// <summary>HEARTBEAT.autopilot we send. Default MAV_AUTOPILOT_INVALID (we are not a flight controller).</summary>
    public MavAutopilot HeartbeatAutopilot { get; init; } = MavAutopilot.Invalid;

    /// <summary>Period of our HEARTBEAT. Default 1 s (1 Hz); 0.1 s to 10 s.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Silence (no valid frame from anyone) after which the link counts as lost. Default 3 s; 0.2 s to 60 s.</summary>
    public TimeSpan LinkLossTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>At most one log line per kind of receive problem per this interval; the rest are counted. Default 5 s.</summary>
    public TimeSpan ProblemLogInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Signing key: when set, outgoing frames are signed and incoming frames verified with it.</summary>
    public MavlinkSigningKey? SigningKey { get; init; }

    /// <summary>Link id written into our signatures. Default 0.</summary>
    public byte SigningLinkId { get; init; }

    /// <summary>With a key: ids accepted unsigned or with a failed signature (e.g. RADIO_STATUS); null accepts none.</summary>
    public Func<uint, bool>? AcceptUnsigned { get; init; }

    /// <summary>Size of the buffer the receive loop reads into. Default 64 KiB (a whole UDP datagram); at least 512.</summary>
    public int ReceiveBufferSize { get; init; } = 64 * 1024;

    /// <summary>Checks every value and throws <see cref="ArgumentException"/> naming the first bad one, its value and the allowed range.</summary>
    public void Validate()
    {
        CheckRange(nameof(HeartbeatInterval), HeartbeatInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));
        CheckRange(nameof(LinkLossTimeout), LinkLossTimeout, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(60));
        CheckRange(nameof(ProblemLogInterval), ProblemLogInterval, TimeSpan.Zero, TimeSpan.FromHours(1));
        if (SystemId == 0)
        {
            throw new ArgumentException($"{nameof(SystemId)} must be 1 to 255 (0 is the broadcast address); got 0", nameof(SystemId));
        }

        if (ComponentId == 0)
        {
            throw new ArgumentException($"{nameof(ComponentId)} must be 1 to 255 (0 is the broadcast address); got 0", nameof(ComponentId));
        }

        if (ReceiveBufferSize < 512)
        {
            throw new ArgumentException($"{nameof(ReceiveBufferSize)} must be at least 512 bytes; got {ReceiveBufferSize}", nameof(ReceiveBufferSize));
        }
    }

    private static void CheckRange(string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{name} must be from {min.TotalSeconds} s to {max.TotalSeconds} s; got {value.TotalSeconds} s", name);
        }
    }
}
