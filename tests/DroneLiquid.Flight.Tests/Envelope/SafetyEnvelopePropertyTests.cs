using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Frames;

namespace DroneLiquid.Flight.Tests.Envelope;

/// <summary>Whatever goes in (random, huge, NaN, infinite), what comes out stays inside every limit.</summary>
public class SafetyEnvelopePropertyTests
{
    private static readonly float[] s_specials = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, -float.MaxValue, 1e30f, -1e30f, 0f, -0f, float.Epsilon];

    private static float Draw(Random random, float scale) => random.Next(8) == 0
        ? s_specials[random.Next(s_specials.Length)]
        : (float)((random.NextDouble() * 2 - 1) * scale);

    [Fact]
    public void Output_never_exceeds_any_limit()
    {
        var options = new EnvelopeOptions();
        var envelope = new SafetyEnvelope(options);
        var random = new Random(12345);
        const float Tolerance = 1e-4f;
        for (int i = 0; i < 60_000; i++)
        {
            var command = new PolicyCommand((VelocityFrame)random.Next(2), Draw(random, 50), Draw(random, 50), Draw(random, 50), Draw(random, 20));
            var position = new PositionNed(Draw(random, 140), Draw(random, 140), Draw(random, 40));
            var state = new VehicleState(position, new VelocityNed(Draw(random, 10), Draw(random, 10), Draw(random, 10)), Draw(random, 7), random.Next(3) == 0 ? float.NaN : Draw(random, 5));
            float dt = random.Next(10) == 0 ? Draw(random, 1) : 0.02f;
            var output = envelope.Apply(command, state, dt);
            var v = output.VelocityNed;
            string context = $"#{i} {command} {state} dt={dt} -> {output}";
            Assert.True(v.IsFinite && float.IsFinite(output.YawRateRadiansPerSecond), context);
            Assert.True(v.HorizontalSpeed <= options.MaxHorizontalSpeedMetresPerSecond + Tolerance, context);
            Assert.True(v.DownMetresPerSecond >= -options.MaxSpeedUpMetresPerSecond - Tolerance, context);
            Assert.True(v.DownMetresPerSecond <= options.MaxSpeedDownMetresPerSecond + Tolerance, context);
            Assert.True(MathF.Abs(output.YawRateRadiansPerSecond) <= options.MaxYawRateRadiansPerSecond, context);
            if (!state.PositionNed.IsFinite || !state.VelocityNed.IsFinite || !float.IsFinite(state.YawRadians))
            {
                Assert.Equal(default, v);
                continue;
            }

            // Never outward when at or past the fence, never up at the ceiling, never down at the floor.
            float distance = position.HorizontalDistance;
            if (distance >= options.GeofenceRadiusMetres - options.LimitMarginMetres && float.IsFinite(distance) && distance > 0)
            {
                float outward = ((v.NorthMetresPerSecond * position.NorthMetres) + (v.EastMetresPerSecond * position.EastMetres)) / distance;
                Assert.True(outward <= Tolerance, context);
            }

            if (position.AltitudeMetres >= options.MaxAltitudeMetres - options.LimitMarginMetres)
            {
                Assert.True(v.DownMetresPerSecond >= 0, context);
            }

            if (position.AltitudeMetres <= options.MinAltitudeMetres + options.LimitMarginMetres)
            {
                Assert.True(v.DownMetresPerSecond <= 0, context);
            }
        }
    }

    [Fact]
    public void Acceleration_limit_holds_while_no_position_limit_or_stop_intervenes()
    {
        var options = new EnvelopeOptions();
        var envelope = new SafetyEnvelope(options);
        envelope.Reset(default);
        var random = new Random(99);
        var previous = default(VelocityNed);
        var state = new VehicleState(new PositionNed(0, 0, -10), default, 0.3f);
        const float Dt = 0.02f;
        for (int i = 0; i < 50_000; i++)
        {
            var output = envelope.Apply(PolicyCommand.BodyFrd(Draw(random, 20), Draw(random, 20), Draw(random, 5), 0), state, Dt);
            var v = output.VelocityNed;
            if ((output.Interventions & (EnvelopeInterventions.NonFiniteCommand | EnvelopeInterventions.NonFiniteState)) == 0)
            {
                float dn = v.NorthMetresPerSecond - previous.NorthMetresPerSecond, de = v.EastMetresPerSecond - previous.EastMetresPerSecond;
                Assert.True(MathF.Sqrt((dn * dn) + (de * de)) <= (options.MaxHorizontalAccelerationMetresPerSecondSquared * Dt) + 1e-4f, $"#{i} {previous} -> {output}");
                Assert.True(MathF.Abs(v.DownMetresPerSecond - previous.DownMetresPerSecond) <= (options.MaxVerticalAccelerationMetresPerSecondSquared * Dt) + 1e-4f);
            }

            previous = v;
        }
    }
}
