using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge;

/// <summary>
/// The HEARTBEAT watch: decodes the mode, confirms the mode changes we ask for, and ends velocity control at once when
/// any other mode appears (the pilot always wins; ArduPilot says nothing but the next HEARTBEAT).
/// </summary>
public abstract partial class AutopilotAdapter
{
    private readonly Lock _modeGate = new();
    private readonly uint[] _expectedModes = new uint[2];
    private int _expectedCount;
    private uint _customMode;
    private bool _armed;
    private MavState _systemStatus;
    private ModeWaiter? _modeWaiter;

    /// <summary>The HEARTBEAT's custom_mode reduced to what the companion acts on.</summary>
    protected abstract ControlMode DecodeMode(uint customMode);

    /// <summary>Whether two custom_modes name the same mode.</summary>
    protected abstract bool SameMode(uint a, uint b);

    /// <summary>The firmware's name of a mode, for messages.</summary>
    protected abstract string ModeName(uint customMode);

    /// <summary>DO_SET_MODE param2 and param3 for <paramref name="customMode"/> (param1 is 1, custom mode enabled).</summary>
    protected abstract (float Param2, float Param3) SetModeParameters(uint customMode);

    /// <summary>Whether a HEARTBEAT with this system_status confirms its mode (ArduPilot: not while BOOT, when a mode does not stick).</summary>
    protected virtual bool StatusConfirmsMode(MavState status) => true;

    /// <summary>The last HEARTBEAT's custom_mode, armed flag and system_status.</summary>
    protected (uint CustomMode, bool Armed, MavState Status) Heartbeat
    {
        get
        {
            lock (_modeGate)
            {
                return (_customMode, _armed, _systemStatus);
            }
        }
    }

    /// <summary>
    /// Sends DO_SET_MODE and returns once a HEARTBEAT shows the mode. Throws <see cref="AutopilotException"/> when it is
    /// refused, unanswered, never shown within <see cref="AutopilotOptions.ModeConfirmTimeout"/>, or shown and then
    /// silently reverted (ArduPilot before "ArduPilot Ready"). PX4's second ACK is ignored by the command client.
    /// </summary>
    /// <param name="followingMode">A mode the autopilot moves on to by itself after <paramref name="customMode"/> (PX4's takeoff ends in Hold), counted as ours.</param>
    protected async Task SetModeAsync(uint customMode, string step, CancellationToken cancellationToken, uint? followingMode = null)
    {
        long started = Clock.GetTimestamp();
        var waiter = new ModeWaiter(this, customMode, step);
        lock (_modeGate)
        {
            Expect(customMode, followingMode);
            _modeWaiter = waiter;
        }

        try
        {
            (float param2, float param3) = SetModeParameters(customMode);
            CommandResult result = await Commands.SendLongAsync(SystemId, ComponentId, MavCmd.DoSetMode, 1, param2, param3,
                cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!result.IsAccepted)
            {
                throw new AutopilotException($"{step}: DO_SET_MODE {ModeName(customMode)} was {Describe(result)}; the HEARTBEAT shows "
                    + $"{ModeName(Heartbeat.CustomMode)}; notices: {NoticesSince(started)}");
            }

            try
            {
                await waiter.Done.Task.WaitAsync(Options.ModeConfirmTimeout, Clock, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new AutopilotException($"{step}: DO_SET_MODE {ModeName(customMode)} was acknowledged but the HEARTBEAT still shows "
                    + $"{ModeName(Heartbeat.CustomMode)} (system_status {Heartbeat.Status}) after {Options.ModeConfirmTimeout.TotalSeconds} s; "
                    + $"notices: {NoticesSince(started)}");
            }

            Log.Step(Logger, $"{step}: {ModeName(customMode)} confirmed by the HEARTBEAT");
        }
        catch
        {
            lock (_modeGate)
            {
                _expectedCount = 0;
            }

            throw;
        }
        finally
        {
            lock (_modeGate)
            {
                if (_modeWaiter == waiter)
                {
                    _modeWaiter = null;
                }
            }
        }
    }

    /// <summary>Counts the next change to <paramref name="customMode"/> (and <paramref name="followingMode"/>) as ours.</summary>
    protected void ExpectModes(uint customMode, uint? followingMode = null)
    {
        lock (_modeGate)
        {
            Expect(customMode, followingMode);
        }
    }

    /// <summary>
    /// Starts velocity control if the HEARTBEAT still shows <paramref name="customMode"/> (checked under the same lock
    /// the HEARTBEAT watch takes, so a pilot's switch cannot slip in between).
    /// </summary>
    protected void EnterVelocityControl(uint customMode, string step)
    {
        lock (_modeGate)
        {
            if (!SameMode(_customMode, customMode))
            {
                throw new AutopilotException($"{step}: the HEARTBEAT left {ModeName(customMode)} for {ModeName(_customMode)} before control started");
            }

            Volatile.Write(ref _inControl, 1);
        }

        Log.Step(Logger, $"{step}: velocity control active in {ModeName(customMode)}");
    }

    /// <summary>One line for a command outcome: "rejected (Failed)", "not acknowledged after 4 attempts", "not sent (no link)".</summary>
    protected static string Describe(CommandResult result) => result.Status switch
    {
        CommandStatus.Accepted => "accepted",
        CommandStatus.Rejected => $"rejected ({result.Result}, {(int)result.Result})",
        CommandStatus.TimedOut => $"not acknowledged after {result.Attempts} attempts",
        _ => "not sent (no link to the autopilot)",
    };

    private void Expect(uint customMode, uint? followingMode)
    {
        _expectedModes[0] = customMode;
        _expectedCount = 1;
        if (followingMode is { } next)
        {
            _expectedModes[1] = next;
            _expectedCount = 2;
        }
    }

    private bool IsExpected(uint customMode)
    {
        for (int i = 0; i < _expectedCount; i++)
        {
            if (SameMode(_expectedModes[i], customMode))
            {
                return true;
            }
        }

        return false;
    }

    private void SeedFromHeartbeat(VehicleInfo autopilot)
    {
        _customMode = autopilot.CustomMode;
        _armed = autopilot.IsArmed;
        _systemStatus = autopilot.SystemStatus;
        _telemetry = new VehicleTelemetry
        {
            HeartbeatTimestamp = Clock.GetTimestamp(),
            Armed = autopilot.IsArmed,
            Mode = DecodeMode(autopilot.CustomMode),
            CustomMode = autopilot.CustomMode,
            SystemStatus = autopilot.SystemStatus,
            BatteryRemainingFraction = float.NaN,
            BatteryVolts = float.NaN,
        };
    }

    private void OnHeartbeat(in HeartbeatMessage m, in MavlinkFrame frame)
    {
        if (!FromAutopilot(in frame))
        {
            return;
        }

        long now = Clock.GetTimestamp();
        bool armed = (m.BaseMode & VehicleInfo.ArmedFlag) != 0;
        var status = (MavState)m.SystemStatus;
        uint mode = m.CustomMode;
        ModeChange? change = null;
        bool controlTaken = false;
        ModeWaiter? waiter;
        lock (_modeGate)
        {
            uint previous = _customMode;
            _customMode = mode;
            _armed = armed;
            _systemStatus = status;
            if (!SameMode(previous, mode))
            {
                bool byUs = IsExpected(mode);
                if (!byUs)
                {
                    _expectedCount = 0;
                }

                controlTaken = Interlocked.Exchange(ref _inControl, 0) != 0;
                change = new ModeChange(now, DecodeMode(previous), DecodeMode(mode), mode, byUs);
            }

            waiter = _modeWaiter;
            ControlMode decoded = DecodeMode(mode);
            lock (_telemetryGate)
            {
                // Inside the mode lock (always taken first), so Telemetry never lags the state the steps poll.
                _telemetry = _telemetry with { HeartbeatTimestamp = now, Armed = armed, Mode = decoded, CustomMode = mode, SystemStatus = status };
            }
        }

        if (change is { } c)
        {
            if (controlTaken)
            {
                Log.ControlTaken(Logger, ModeName(mode));
            }

            Log.ModeChanged(Logger, c.From.ToString(), ModeName(mode), c.ByUs);
            try
            {
                ModeChanged?.Invoke(c);
            }
            catch (Exception ex)
            {
                Log.HandlerFailed(Logger, ex, nameof(ModeChanged));
            }
        }

        // Last: a caller awaiting this mode resumes with the telemetry updated and the change already announced.
        waiter?.Observe(mode, status);
    }

    /// <summary>A pending mode change, completed from the HEARTBEAT watch (on the receive thread only).</summary>
    private sealed class ModeWaiter(AutopilotAdapter adapter, uint target, string step)
    {
        private bool _seenTarget;
        private MavState _seenStatus;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Observe(uint customMode, MavState status)
        {
            if (adapter.SameMode(customMode, target))
            {
                if (adapter.StatusConfirmsMode(status))
                {
                    Done.TrySetResult();
                }
                else
                {
                    _seenTarget = true;
                    _seenStatus = status;
                }
            }
            else if (_seenTarget)
            {
                Done.TrySetException(new AutopilotException(
                    $"{step}: {adapter.ModeName(target)} was acknowledged and shown while system_status was {_seenStatus}, "
                    + $"then the HEARTBEAT silently went back to {adapter.ModeName(customMode)} (system_status {status})"));
            }
        }
    }
}
