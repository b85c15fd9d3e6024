namespace DroneLiquid.Evaluation.Datasets;

/// <summary>The flags byte of a dataset record.</summary>
[Flags]
public enum SampleFlags : byte
{
    None = 0,

    /// <summary>One or more frames were dropped just before this sample: its elapsed time spans more than one tick.</summary>
    FrameDropped = 1,

    /// <summary>The learner's command flew this tick (DAgger); the recorded action is still the expert's label.</summary>
    LearnerInControl = 2,

    /// <summary>The executed command was the expert's plus injected noise; the recorded action is the clean label.</summary>
    Perturbed = 4,

    /// <summary>The learner was meant to fly but its step failed (bad observation or output), so the expert flew.</summary>
    LearnerFault = 8,
}
