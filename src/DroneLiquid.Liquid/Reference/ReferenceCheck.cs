namespace DroneLiquid.Liquid.Reference;

/// <summary>The result of running a model on a reference case: errors per quantity against a tolerance.</summary>
/// <param name="CellStates">Null when the case has no LSTM cell states.</param>
/// <param name="FinalCellState">Null when the case has no LSTM cell state.</param>
public sealed record ReferenceCheck(
    string Name,
    double Atol,
    double Rtol,
    ErrorSummary Outputs,
    ErrorSummary States,
    ErrorSummary? CellStates,
    ErrorSummary FinalState,
    ErrorSummary? FinalCellState)
{
    /// <summary>True when every value is within atol + rtol |want|.</summary>
    public bool Passed => Outputs.Passed && States.Passed && (CellStates?.Passed ?? true) && FinalState.Passed && (FinalCellState?.Passed ?? true);
}
