namespace DroneLiquid.Liquid.Models;

/// <summary>CfC update rule (ncps <c>mode</c>).</summary>
public enum CfcMode
{
    /// <summary>Gated: h' = f1 (1 - g) + g f2.</summary>
    Default,

    /// <summary>Ungated: h' = f1 + g f2.</summary>
    NoGate,

    /// <summary>Direct closed-form solution: h' = A - A exp(-dt (|w_tau| + |f1|)) f1.</summary>
    Pure,
}

/// <summary>Backbone activation (ncps <c>activation</c>).</summary>
public enum BackboneActivation
{
    /// <summary>1.7159 tanh(0.666 v), with 0.666 exactly as ncps writes it.</summary>
    LecunTanh,
    Tanh,
    Relu,
    Silu,

    /// <summary>Exact erf form, not the tanh approximation.</summary>
    Gelu,
}

/// <summary>LTC input/output mapping (ncps <c>input_mapping</c>, <c>output_mapping</c>).</summary>
public enum LtcMapping
{
    /// <summary>x * w + b.</summary>
    Affine,

    /// <summary>x * w.</summary>
    Linear,

    /// <summary>Unchanged.</summary>
    None,
}
