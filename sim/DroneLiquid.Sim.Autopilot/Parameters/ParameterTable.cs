using DroneLiquid.Mavlink.Connection;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.Sim.Autopilot.Parameters;

/// <summary>
/// The parameters an emulated autopilot serves over the parameter protocol, in a fixed order (their index).
/// Integers travel bit-cast (PX4) or converted (ArduPilot) as <see cref="Encoding"/> says.
/// </summary>
public sealed class ParameterTable
{
    private readonly List<EmulatedParameter> _items = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    public ParameterTable(ParameterEncoding encoding)
    {
        Encoding = encoding;
    }

    public ParameterEncoding Encoding { get; }

    public int Count => _items.Count;

    public EmulatedParameter this[int index] => _items[index];

    public ParameterTable AddReal(string name, float value, double min, double max) => Add(new EmulatedParameter(name, ParameterValue.FromSingle(value), min, max));

    public ParameterTable AddInteger(string name, long value, double min, double max, MavParamType type = MavParamType.Int32) =>
        Add(new EmulatedParameter(name, ParameterValue.FromInteger(value, type), min, max));

    public bool TryGet(string name, out int index) => _index.TryGetValue(name, out index);

    /// <summary>The value of <paramref name="name"/> as a double (the parameter must exist).</summary>
    public double Get(string name) => _items[_index[name]].Value.ToDouble();

    /// <summary>Sets from the wire: the type must match and the value must be finite and within range.</summary>
    public bool TrySet(int index, float wire, MavParamType type, out string? problem)
    {
        EmulatedParameter p = _items[index];
        if (type != p.Value.Type)
        {
            problem = $"{p.Name}: type {type}, expected {p.Value.Type}";
            return false;
        }

        ParameterValue value = ParameterValue.FromWire(wire, type, Encoding);
        double number = value.ToDouble();
        if (!double.IsFinite(number) || number < p.Min || number > p.Max)
        {
            problem = $"{p.Name}: {number} outside [{p.Min}, {p.Max}]";
            return false;
        }

        p.Value = value;
        problem = null;
        return true;
    }

    /// <summary>The PARAM_VALUE for parameter <paramref name="index"/>; <paramref name="reportedIndex"/> is what goes in param_index.</summary>
    public ParamValueMessage ToMessage(int index, ushort reportedIndex)
    {
        EmulatedParameter p = _items[index];
        var message = new ParamValueMessage
        {
            ParamValue = p.Value.ToWire(Encoding),
            ParamCount = (ushort)_items.Count,
            ParamIndex = reportedIndex,
            ParamType = (byte)p.Value.Type,
        };
        message.ParamId.SetText(p.Name);
        return message;
    }

    private ParameterTable Add(EmulatedParameter parameter)
    {
        _index.Add(parameter.Name, _items.Count);
        _items.Add(parameter);
        return this;
    }
}
