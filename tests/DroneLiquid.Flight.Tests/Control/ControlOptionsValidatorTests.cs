using DroneLiquid.Flight.Control;
using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Policies;
using DroneLiquid.Flight.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DroneLiquid.Flight.Tests.Control;

/// <summary>Every invalid control option and plan field gives its own line naming the key, the value and the range.</summary>
public class ControlOptionsValidatorTests
{
    public static TheoryData<Action<ControlOptions>, string> Invalid => new()
    {
        { o => o.RateHz = 0, "Flight:Control:RateHz is 0; expected 1 to 500" },
        { o => o.RateHz = double.NaN, "Flight:Control:RateHz is NaN; expected 1 to 500" },
        { o => o.SensorStaleAfter = TimeSpan.FromMilliseconds(5), "Flight:Control:SensorStaleAfter is 00:00:00.0050000; expected 00:00:00.0200000 to 00:00:05" },
        { o => o.SupervisorStallAfter = TimeSpan.FromMilliseconds(30), "Flight:Control:SupervisorStallAfter is 00:00:00.0300000; expected 00:00:00.0400000 to 00:00:10" },
        { o => o.ReadyTimeout = TimeSpan.Zero, "Flight:Control:ReadyTimeout is 00:00:00; expected 00:00:01 to 00:10:00" },
        { o => o.LandingTimeout = TimeSpan.FromHours(1), "Flight:Control:LandingTimeout is 01:00:00; expected 00:00:05 to 00:30:00" },
        { o => o.StopAction = (StopAction)7, "Flight:Control:StopAction is 7; expected Hold, Land or Return" },
        { o => o.BatteryLowFraction = 1.5f, "Flight:Control:BatteryLowFraction is 1.5; expected 0 to 1" },
        { o => o.BatteryCriticalFraction = 0.3f, "Flight:Control:BatteryCriticalFraction is 0.3; expected 0 to BatteryLowFraction (0.25)" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_invalid_value_is_one_line(Action<ControlOptions> breakIt, string expected)
    {
        var options = new ControlOptions();
        breakIt(options);
        Assert.Equal([expected], ControlOptionsValidator.Collect(options));
        Assert.True(new ControlOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(ControlOptionsValidator.Collect(new ControlOptions()));

    [Fact]
    public void The_session_refuses_a_bad_plan_and_bad_options_listing_every_problem()
    {
        using var policy = FlightPolicy.Open(FakePolicyFolders.State);
        var time = new FakeTimeProvider();
        var plan = new FlightPlan(new PositionNed(float.NaN, 0, 0), 0.1f, 0, TimeSpan.Zero);
        var e = Assert.Throws<ArgumentException>(() => new FlightSession(
            new FakeAutopilot(time), policy, null, plan, new ControlOptions { RateHz = 0, TickOnCameraFrame = true }, new EnvelopeOptions(),
            new FailsafeOptions(), null, new FlightMetrics(), time, NullLogger<FlightSession>.Instance));
        string[] lines = e.Message.Split(Environment.NewLine);
        Assert.Contains("plan altitude is 0.1 m; expected 0.5 to 500", lines);
        Assert.Contains("plan target radius is 0 m; expected 0.1 to 1000", lines);
        Assert.Contains("plan time limit is 00:00:00; expected 00:00:01 to 1.00:00:00", lines);
        Assert.Contains("Flight:Control:RateHz is 0; expected 1 to 500", lines);
        Assert.Contains("Flight:Control:TickOnCameraFrame is true but no camera source is given", lines);
        Assert.Equal(6, lines.Count(l => l.StartsWith("plan", StringComparison.Ordinal) || l.StartsWith("Flight:", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_vision_policy_without_a_camera_is_refused()
    {
        using var policy = FlightPolicy.Open(FakePolicyFolders.Vision);
        var time = new FakeTimeProvider();
        var e = Assert.Throws<ArgumentException>(() => new FlightSession(
            new FakeAutopilot(time), policy, null, FakeSessionRig.FarPlan, new ControlOptions(), new EnvelopeOptions(),
            new FailsafeOptions(), null, new FlightMetrics(), time, NullLogger<FlightSession>.Instance));
        Assert.StartsWith("policy 'untrained-vision' is a vision policy: it needs a camera source", e.Message);
    }
}
