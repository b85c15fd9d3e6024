using System.Device.I2c;
using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DroneLiquid.Sensors.Imu.I2c;

/// <summary>
/// An IMU on an I2C bus, read through its Iot.Device.Bindings driver on a dedicated thread at the configured
/// rate, converted once to SI, bias-corrected, remapped from the board frame to FRD and handed to the tick
/// through a lock-free <see cref="SensorChannel{T}"/>.
/// </summary>
public sealed class I2cImuSource : IImuSource
{
    private readonly I2cImuOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Func<I2cConnectionSettings, I2cDevice> _openDevice;
    private readonly SensorChannel<ImuSample> _channel;
    private readonly AxisRemap _remap;
    private readonly long _periodTicks;
    private IImuDriver? _driver;
    private ImuHealthMonitor? _health;
    private PacedThread? _thread;
    private Vector3 _gyroBiasBoard;
    private float? _temperatureCelsius;
    private long _nextDeadline;
    private string _lastError = string.Empty;

    /// <summary>Creates a source for the chip described by <paramref name="options"/> on the system's I2C buses.</summary>
    public I2cImuSource(I2cImuOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this(options, timeProvider ?? TimeProvider.System, logger, I2cDevice.Create)
    {
    }

    /// <summary>Creates a source that opens its devices through <paramref name="openDevice"/> (tests pass simulated chips).</summary>
    internal I2cImuSource(I2cImuOptions options, TimeProvider timeProvider, ILogger? logger, Func<I2cConnectionSettings, I2cDevice> openDevice)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = I2cImuOptionsValidator.Collect(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", failures), nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
        _openDevice = openDevice;
        _remap = AxisRemap.Parse(options.BoardToBody);
        _channel = new SensorChannel<ImuSample>(timeProvider, options.StaleAfter);
        _periodTicks = (long)(timeProvider.TimestampFrequency / options.SampleRateHz);
    }

    /// <inheritdoc/>
    public string Name => _options.DeviceName;

    /// <summary>The gyro bias in use, board frame, rad/s (zero without calibration).</summary>
    public Vector3 GyroBiasBoard => _gyroBiasBoard;

    /// <summary>How often the sampling thread has armed its timer (tests synchronise a fake clock with it).</summary>
    internal long LoopArmCount => _thread?.ArmCount ?? 0;

    /// <inheritdoc/>
    public ImuCounters Counters => _health is null
        ? default
        : new ImuCounters(_channel.PublishedCount, _health.ReadErrors, _health.ConsecutiveReadErrors, _health.SaturatedSamples);

    /// <summary>
    /// Opens and configures the chip, settles the gyro bias and starts the sampling thread. A required chip that
    /// does not answer throws <see cref="SensorStartException"/> naming the bus and address.
    /// </summary>
    public void Start()
    {
        if (!Open())
        {
            return;
        }

        _nextDeadline = _timeProvider.GetTimestamp(); // the first step runs at once
        _thread = new PacedThread($"imu {Name}", _timeProvider, TimeSpan.Zero, Step);
        _logger.ImuStarted(Name, _options.SampleRateHz, _remap.ToString());
    }

    /// <summary>Opens, configures and calibrates without starting the thread; false when an optional chip is missing.</summary>
    internal bool Open()
    {
        if (_channel.ProducerFaults.HasFlag(SensorFaults.Stopped))
        {
            throw new InvalidOperationException($"IMU {Name} was stopped; create a new source to start again");
        }

        if (_driver is not null)
        {
            throw new InvalidOperationException($"IMU {Name} is already started");
        }

        try
        {
            _driver = I2cImuDriverFactory.Open(_options, _openDevice);
        }
        catch (SensorStartException ex) when (!_options.Required)
        {
            _logger.ImuMissing(Name, ex.Message);
            _channel.SetFaults(SensorFaults.NotFound, present: true);
            return false;
        }

        _health = new ImuHealthMonitor(_channel, _options.FailuresBeforeUnhealthy, _options.FrozenAfter,
            _driver.AccelerationFullScaleMetresPerSecondSquared, _driver.AngularRateFullScaleRadiansPerSecond);
        _gyroBiasBoard = SettleGyroBias();
        return true;
    }

    /// <inheritdoc/>
    public void Stop()
    {
        _thread?.Dispose();
        _thread = null;
        _channel.SetFaults(SensorFaults.Stopped, present: true);
    }

    /// <inheritdoc/>
    public SensorReading<ImuSample> ReadLatest() => _channel.ReadLatest();

    /// <summary>
    /// One pass of the sampling loop: read, check, convert, publish. Returns true when a sample was published.
    /// Allocates nothing on success (a failed read allocates its exception, inside the binding or the bus).
    /// </summary>
    internal bool SampleOnce()
    {
        var driver = _driver ?? throw new InvalidOperationException($"IMU {Name} is not started");
        var health = _health!;
        long timestamp = _timeProvider.GetTimestamp();
        Vector3 accelerationBoard, angularRateBoard;
        try
        {
            driver.Read(out accelerationBoard, out angularRateBoard, ref _temperatureCelsius);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Reliability over error visibility: a bus error is counted and the loop goes on.
            _lastError = ex.Message;
            if (health.ReadFailed())
            {
                _logger.ImuUnhealthy(Name, health.ConsecutiveReadErrors, _lastError);
            }

            return false;
        }

        int failuresBefore = health.ConsecutiveReadErrors;
        if (health.ReadSucceeded(timestamp, accelerationBoard, angularRateBoard))
        {
            _logger.ImuRecovered(Name, failuresBefore);
        }

        long sequence = _channel.PublishedCount + 1;
        var sample = new ImuSample(timestamp, sequence,
            _remap.ToFrd(accelerationBoard),
            _remap.ToFrd(angularRateBoard - _gyroBiasBoard),
            attitudeFrdToNed: null,
            _temperatureCelsius);
        _channel.Publish(sample, timestamp);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        _driver?.Dispose();
        _driver = null;
    }

    private TimeSpan Step()
    {
        SampleOnce();

        // Deadlines advance by whole periods so that the rate does not drift with the time a read takes;
        // after a stall of more than a period (a slow bus, a paused process) the loop skips the missed periods
        // instead of bursting to catch up.
        long now = _timeProvider.GetTimestamp();
        _nextDeadline += _periodTicks;
        if (_nextDeadline < now - _periodTicks)
        {
            _nextDeadline = now + _periodTicks - ((now - _nextDeadline) % _periodTicks);
        }

        long delayTicks = Math.Max(0, _nextDeadline - now);
        return TimeSpan.FromSeconds((double)delayTicks / _timeProvider.TimestampFrequency);
    }

    private Vector3 SettleGyroBias()
    {
        if (_options.GyroCalibration == GyroCalibrationMode.None)
        {
            return Vector3.Zero;
        }

        string path = _options.CalibrationFile!;
        if (_options.GyroCalibration == GyroCalibrationMode.LoadOrCalibrate && GyroBiasStore.TryLoad(path, out var stored))
        {
            if (stored!.Device == Name)
            {
                var bias = stored.GyroBiasBoard;
                _logger.GyroBias(Name, $"loaded from {path}", bias.X, bias.Y, bias.Z);
                return bias;
            }

            _logger.CalibrationForOtherDevice(path, stored.Device, Name);
        }

        var calibration = Calibrate();
        GyroBiasStore.Save(path, calibration);
        var measured = calibration.GyroBiasBoard;
        _logger.GyroBias(Name, $"measured and saved to {path}", measured.X, measured.Y, measured.Z);
        return measured;
    }

    private GyroBiasCalibration Calibrate()
    {
        int count = _options.CalibrationSamples;
        var rates = new Vector3[count];
        var accelerations = new Vector3[count];
        int failures = 0;
        for (int i = 0; i < count;)
        {
            try
            {
                _driver!.Read(out accelerations[i], out rates[i], ref _temperatureCelsius);
                i++;
            }
            catch (IOException ex) when (++failures <= _options.FailuresBeforeUnhealthy)
            {
                _lastError = ex.Message;
            }
        }

        if (!GyroBiasCalibrator.TryCompute(rates, accelerations, _options.CalibrationMaxGyroStdDevRadiansPerSecond,
                _options.CalibrationMaxAccelerationStdDevMetresPerSecondSquared, out var bias, out var spread, out string error))
        {
            throw new SensorStartException($"IMU {Name}: gyro calibration refused: {error}. Keep the vehicle still and level during start, or set GyroCalibration to None");
        }

        return new GyroBiasCalibration
        {
            Device = Name,
            GyroBiasBoardRadiansPerSecond = [bias.X, bias.Y, bias.Z],
            GyroStdDevBoardRadiansPerSecond = [spread.X, spread.Y, spread.Z],
            Samples = count,
            CalibratedAtUtc = _timeProvider.GetUtcNow(),
            TemperatureCelsius = _temperatureCelsius,
        };
    }
}
