using DroneLiquid.FirmwareBridge.Px4;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge;

/// <summary>The receive side: telemetry into <see cref="VehicleTelemetry"/> under a lock (no allocation per message) and notices.</summary>
public abstract partial class AutopilotAdapter
{
    /// <summary>Standard gravity, for SCALED_IMU's milli-g.</summary>
    private const float StandardGravity = 9.80665f;

    private const uint PrearmCheckBit = (uint)MavSysStatusSensor.MavSysStatusPrearmCheck;

    /// <summary>After a BATTERY_STATUS, SYS_STATUS's coarser battery fields are not used for this long.</summary>
    private static readonly TimeSpan BatteryStatusPrecedence = TimeSpan.FromSeconds(5);

    private readonly Lock _telemetryGate = new();
    private readonly AutopilotNotice?[] _recentNotices = new AutopilotNotice?[8];
    private VehicleTelemetry _telemetry;
    private float _altitudeAmslMetres = float.NaN;
    private long _altitudeAmslTimestamp;
    private long _batteryStatusTimestamp;
    private bool _prearmReported;
    private bool _prearmHealthy;
    private int _imuSourceRank;
    private int _recentNoticeNext;
    private int _lastEventSequence = -1;

    /// <inheritdoc />
    public VehicleTelemetry Telemetry
    {
        get
        {
            lock (_telemetryGate)
            {
                return _telemetry;
            }
        }
    }

    /// <summary>The vehicle's altitude above mean sea level from GLOBAL_POSITION_INT (NaN before the first), and its arrival time.</summary>
    protected (float Metres, long Timestamp) AltitudeAmsl
    {
        get
        {
            lock (_telemetryGate)
            {
                return (_altitudeAmslMetres, _altitudeAmslTimestamp);
            }
        }
    }

    /// <summary>SYS_STATUS's pre-arm check bit: null when the autopilot does not report it, else whether it passes.</summary>
    protected bool? PrearmCheckPasses
    {
        get
        {
            lock (_telemetryGate)
            {
                return _prearmReported ? _prearmHealthy : null;
            }
        }
    }

    /// <summary>The last few notices after <paramref name="sinceTimestamp"/>, joined for an error message ("none" when there are none).</summary>
    protected string NoticesSince(long sinceTimestamp)
    {
        var texts = new List<string>();
        lock (_recentNotices)
        {
            for (int i = 0; i < _recentNotices.Length; i++)
            {
                AutopilotNotice? notice = _recentNotices[(_recentNoticeNext + i) % _recentNotices.Length];
                if (notice is not null && notice.Timestamp >= sinceTimestamp)
                {
                    texts.Add($"\"{notice.Text}\"");
                }
            }
        }

        return texts.Count == 0 ? "none" : string.Join(", ", texts);
    }

    /// <summary>Called on the receive thread for every notice before <see cref="Notice"/> is raised.</summary>
    protected virtual void OnNoticeReceived(AutopilotNotice notice)
    {
    }

    private bool FromAutopilot(in MavlinkFrame frame) => frame.SystemId == SystemId && frame.ComponentId == ComponentId;

    private void OnLocalPosition(in LocalPositionNedMessage m, in MavlinkFrame frame)
    {
        if (!FromAutopilot(in frame))
        {
            return;
        }

        long now = Clock.GetTimestamp();
        lock (_telemetryGate)
        {
            _telemetry = _telemetry with
            {
                PositionTimestamp = now,
                NorthMetres = m.X,
                EastMetres = m.Y,
                DownMetres = m.Z,
                NorthMetresPerSecond = m.Vx,
                EastMetresPerSecond = m.Vy,
                DownMetresPerSecond = m.Vz,
            };
        }
    }

    private void OnGlobalPosition(in GlobalPositionIntMessage m, in MavlinkFrame frame)
    {
        if (!FromAutopilot(in frame))
        {
            return;
        }

        long now = Clock.GetTimestamp();
        lock (_telemetryGate)
        {
            _altitudeAmslMetres = m.Alt / 1000f;
            _altitudeAmslTimestamp = now;
        }
    }

    private void OnAttitude(in AttitudeMessage m, in MavlinkFrame frame)
    {
        if (!FromAutopilot(in frame))
        {
            return;
        }

        long now = Clock.GetTimestamp();
        lock (_telemetryGate)
        {
            _telemetry = _telemetry with { AttitudeTimestamp = now, RollRadians = m.Roll, PitchRadians = m.Pitch, YawRadians = m.Yaw };
        }
    }

    private void OnHighresImu(in HighresImuMessage m, in MavlinkFrame frame)
    {
        // SI already: m/s² specific force and rad/s, body FRD.
        if (FromAutopilot(in frame))
        {
            SetImu(3, m.Xgyro, m.Ygyro, m.Zgyro, m.Xacc, m.Yacc, m.Zacc);
        }
    }

    private void OnScaledImu(in ScaledImuMessage m, in MavlinkFrame frame)
    {
        // SCALED_IMU: accelerations in milli-g, rates in mrad/s.
        if (FromAutopilot(in frame))
        {
            SetImu(2, m.Xgyro / 1000f, m.Ygyro / 1000f, m.Zgyro / 1000f,
                m.Xacc * StandardGravity / 1000f, m.Yacc * StandardGravity / 1000f, m.Zacc * StandardGravity / 1000f);
        }
    }

    private void OnRawImu(in RawImuMessage m, in MavlinkFrame frame)
    {
        // RAW_IMU is "raw sensor units" in the spec, but ArduPilot fills it with the SCALED_IMU scaling (milli-g,
        // mrad/s); it is used only when neither HIGHRES_IMU nor SCALED_IMU arrives.
        if (FromAutopilot(in frame))
        {
            SetImu(1, m.Xgyro / 1000f, m.Ygyro / 1000f, m.Zgyro / 1000f,
                m.Xacc * StandardGravity / 1000f, m.Yacc * StandardGravity / 1000f, m.Zacc * StandardGravity / 1000f);
        }
    }

    private void SetImu(int rank, float gx, float gy, float gz, float ax, float ay, float az)
    {
        long now = Clock.GetTimestamp();
        lock (_telemetryGate)
        {
            if (rank < _imuSourceRank)
            {
                return; // a better IMU message arrives: do not mix sources
            }

            _imuSourceRank = rank;
            _telemetry = _telemetry with
            {
                ImuTimestamp = now,
                GyroXRadiansPerSecond = gx,
                GyroYRadiansPerSecond = gy,
                GyroZRadiansPerSecond = gz,
                AccelXMetresPerSecondSquared = ax,
                AccelYMetresPerSecondSquared = ay,
                AccelZMetresPerSecondSquared = az,
            };
        }
    }

    private void OnSysStatus(in SysStatusMessage m, in MavlinkFrame frame)
    {
        if (!FromAutopilot(in frame))
        {
            return;
        }

        long now = Clock.GetTimestamp();
        lock (_telemetryGate)
        {
            _prearmReported = (m.OnboardControlSensorsPresent & PrearmCheckBit) != 0;
            _prearmHealthy = (m.OnboardControlSensorsHealth & PrearmCheckBit) != 0;
            if (_batteryStatusTimestamp != 0 && Clock.GetElapsedTime(_batteryStatusTimestamp, now) < BatteryStatusPrecedence)
            {
                return;
            }

            _telemetry = _telemetry with
            {
                BatteryTimestamp = now,
                BatteryRemainingFraction = m.BatteryRemaining < 0 ? float.NaN : m.BatteryRemaining / 100f,
                BatteryVolts = m.VoltageBattery == ushort.MaxValue ? float.NaN : m.VoltageBattery / 1000f,
            };
        }
    }

    private void OnBatteryStatus(in BatteryStatusMessage m, in MavlinkFrame frame)
    {
        if (!FromAutopilot(in frame) || m.Id != 0)
        {
            return;
        }

        // voltages[] holds cell voltages in mV (UINT16_MAX = not present); a pack reported as one value uses cell 0.
        BatteryStatusMessage copy = m;
        ReadOnlySpan<ushort> cells = copy.Voltages;
        float millivolts = 0;
        bool any = false;
        foreach (ushort cell in cells)
        {
            if (cell != ushort.MaxValue)
            {
                millivolts += cell;
                any = true;
            }
        }

        long now = Clock.GetTimestamp();
        lock (_telemetryGate)
        {
            _batteryStatusTimestamp = now;
            _telemetry = _telemetry with
            {
                BatteryTimestamp = now,
                BatteryRemainingFraction = m.BatteryRemaining < 0 ? float.NaN : m.BatteryRemaining / 100f,
                BatteryVolts = any ? millivolts / 1000f : float.NaN,
            };
        }
    }

    private void OnExtendedSysState(in ExtendedSysStateMessage m, in MavlinkFrame frame)
    {
        if (!FromAutopilot(in frame))
        {
            return;
        }

        lock (_telemetryGate)
        {
            _telemetry = _telemetry with { LandedState = (MavLandedState)m.LandedState };
        }
    }

    private void OnStatusText(in StatustextMessage m, in MavlinkFrame frame)
    {
        if (frame.SystemId == SystemId)
        {
            _statusText.Add(in m, _emitStatusText);
        }
    }

    private void OnEvent(in EventMessage m, in MavlinkFrame frame)
    {
        if (!FromAutopilot(in frame) || m.Sequence == _lastEventSequence)
        {
            return; // a repeated sequence number is a re-sent event (PX4 re-sends on request)
        }

        _lastEventSequence = m.Sequence;
        RaiseNotice(new AutopilotNotice(Clock.GetTimestamp(), Px4EventCatalog.Severity(m.LogLevels), NoticeSource.Event, Px4EventCatalog.Text(m.Id), m.Id));
    }

    private void RaiseNotice(AutopilotNotice notice)
    {
        lock (_recentNotices)
        {
            _recentNotices[_recentNoticeNext] = notice;
            _recentNoticeNext = (_recentNoticeNext + 1) % _recentNotices.Length;
        }

        Log.Notice(Logger, notice.Source, notice.Severity.ToString(), notice.Text);
        OnNoticeReceived(notice);
        try
        {
            Notice?.Invoke(notice);
        }
        catch (Exception ex)
        {
            Log.HandlerFailed(Logger, ex, nameof(Notice));
        }
    }
}
