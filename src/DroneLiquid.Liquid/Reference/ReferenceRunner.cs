using DroneLiquid.Liquid.Models;
using DroneLiquid.Liquid.Sessions;

namespace DroneLiquid.Liquid.Reference;

/// <summary>Runs a <see cref="LiquidModel"/> over a <see cref="ReferenceCase"/> and measures how far it lands from ncps.</summary>
public static class ReferenceRunner
{
    /// <summary>The README's float32 tolerance: |got - want| &lt;= 1e-5 + 1e-5 |want|.</summary>
    public const double DefaultAtol = 1e-5;

    public const double DefaultRtol = 1e-5;

    /// <summary>Runs each batch row as its own sequence (own elapsed times, own initial state).</summary>
    public static SequenceResult[] Run(LiquidModel model, ReferenceCase reference)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reference);
        return model.RunBatch(reference.Inputs, reference.ElapsedSeconds, reference.InitialState, reference.InitialCellState);
    }

    /// <summary>Builds the model from the case's own spec and weights, runs it and compares everything recorded.</summary>
    public static ReferenceCheck Check(ReferenceCase reference, double atol = DefaultAtol, double rtol = DefaultRtol) =>
        Check(LiquidModel.Create(reference.Spec, reference.Weights), reference, atol, rtol);

    /// <param name="firstStep">Compare per-step values from this step on (e.g. the last steps of a long run, for drift).</param>
    public static ReferenceCheck Check(LiquidModel model, ReferenceCase reference, double atol = DefaultAtol, double rtol = DefaultRtol, int firstStep = 0)
    {
        var runs = Run(model, reference);
        var outputs = new ErrorAccumulator(atol, rtol);
        var states = new ErrorAccumulator(atol, rtol);
        var cellStates = new ErrorAccumulator(atol, rtol);
        var final = new ErrorAccumulator(atol, rtol);
        var finalCell = new ErrorAccumulator(atol, rtol);
        for (int b = 0; b < reference.Batch; b++)
        {
            var run = runs[b];
            for (int t = firstStep; t < reference.SequenceLength; t++)
            {
                string where = $"batch {b}, step {t}";
                outputs.Add(run.Outputs[t], reference.Outputs[b][t], where);
                states.Add(run.States[t], reference.PerStepStates[b][t], where);
                if (reference.PerStepCellStates is not null && run.CellStates is not null)
                {
                    cellStates.Add(run.CellStates[t], reference.PerStepCellStates[b][t], where);
                }
            }

            final.Add(run.States[^1], reference.FinalState[b], $"batch {b}");
            if (reference.FinalCellState is not null && run.CellStates is not null)
            {
                finalCell.Add(run.CellStates[^1], reference.FinalCellState[b], $"batch {b}");
            }
        }

        return new ReferenceCheck(
            reference.Name,
            atol,
            rtol,
            outputs.Summary(),
            states.Summary(),
            reference.PerStepCellStates is null ? null : cellStates.Summary(),
            final.Summary(),
            reference.FinalCellState is null ? null : finalCell.Summary());
    }
}
