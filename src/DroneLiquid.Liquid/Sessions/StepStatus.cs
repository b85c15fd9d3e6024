namespace DroneLiquid.Liquid.Sessions;

/// <summary>Outcome of <see cref="LiquidSession.TryStep"/>. Anything but <see cref="Ok"/> left state and output untouched.</summary>
public enum StepStatus
{
    /// <summary>The state advanced and the output was written.</summary>
    Ok,

    /// <summary>The input span's length is not the model's input size.</summary>
    InputWidthMismatch,

    /// <summary>The output span's length is not the model's output size.</summary>
    OutputWidthMismatch,

    /// <summary>An input value is NaN or infinite.</summary>
    NonFiniteInput,

    /// <summary>The elapsed time is negative, NaN or infinite.</summary>
    InvalidElapsedTime,

    /// <summary>The step computed a NaN or infinite state or output (e.g. weights that overflow); it was discarded.</summary>
    NonFiniteResult,
}
