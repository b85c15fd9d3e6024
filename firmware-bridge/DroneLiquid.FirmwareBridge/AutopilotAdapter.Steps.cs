using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge;

/// <summary>The dialogue steps both firmwares share: streams, readiness, arm, disarm, land, return.</summary>
public abstract partial class AutopilotAdapter
{
    /// <summary>A telemetry group older than this does not count as arriving.</summary>
    private static readonly TimeSpan TelemetryFreshness = TimeSpan.FromSeconds(1);

    /// <summary>The step name in messages about starting velocity control.</summary>
    protected const string StartVelocityControlStep = "start velocity control";

    private const float MinTakeoffMetres = 0.5f;
    private const float MaxTakeoffMetres = 500f;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The mode that lands where the vehicle is (PX4 AUTO.LAND, ArduCopter LAND).</summary>
    protected abstract uint LandCustomMode { get; }

    /// <summary>The mode that returns home (PX4 AUTO.RTL, ArduCopter RTL).</summary>
    protected abstract uint ReturnCustomMode { get; }

    /// <inheritdoc />
    public async Task WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        long started = Clock.GetTimestamp();
        using var deadline = new CancellationTokenSource(timeout, Clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        string? problem = "telemetry streams not requested yet";
        try
        {
            await RequestStreamsAsync(linked.Token).ConfigureAwait(false);
            while ((problem = ReadinessProblem()) is not null)
            {
                await Task.Delay(PollInterval, Clock, linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new AutopilotException($"wait ready: {Firmware} system {SystemId} not ready after {timeout.TotalSeconds} s: {problem}; "
                + $"notices: {NoticesSince(started)}");
        }

        Log.Step(Logger, $"wait ready: {Firmware} ready to arm after {Clock.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    /// <inheritdoc />
    public async Task ArmAsync(CancellationToken cancellationToken = default)
    {
        if (Heartbeat.Armed)
        {
            return;
        }

        await PrepareArmAsync(cancellationToken).ConfigureAwait(false);
        long started = Clock.GetTimestamp();
        CommandResult result = await Commands.SendLongAsync(SystemId, ComponentId, MavCmd.ComponentArmDisarm, 1,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!result.IsAccepted)
        {
            throw new AutopilotException($"arm: COMPONENT_ARM_DISARM was {Describe(result)}; notices: {NoticesSince(started)}");
        }

        await WaitUntilAsync(static (a, _) => a.Heartbeat.Armed ? null : string.Empty, 0, Options.ArmConfirmTimeout,
            "arm: acknowledged but the HEARTBEAT does not show the vehicle armed", started, cancellationToken).ConfigureAwait(false);
        Log.Step(Logger, "arm: armed");
    }

    /// <inheritdoc />
    public async Task DisarmAsync(CancellationToken cancellationToken = default)
    {
        LeaveVelocityControl();
        if (!Heartbeat.Armed)
        {
            return; // both firmwares disarm by themselves after landing
        }

        long started = Clock.GetTimestamp();
        CommandResult result = await Commands.SendLongAsync(SystemId, ComponentId, MavCmd.ComponentArmDisarm, 0,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!result.IsAccepted)
        {
            throw new AutopilotException($"disarm: COMPONENT_ARM_DISARM 0 was {Describe(result)} (the autopilot disarms only on the ground; "
                + $"landed state {Telemetry.LandedState}); notices: {NoticesSince(started)}");
        }

        await WaitUntilAsync(static (a, _) => a.Heartbeat.Armed ? string.Empty : null, 0, Options.ArmConfirmTimeout,
            "disarm: acknowledged but the HEARTBEAT still shows the vehicle armed", started, cancellationToken).ConfigureAwait(false);
        Log.Step(Logger, "disarm: disarmed");
    }

    /// <inheritdoc />
    public async Task TakeoffAsync(float altitudeMetres, CancellationToken cancellationToken = default)
    {
        if (!float.IsFinite(altitudeMetres) || altitudeMetres < MinTakeoffMetres || altitudeMetres > MaxTakeoffMetres)
        {
            throw new ArgumentOutOfRangeException(nameof(altitudeMetres), altitudeMetres,
                $"take off: altitude must be {MinTakeoffMetres} m to {MaxTakeoffMetres} m above the local origin; got {altitudeMetres} m");
        }

        if (!Heartbeat.Armed)
        {
            throw new AutopilotException("take off: the vehicle is not armed (arm first)");
        }

        await TakeoffCoreAsync(altitudeMetres, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task StartVelocityControlAsync(CancellationToken cancellationToken = default)
    {
        if (InVelocityControl)
        {
            return;
        }

        if (!Heartbeat.Armed)
        {
            throw new AutopilotException($"{StartVelocityControlStep}: the vehicle is not armed");
        }

        await EnterVelocityModeAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public abstract Task HoldAsync(CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public Task LandAsync(CancellationToken cancellationToken = default)
    {
        LeaveVelocityControl();
        return SetModeAsync(LandCustomMode, "land", cancellationToken);
    }

    /// <inheritdoc />
    public Task ReturnAsync(CancellationToken cancellationToken = default)
    {
        LeaveVelocityControl();
        return SetModeAsync(ReturnCustomMode, "return", cancellationToken);
    }

    /// <summary>Takes off (armed, altitude checked) and returns once the altitude is reached and held.</summary>
    protected abstract Task TakeoffCoreAsync(float altitudeMetres, CancellationToken cancellationToken);

    /// <summary>
    /// Switches to the velocity-control mode (armed, not yet in control) and calls <see cref="EnterVelocityControl"/>
    /// once the HEARTBEAT shows it.
    /// </summary>
    protected abstract Task EnterVelocityModeAsync(CancellationToken cancellationToken);

    /// <summary>What stops the autopilot from arming, in the firmware's terms; null when it reports it can arm.</summary>
    protected abstract string? FirmwareReadinessProblem(in VehicleTelemetry telemetry, MavState status);

    /// <summary>Runs before the ARM command (ArduPilot switches to GUIDED: it takes off only in GUIDED).</summary>
    protected virtual Task PrepareArmAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Asks for a stream another way when SET_MESSAGE_INTERVAL is refused (ArduPilot: REQUEST_DATA_STREAM); false when there is none.</summary>
    protected virtual ValueTask<bool> RequestStreamFallbackAsync(uint messageId, double rateHz, CancellationToken cancellationToken) =>
        ValueTask.FromResult(false);

    /// <summary>
    /// Polls every 50 ms (on the adapter's clock) until <paramref name="check"/> returns null. An empty string means
    /// "not yet"; any other text aborts at once with that reason. On timeout throws with <paramref name="failure"/>.
    /// </summary>
    protected async Task WaitUntilAsync<TState>(Func<AutopilotAdapter, TState, string?> check, TState state, TimeSpan timeout, string failure,
        long noticesSince, CancellationToken cancellationToken)
    {
        long started = Clock.GetTimestamp();
        while (true)
        {
            string? reason = check(this, state);
            if (reason is null)
            {
                return;
            }

            if (reason.Length > 0)
            {
                throw new AutopilotException($"{failure}: {reason}; notices: {NoticesSince(noticesSince)}");
            }

            if (Clock.GetElapsedTime(started) >= timeout)
            {
                throw new AutopilotException($"{failure} after {timeout.TotalSeconds} s (mode {ModeName(Heartbeat.CustomMode)}, "
                    + $"height {-Telemetry.DownMetres:0.00} m); notices: {NoticesSince(noticesSince)}");
            }

            await Task.Delay(PollInterval, Clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private string? ReadinessProblem()
    {
        VehicleTelemetry t = Telemetry;
        long now = Clock.GetTimestamp();
        if (Stale(t.PositionTimestamp, now))
        {
            return "no LOCAL_POSITION_NED (the autopilot has no local position estimate yet)";
        }

        if (Stale(t.AttitudeTimestamp, now))
        {
            return "no ATTITUDE";
        }

        if (Stale(t.ImuTimestamp, now))
        {
            return "no IMU (HIGHRES_IMU, SCALED_IMU or RAW_IMU)";
        }

        return FirmwareReadinessProblem(in t, Heartbeat.Status);
    }

    private bool Stale(long timestamp, long now) => timestamp == 0 || Clock.GetElapsedTime(timestamp, now) > TelemetryFreshness;

    private async Task RequestStreamsAsync(CancellationToken cancellationToken)
    {
        await RequestStreamAsync(LocalPositionNedMessage.MavlinkId, Options.TelemetryRateHz, cancellationToken).ConfigureAwait(false);
        await RequestStreamAsync(AttitudeMessage.MavlinkId, Options.TelemetryRateHz, cancellationToken).ConfigureAwait(false);
        if (!await RequestStreamAsync(HighresImuMessage.MavlinkId, Options.TelemetryRateHz, cancellationToken, fallback: false).ConfigureAwait(false)
            && !await RequestStreamAsync(ScaledImuMessage.MavlinkId, Options.TelemetryRateHz, cancellationToken, fallback: false).ConfigureAwait(false))
        {
            await RequestStreamAsync(RawImuMessage.MavlinkId, Options.TelemetryRateHz, cancellationToken).ConfigureAwait(false);
        }

        await RequestStreamAsync(GlobalPositionIntMessage.MavlinkId, Options.StatusRateHz, cancellationToken).ConfigureAwait(false);
        await RequestStreamAsync(SysStatusMessage.MavlinkId, Options.StatusRateHz, cancellationToken).ConfigureAwait(false);
        await RequestStreamAsync(ExtendedSysStateMessage.MavlinkId, Options.StatusRateHz, cancellationToken).ConfigureAwait(false);
        await RequestStreamAsync(BatteryStatusMessage.MavlinkId, Options.StatusRateHz, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> RequestStreamAsync(uint messageId, double rateHz, CancellationToken cancellationToken, bool fallback = true)
    {
        CommandResult result = await Commands.SetMessageIntervalAsync(SystemId, ComponentId, messageId, TimeSpan.FromSeconds(1 / rateHz),
            cancellationToken).ConfigureAwait(false);
        if (result.IsAccepted)
        {
            return true;
        }

        bool fellBack = fallback && await RequestStreamFallbackAsync(messageId, rateHz, cancellationToken).ConfigureAwait(false);
        Log.StreamRefused(Logger, messageId, rateHz, Describe(result),
            fellBack ? "asked with REQUEST_DATA_STREAM instead" : fallback ? "no other way to ask for it" : "trying the next IMU message");
        return fellBack;
    }
}
