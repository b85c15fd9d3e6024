using DroneLiquid.Flight.Envelope;
using DroneLiquid.Flight.Frames;
using DroneLiquid.Liquid.Policies;

namespace DroneLiquid.Flight.Policies;

/// <summary>
/// Turns a policy's raw outputs into a <see cref="PolicyCommand"/>: <c>raw * Scale + Offset</c> limited to the
/// action's Min/Max. The outputs name a velocity in one frame, either <c>velocity_body_forward/right/down</c> or
/// <c>velocity_ned_north/east/down</c> (all three), and optionally <c>yaw_rate</c> (rad/s; 0 when absent).
/// A non-finite output becomes NaN (never a clamped limit): the envelope zeroes it and the failsafe counts it.
/// </summary>
public sealed class ActionDecoder
{
    private static readonly string[] BodyNames = ["velocity_body_forward", "velocity_body_right", "velocity_body_down"];
    private static readonly string[] NedNames = ["velocity_ned_north", "velocity_ned_east", "velocity_ned_down"];
    private const string YawRateName = "yaw_rate";

    private readonly ActionOutput[] _actions;

    // Output index of X, Y, Z and yaw rate (-1: absent).
    private readonly int[] _slots = new int[4];

    /// <exception cref="ArgumentException">The actions do not name one complete velocity frame, repeat a name, or name something else.</exception>
    public ActionDecoder(IReadOnlyList<ActionOutput> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        _actions = [.. actions];
        Array.Fill(_slots, -1);
        bool body = actions.Any(a => BodyNames.Contains(a.Name));
        bool ned = actions.Any(a => NedNames.Contains(a.Name));
        if (body == ned)
        {
            throw new ArgumentException(
                $"actions must name one velocity frame: either {string.Join("/", BodyNames)} or {string.Join("/", NedNames)}; found: {string.Join(", ", actions.Select(a => a.Name))}");
        }

        Frame = body ? VelocityFrame.BodyFrd : VelocityFrame.Ned;
        string[] names = body ? BodyNames : NedNames;
        for (int i = 0; i < actions.Count; i++)
        {
            int slot = Array.IndexOf(names, actions[i].Name);
            if (slot < 0 && actions[i].Name == YawRateName)
            {
                slot = 3;
            }

            if (slot < 0)
            {
                throw new ArgumentException($"actions[{i}] '{actions[i].Name}' is not a command this flight code sends; allowed: {string.Join(", ", names)}, {YawRateName}");
            }

            if (_slots[slot] >= 0)
            {
                throw new ArgumentException($"actions[{i}] '{actions[i].Name}' appears twice");
            }

            _slots[slot] = i;
        }

        for (int slot = 0; slot < 3; slot++)
        {
            if (_slots[slot] < 0)
            {
                throw new ArgumentException($"actions lack '{names[slot]}': a velocity command needs all three components");
            }
        }
    }

    /// <summary>The frame of the decoded velocity.</summary>
    public VelocityFrame Frame { get; }

    /// <summary>Outputs the network must produce.</summary>
    public int Count => _actions.Length;

    /// <summary>Decodes one step's outputs (at least <see cref="Count"/> floats).</summary>
    public PolicyCommand Decode(ReadOnlySpan<float> raw)
    {
        if (raw.Length < _actions.Length)
        {
            throw new ArgumentException($"{raw.Length} outputs given; the policy declares {_actions.Length}", nameof(raw));
        }

        return new PolicyCommand(Frame, Value(raw, 0), Value(raw, 1), Value(raw, 2), _slots[3] < 0 ? 0f : Value(raw, 3));
    }

    private float Value(ReadOnlySpan<float> raw, int slot)
    {
        int index = _slots[slot];
        var action = _actions[index];
        double value = (raw[index] * action.Scale) + action.Offset;
        if (!double.IsFinite(value))
        {
            // Clamping infinity to a limit would hide a broken network from the failsafe.
            return float.NaN;
        }

        if (action.Min is double min && value < min)
        {
            value = min;
        }

        if (action.Max is double max && value > max)
        {
            value = max;
        }

        return (float)value;
    }
}
