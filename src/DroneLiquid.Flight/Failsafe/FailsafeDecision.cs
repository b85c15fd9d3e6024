namespace DroneLiquid.Flight.Failsafe;

/// <summary>The result of one update: the state, the action the bridge must carry out, and the trigger behind it (None if none).</summary>
public readonly record struct FailsafeDecision(FlightState State, FailsafeAction Action, FailsafeTrigger Trigger);
