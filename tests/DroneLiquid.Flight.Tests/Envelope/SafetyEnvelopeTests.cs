using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Tests.Envelope;

public class SafetyEnvelopeTests
{
    private const float Dt = 0.02f;

    private static readonly VehicleState Centre = new(new PositionNed(0, 0, -10), default, 0f);

    private static SafetyEnvelope Create(EnvelopeOptions? options = null) => new(options ?? new EnvelopeOptions());

    private static SafetyEnvelope Settled()
    {
        var envelope = Create();
        envelope.Reset(default);
        return envelope;
    }

    [Fact]
    public void A_command_inside_every_limit_passes_unchanged()
    {
        var envelope = Settled();
        envelope.Reset(new VelocityNed(1, 1, 0));
        var output = envelope.Apply(PolicyCommand.Ned(1, 1, 0, 0.2f), Centre, Dt);
        Assert.Equal(EnvelopeInterventions.None, output.Interventions);
        Assert.Equal(new VelocityNed(1, 1, 0), output.VelocityNed);
        Assert.Equal(0.2f, output.YawRateRadiansPerSecond);
    }

    [Fact]
    public void Body_forward_at_yaw_ninety_degrees_flies_east()
    {
        var envelope = Settled();
        envelope.Reset(new VelocityNed(0, 2, 0));
        var state = Centre with { YawRadians = MathF.PI / 2 };
        var output = envelope.Apply(PolicyCommand.BodyFrd(2, 0, 0, 0), state, Dt);
        Assert.Equal(0, output.VelocityNed.NorthMetresPerSecond, 1e-5);
        Assert.Equal(2, output.VelocityNed.EastMetresPerSecond, 1e-5);
    }

    [Fact]
    public void Horizontal_speed_is_scaled_keeping_direction()
    {
        var envelope = Create();
        envelope.Reset(new VelocityNed(3, 4, 0));
        var output = envelope.Apply(PolicyCommand.Ned(30, 40, 0, 0), Centre, Dt);
        Assert.True(output.Interventions.HasFlag(EnvelopeInterventions.HorizontalSpeed));
        Assert.Equal(3, output.VelocityNed.NorthMetresPerSecond, 1e-4);
        Assert.Equal(4, output.VelocityNed.EastMetresPerSecond, 1e-4);
    }

    [Theory]
    [InlineData(-10f, -2f, EnvelopeInterventions.VerticalSpeedUp)]
    [InlineData(10f, 1f, EnvelopeInterventions.VerticalSpeedDown)]
    public void Vertical_speed_is_clipped_per_direction(float down, float expected, EnvelopeInterventions flag)
    {
        var envelope = Create();
        envelope.Reset(new VelocityNed(0, 0, expected));
        var output = envelope.Apply(PolicyCommand.Ned(0, 0, down, 0), Centre, Dt);
        Assert.Equal(flag, output.Interventions);
        Assert.Equal(expected, output.VelocityNed.DownMetresPerSecond);
    }

    [Fact]
    public void Yaw_rate_is_clipped()
    {
        var output = Settled().Apply(PolicyCommand.Ned(0, 0, 0, -9f), Centre, Dt);
        Assert.Equal(EnvelopeInterventions.YawRate, output.Interventions);
        Assert.Equal(-EnvelopeOptions.DefaultMaxYawRate, output.YawRateRadiansPerSecond);
    }

    [Fact]
    public void Acceleration_limits_the_change_per_tick()
    {
        var envelope = Settled();
        var output = envelope.Apply(PolicyCommand.Ned(5, 0, 1, 0), Centre, 0.1f);
        Assert.True(output.Interventions.HasFlag(EnvelopeInterventions.HorizontalAcceleration));
        Assert.True(output.Interventions.HasFlag(EnvelopeInterventions.VerticalAcceleration));
        Assert.Equal(0.3f, output.VelocityNed.NorthMetresPerSecond, 1e-5);
        Assert.Equal(0.2f, output.VelocityNed.DownMetresPerSecond, 1e-5);
        output = envelope.Apply(PolicyCommand.Ned(5, 0, 1, 0), Centre, 0.1f);
        Assert.Equal(0.6f, output.VelocityNed.NorthMetresPerSecond, 1e-5);
    }

    [Fact]
    public void Near_the_fence_the_outward_component_is_removed_and_the_tangential_kept()
    {
        var envelope = Create();
        envelope.Reset(new VelocityNed(2, 1, 0));
        var state = Centre with { PositionNed = new PositionNed(99, 0, -10) };
        var output = envelope.Apply(PolicyCommand.Ned(2, 1, 0, 0), state, Dt);
        Assert.Equal(EnvelopeInterventions.GeofenceOutward, output.Interventions);
        Assert.Equal(0, output.VelocityNed.NorthMetresPerSecond, 1e-5);
        Assert.Equal(1, output.VelocityNed.EastMetresPerSecond, 1e-5);

        // Inward motion is untouched.
        envelope.Reset(new VelocityNed(-2, 0, 0));
        Assert.Equal(EnvelopeInterventions.None, envelope.Apply(PolicyCommand.Ned(-2, 0, 0, 0), state, Dt).Interventions);
    }

    [Fact]
    public void A_fence_breach_commands_back_towards_home()
    {
        var state = Centre with { PositionNed = new PositionNed(0, -120, -10) };
        var output = Settled().Apply(PolicyCommand.Ned(0, -5, 0, 0), state, Dt);
        Assert.True(output.Interventions.HasFlag(EnvelopeInterventions.GeofenceBreach));
        Assert.Equal(EnvelopeOptions.DefaultBreachReturnSpeed, output.VelocityNed.EastMetresPerSecond, 1e-5);
        Assert.Equal(0, output.VelocityNed.NorthMetresPerSecond, 1e-5);
    }

    [Theory]
    [InlineData(29.5f, -1f, 0f, EnvelopeInterventions.AltitudeMaxOutward)]
    [InlineData(35f, -1f, 1f, EnvelopeInterventions.AltitudeMaxBreach)]
    [InlineData(2f, 1f, 0f, EnvelopeInterventions.AltitudeMinOutward)]
    [InlineData(0.5f, 1f, -1f, EnvelopeInterventions.AltitudeMinBreach)]
    public void Ceiling_and_floor(float altitude, float down, float expectedDown, EnvelopeInterventions flag)
    {
        var envelope = Create();
        envelope.Reset(new VelocityNed(0, 0, down));
        var state = Centre with { PositionNed = new PositionNed(0, 0, -altitude) };
        var output = envelope.Apply(PolicyCommand.Ned(0, 0, down, 0), state, Dt);
        Assert.True(output.Interventions.HasFlag(flag), output.Interventions.ToString());
        Assert.Equal(expectedDown, output.VelocityNed.DownMetresPerSecond);
    }

    [Fact]
    public void Clearance_below_the_minimum_stops_horizontal_motion()
    {
        var envelope = Create();
        envelope.Reset(default);
        var output = envelope.Apply(PolicyCommand.Ned(0.01f, 0, 0, 0), Centre with { MinClearanceMetres = 1f }, Dt);
        Assert.Equal(EnvelopeInterventions.Clearance, output.Interventions);
        Assert.Equal(0f, output.VelocityNed.HorizontalSpeed);
    }

    [Theory]
    [InlineData(float.NaN, 0f, 0f, 0f)]
    [InlineData(0f, float.PositiveInfinity, 0f, 0f)]
    [InlineData(0f, 0f, float.NegativeInfinity, 0f)]
    [InlineData(0f, 0f, 0f, float.NaN)]
    public void Non_finite_command_gives_zero_velocity_and_a_flag(float x, float y, float z, float yawRate)
    {
        var envelope = Create();
        envelope.Reset(new VelocityNed(3, 0, 0));
        var output = envelope.Apply(new PolicyCommand(VelocityFrame.BodyFrd, x, y, z, yawRate), Centre, Dt);
        Assert.Equal(EnvelopeInterventions.NonFiniteCommand, output.Interventions);
        Assert.Equal(default, output.VelocityNed);
        Assert.Equal(0f, output.YawRateRadiansPerSecond);
    }

    [Fact]
    public void Non_finite_state_gives_zero_velocity_and_a_flag()
    {
        var output = Settled().Apply(PolicyCommand.Ned(1, 0, 0, 0), Centre with { YawRadians = float.NaN }, Dt);
        Assert.Equal(EnvelopeInterventions.NonFiniteState, output.Interventions);
        Assert.Equal(default, output.VelocityNed);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_failure_named()
    {
        var options = new EnvelopeOptions { MaxHorizontalSpeedMetresPerSecond = float.NaN, MinAltitudeMetres = 20, MaxAltitudeMetres = 21, MinClearanceMetres = -1 };
        var failures = EnvelopeOptionsValidator.Collect(options);
        Assert.Contains("Flight:Envelope:MaxHorizontalSpeedMetresPerSecond is NaN; expected a finite number more than 0", failures);
        Assert.Contains("Flight:Envelope:MinClearanceMetres is -1; expected a finite number of at least 0", failures);
        Assert.Contains(failures, f => f.StartsWith("Flight:Envelope:MaxAltitudeMetres is 21; expected more than MinAltitudeMetres (20)", StringComparison.Ordinal));
        var ex = Assert.Throws<ArgumentException>(() => new SafetyEnvelope(options));
        Assert.Contains("MaxHorizontalSpeedMetresPerSecond", ex.Message, StringComparison.Ordinal);
        Assert.Empty(EnvelopeOptionsValidator.Collect(new EnvelopeOptions()));
    }
}
