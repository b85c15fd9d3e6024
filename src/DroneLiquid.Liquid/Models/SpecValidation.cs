namespace DroneLiquid.Liquid.Models;

/// <summary>Checks a <see cref="LiquidModelSpec"/> before any weight is read: one sentence per problem.</summary>
internal static class SpecValidation
{
    public static void Check(LiquidModelSpec spec)
    {
        Positive("input_size", spec.InputSize);
        switch (spec)
        {
            case CfcSpec c:
                Positive("units", c.Units);
                Defined("mode", c.Mode);
                Defined("activation", c.Activation);
                if (c.BackboneLayers < 0)
                {
                    throw new ArgumentException($"backbone_layers must be >= 0, got {c.BackboneLayers}");
                }

                if (c.BackboneLayers > 0)
                {
                    Positive("backbone_units", c.BackboneUnits);
                }

                if (!(c.BackboneDropout >= 0f && c.BackboneDropout < 1f))
                {
                    throw new ArgumentException($"backbone_dropout must be in [0, 1), got {c.BackboneDropout}");
                }

                Projection(c.ProjSize);
                break;
            case WiredCfcSpec w:
                Defined("mode", w.Mode);
                InputMatchesWiring(w.InputSize, w.Wiring.InputDim);
                Projection(w.ProjSize);
                break;
            case LtcSpec l:
                InputMatchesWiring(l.InputSize, l.Wiring.InputDim);
                Defined("input_mapping", l.InputMapping);
                Defined("output_mapping", l.OutputMapping);
                Positive("ode_unfolds", l.OdeUnfolds);
                if (!(l.Epsilon >= 0f && float.IsFinite(l.Epsilon)))
                {
                    throw new ArgumentException($"epsilon must be finite and >= 0, got {l.Epsilon}");
                }

                break;
        }
    }

    private static void Positive(string field, int value)
    {
        if (value < 1)
        {
            throw new ArgumentException($"{field} must be >= 1, got {value}");
        }
    }

    private static void Projection(int? projSize)
    {
        if (projSize is int p)
        {
            Positive("proj_size", p);
        }
    }

    private static void InputMatchesWiring(int inputSize, int wiringInputs)
    {
        if (inputSize != wiringInputs)
        {
            throw new ArgumentException($"input_size is {inputSize} but the wiring's sensory matrix has {wiringInputs} inputs");
        }
    }

    private static void Defined<T>(string field, T value)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentException($"{field} {value} is not one of {string.Join(", ", Enum.GetNames<T>())}");
        }
    }
}
