using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using DroneLiquid.Sensors;
using DroneLiquid.Sensors.Camera;
using DroneLiquid.Sensors.Camera.Recorded;
using DroneLiquid.Sensors.Camera.V4l2;
using DroneLiquid.Sensors.Conversion;
using DroneLiquid.Sensors.Imu.I2c;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid sensors imu|camera|replay|bench`: try a real IMU or camera on the vehicle, replay a recording, and
/// time the frame-to-tensor conversion. Each reads the sources the way the control tick does.
/// </summary>
internal static class SensorsCommand
{
    private static readonly Option<bool> s_json = new("--json") { Description = "Print one JSON object on stdout." };
    private static readonly Option<double> s_seconds = new("--seconds") { Description = "How long to read.", DefaultValueFactory = _ => 3.0 };

    public static Command Create()
    {
        var command = new Command("sensors", "Read an IMU or camera as the control tick would, replay a recording, time the frame conversion.");
        command.Subcommands.Add(Imu());
        command.Subcommands.Add(Camera());
        command.Subcommands.Add(Record());
        command.Subcommands.Add(Replay());
        command.Subcommands.Add(Bench());
        return command;
    }

    private static Command Imu()
    {
        var chip = new Option<ImuChip>("--chip") { Description = "Mpu6050, Mpu6500, Mpu9250, Bno055 or Lsm9Ds1.", DefaultValueFactory = _ => ImuChip.Mpu6050 };
        var bus = new Option<int>("--bus") { Description = "I2C bus number (/dev/i2c-N).", DefaultValueFactory = _ => 1 };
        var address = new Option<string?>("--address") { Description = "7-bit address, e.g. 0x68 (default: the chip's)." };
        var rate = new Option<double>("--rate") { Description = "Sampling rate, Hz.", DefaultValueFactory = _ => 100 };
        var mount = new Option<string>("--mount") { Description = "Board axes for forward,right,down.", DefaultValueFactory = _ => "+X,-Y,-Z" };
        var command = new Command("imu", "Read an I2C IMU for a few seconds and report rate, mean FRD readings and health.") { chip, bus, address, rate, mount, s_seconds, s_json };
        command.SetAction(parse =>
        {
            var options = new I2cImuOptions
            {
                Chip = parse.GetValue(chip),
                BusId = parse.GetValue(bus),
                Address = ParseAddress(parse.GetValue(address)),
                SampleRateHz = parse.GetValue(rate),
                BoardToBody = parse.GetValue(mount)!,
                GyroCalibration = GyroCalibrationMode.None,
                AccelerometerRangeG = parse.GetValue(chip) == ImuChip.Bno055 ? 4 : 8,
                GyroscopeRangeDegreesPerSecond = parse.GetValue(chip) switch { ImuChip.Bno055 => 2000, ImuChip.Lsm9Ds1 => 500, _ => 1000 },
            };
            using var source = Start(() => new I2cImuSource(options), s => s.Start());
            var watch = Stopwatch.StartNew();
            Vector3 accelerationSum = default, rateSum = default;
            long lastSequence = 0, distinct = 0;
            while (watch.Elapsed.TotalSeconds < parse.GetValue(s_seconds))
            {
                var reading = source.ReadLatest();
                if (reading.HasValue && reading.Sequence != lastSequence)
                {
                    (lastSequence, distinct) = (reading.Sequence, distinct + 1);
                    accelerationSum += reading.Value.AccelerationFrd;
                    rateSum += reading.Value.AngularRateFrd;
                }

                Thread.Sleep(2);
            }

            var final = source.ReadLatest();
            var counters = source.Counters;
            var report = new ImuReport(source.Name, counters.SamplesPublished, counters.SamplesPublished / watch.Elapsed.TotalSeconds,
                Components(accelerationSum / Math.Max(1, distinct)), Components(rateSum / Math.Max(1, distinct)),
                final.Health.ToString(), final.Faults.ToString(), counters.ReadErrors, counters.SaturatedSamples);
            return Finish(parse.GetValue(s_json), report, final.Health == SensorHealth.Ok && counters.SamplesPublished > 0,
                $"{report.Device}: {report.Samples} samples ({report.RateHz:0.#} Hz), mean specific force FRD [{Join(report.MeanAccelerationFrdMS2)}] m/s², mean rate FRD [{Join(report.MeanAngularRateFrdRadS)}] rad/s, health {report.Health} ({report.Faults}), {report.ReadErrors} read errors");
        });
        return command;
    }

    private static Command Camera()
    {
        var command = new Command("camera", "Capture from a V4L2 camera for a few seconds, converting each new frame to a 128x96 tensor.") { s_seconds, s_json };
        var camera = CameraOptions.AddTo(command);
        command.SetAction(parse =>
        {
            using var source = Start(() => new V4l2CameraSource(camera.Read(parse)), c => c.Start());
            return ReadCamera(source, parse.GetValue(s_seconds), parse.GetValue(s_json));
        });
        return command;
    }

    private static Command Record()
    {
        var folder = new Argument<string>("folder") { Description = "An empty folder to write frames.csv and the frames into." };
        var command = new Command("record", "Record a V4L2 camera into a recorded-frames folder for later replay.") { folder, s_seconds, s_json };
        var options = CameraOptions.AddTo(command);
        command.SetAction(parse =>
        {
            using var camera = Start(() => new V4l2CameraSource(options.Read(parse)), c => c.Start());
            RecordedFramesWriter writer;
            try
            {
                writer = new RecordedFramesWriter(parse.GetValue(folder)!);
            }
            catch (IOException ex)
            {
                throw new BadInputException(ex.Message, ex);
            }

            using (writer)
            {
                var watch = Stopwatch.StartNew();
                long first = 0, written = 0;
                while (watch.Elapsed.TotalSeconds < parse.GetValue(s_seconds))
                {
                    var reading = camera.AcquireLatest();
                    if (reading.IsNew)
                    {
                        var frame = reading.Frame!;
                        first = written == 0 ? frame.Timestamp : first;
                        long micros = (long)((frame.Timestamp - first) * 1_000_000.0 / TimeProvider.System.TimestampFrequency);
                        writer.Append(frame.Data, frame.Width, frame.Height, frame.Format, micros);
                        written++;
                    }

                    Thread.Sleep(2);
                }

                var report = new { Folder = parse.GetValue(folder), Frames = written, Dropped = camera.Counters.FramesDropped };
                return Finish(parse.GetValue(s_json), report, written > 0, $"{written} frames written to {report.Folder} ({report.Dropped} dropped while writing)");
            }
        });
        return command;
    }

    private static Command Replay()
    {
        var folder = new Argument<string>("folder") { Description = "A recording folder (frames.csv and frame files)." };
        var command = new Command("replay", "Replay a recorded-frames folder at its recorded pace, converting each frame.") { folder, s_seconds, s_json };
        command.SetAction(parse =>
        {
            using var replay = Start(() => new RecordedFramesSource(parse.GetValue(folder)!), r => r.Start());
            return ReadCamera(replay, parse.GetValue(s_seconds), parse.GetValue(s_json));
        });
        return command;
    }

    private static Command Bench()
    {
        var frames = new Option<int>("--frames") { Description = "Conversions to time.", DefaultValueFactory = _ => 300 };
        var command = new Command("bench", "Time 640x480 YUYV to 128x96 normalised CHW conversion on this machine (median per frame).") { frames, s_json };
        command.SetAction(parse =>
        {
            int count = parse.GetValue(frames);
            if (count < 10)
            {
                throw new BadInputException($"--frames is {count}; expected at least 10");
            }

            var frame = new byte[640 * 480 * 2];
            for (int i = 0; i < frame.Length; i += 2)
            {
                (frame[i], frame[i + 1]) = ((byte)(16 + (i / 2 % 640) * 219 / 640), (byte)(128 + ((i / 2) % 97) - 48));
            }

            var times = new Dictionary<string, double>();
            foreach (var resize in new[] { ResizeMode.Area, ResizeMode.Bilinear })
            {
                var converter = new FrameToTensorConverter(640, 480, FramePixelFormat.Yuyv, new FrameTensorSpec { Resize = resize });
                var tensor = new float[converter.TensorLength];
                var samples = new double[count];
                for (int i = -20; i < count; i++)
                {
                    long start = Stopwatch.GetTimestamp();
                    converter.Convert(frame, tensor);
                    if (i >= 0)
                    {
                        samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    }
                }

                Array.Sort(samples);
                times[$"yuyv_640x480_to_128x96_{resize.ToString().ToLowerInvariant()}_ms"] = samples[count / 2];
            }

            string human = string.Join(", ", times.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Key} {t.Value:0.000}")));
            return Finish(parse.GetValue(s_json), times, true, $"median per frame over {count} frames: {human}");
        });
        return command;
    }

    private static int ReadCamera(ICameraSource camera, double seconds, bool json)
    {
        var converter = new FrameToTensorConverter(camera.Width, camera.Height, camera.Format, new FrameTensorSpec());
        var tensor = new float[converter.TensorLength];
        var watch = Stopwatch.StartNew();
        long converted = 0;
        double convertMs = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var reading = camera.AcquireLatest();
            if (reading.IsNew)
            {
                long start = Stopwatch.GetTimestamp();
                converter.Convert(reading.Frame!.Data, tensor);
                convertMs += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                converted++;
            }

            Thread.Sleep(2);
        }

        var final = camera.AcquireLatest();
        var counters = camera.Counters;
        var report = new CameraReport(camera.Name, counters.FramesPublished, counters.FramesPublished / watch.Elapsed.TotalSeconds,
            counters.FramesDropped, counters.BadFrames, converted, converted > 0 ? convertMs / converted : 0, final.Health.ToString(), final.Faults.ToString());
        return Finish(json, report, counters.FramesPublished > 0 && final.Health != SensorHealth.Failed,
            $"{report.Device}: {report.Frames} frames ({report.FramesPerSecond:0.#} fps), {report.Dropped} dropped, {report.BadFrames} bad, {report.Converted} converted at {report.MeanConversionMs:0.###} ms each, health {report.Health} ({report.Faults})");
    }

    private static T Start<T>(Func<T> create, Action<T> start)
        where T : IDisposable
    {
        T source;
        try
        {
            source = create();
        }
        catch (ArgumentException ex)
        {
            string reason = ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
            throw new BadInputException(reason, ex);
        }

        try
        {
            start(source);
            return source;
        }
        catch (SensorStartException ex)
        {
            source.Dispose();
            throw new BadInputException(ex.Message, ex);
        }
    }

    private static int Finish<T>(bool json, T report, bool ok, string human)
    {
        if (json)
        {
            JsonOutput.WriteLine(report);
        }
        else
        {
            Console.Error.WriteLine(human);
        }

        return ok ? ExitCodes.Success : ExitCodes.CheckFailed;
    }

    private static int? ParseAddress(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return int.TryParse(digits, text.Length != digits.Length ? NumberStyles.HexNumber : NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new BadInputException($"--address is '{text}'; expected a 7-bit address such as 0x68 or 104");
    }

    private static float[] Components(Vector3 v) => [v.X, v.Y, v.Z];

    private static string Join(float[] v) => string.Join(", ", v.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture)));

    /// <summary>The options that choose a V4L2 camera, shared by the camera and record verbs.</summary>
    private sealed record CameraOptions(Option<string> Device, Option<int> Width, Option<int> Height, Option<FramePixelFormat> Format)
    {
        public static CameraOptions AddTo(Command command)
        {
            var options = new CameraOptions(
                new Option<string>("--device") { Description = "V4L2 device node.", DefaultValueFactory = _ => "/dev/video0" },
                new Option<int>("--width") { DefaultValueFactory = _ => 640 },
                new Option<int>("--height") { DefaultValueFactory = _ => 480 },
                new Option<FramePixelFormat>("--format") { Description = "Yuyv or Mjpeg.", DefaultValueFactory = _ => FramePixelFormat.Yuyv });
            command.Options.Add(options.Device);
            command.Options.Add(options.Width);
            command.Options.Add(options.Height);
            command.Options.Add(options.Format);
            return options;
        }

        public V4l2CameraOptions Read(ParseResult parse) => new()
        {
            DevicePath = parse.GetValue(Device)!,
            Width = parse.GetValue(Width),
            Height = parse.GetValue(Height),
            PixelFormat = parse.GetValue(Format),
        };
    }

    private sealed record ImuReport(string Device, long Samples, double RateHz, float[] MeanAccelerationFrdMS2, float[] MeanAngularRateFrdRadS,
        string Health, string Faults, long ReadErrors, long SaturatedSamples);

    private sealed record CameraReport(string Device, long Frames, double FramesPerSecond, long Dropped, long BadFrames, long Converted,
        double MeanConversionMs, string Health, string Faults);
}
