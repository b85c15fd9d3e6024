using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Failsafe;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Flight.Recorder;
using DroneLiquid.Flight.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using DroneLiquid.Tests.Shared;

namespace DroneLiquid.Flight.Tests;

/// <summary>The per-tick calls allocate nothing in steady state: warm up, then measure many iterations.</summary>
public class AllocationTests
{
    private const int Iterations = 20_000;

    [Fact]
    public void Envelope_apply_allocates_nothing()
    {
        var envelope = new SafetyEnvelope(new EnvelopeOptions());
        var state = new VehicleState(new PositionNed(99, 0, -29.5f), new VelocityNed(1, 0, 0), 0.5f, 1f);
        float sink = 0;
        for (int i = 0; i < 100; i++)
        {
            sink += envelope.Apply(PolicyCommand.BodyFrd(i, -i, float.NaN, 3), state, 0.02f).YawRateRadiansPerSecond;
        }

        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < Iterations; i++)
            {
                var command = (i % 3) switch
                {
                    0 => PolicyCommand.BodyFrd(i * 0.01f, -3, 2, 3),
                    1 => PolicyCommand.Ned(float.NaN, 0, 0, 0),
                    _ => PolicyCommand.Ned(50, 50, -50, -5),
                };
                sink += envelope.Apply(command, state with { PositionNed = new PositionNed(80 + (i % 40), i % 7, -(i % 35)) }, 0.02f).VelocityNed.NorthMetresPerSecond;
            }
        });

        Assert.True(float.IsFinite(sink));
    }

    [Fact]
    public void Failsafe_update_and_transition_logging_allocate_nothing()
    {
        var machine = new FailsafeStateMachine(new FailsafeOptions(), static _ => { });
        var flags = new FlightFlags { SensorsFresh = true };
        TimeSpan now = TimeSpan.Zero;
        void Cycle(ref FlightFlags f, int i)
        {
            // Start, arm, take off, fly, stale sensor (hold), fresh again, and repeat through Reset.
            f.StartRequested = true;
            f.Armed = true;
            f.TakeoffAltitudeReached = i % 50 > 5;
            f.SensorsFresh = i % 50 is < 20 or > 25;
            f.BatteryLow = i % 50 == 30;
            f.ConsecutiveDeadlineMisses = i % 50 == 40 ? 10 : 0;
            now += TimeSpan.FromMilliseconds(20);
            machine.Update(now, f);
            if (i % 50 == 49)
            {
                f.PilotModeChanged = true;
                machine.Update(now, f);
                f.PilotModeChanged = false;
                machine.Reset();
            }
        }

        for (int i = 0; i < 200; i++)
        {
            Cycle(ref flags, i);
        }

        long transitions = machine.Transitions.TotalCount;
        Allocations.AssertNone(() =>
        {
            for (int i = 0; i < Iterations; i++)
            {
                Cycle(ref flags, i);
            }
        });

        Assert.True(machine.Transitions.TotalCount - transitions > 1000, "the loop must exercise transitions");
    }

    [Fact]
    public void Recorder_enqueue_allocates_nothing()
    {
        using var records = new FakeFlightRecords();
        var options = records.Options();
        options.RingCapacity = 1 << 16;
        using var recorder = new FlightRecorder(options, FakeFlightRecords.Layout(), new FakeTimeProvider());
        float[] observation = new float[4]; // arrays, not stackalloc: the measured loop is a lambda
        float[] outputs = new float[4];
        var transition = new FailsafeTransition(TimeSpan.FromSeconds(1), FlightState.PolicyControl, FlightState.Holding, FailsafeAction.Hold, TransitionKind.Failsafe, FailsafeTrigger.SensorStale);
        for (int i = 0; i < 100; i++)
        {
            recorder.EnqueueTick(FakeFlightRecords.Sample(i), observation, outputs);
        }

        int runs = 0;
        Allocations.AssertNone(() =>
        {
            runs++;
            for (int i = 0; i < Iterations; i++)
            {
                FakeFlightRecords.Fill(i, observation, outputs);
                recorder.EnqueueTick(FakeFlightRecords.Sample(i), observation, outputs);
                if (i % 100 == 0)
                {
                    recorder.EnqueueTransition(transition);
                }
            }
        });

        Assert.Equal((runs * Iterations) + 100, recorder.TicksEnqueued);
    }
}
