
namespace DroneLiquid.Mavlink.Connection;

/// <summary>The outcome of reading every parameter of a component.</summary>
/// <param name="Status">Ok when every index 0..count-1 arrived; TimedOut when some are still missing.</param>
/// <param name="Parameters">What arrived, by index.</param>
/// <param name="ExpectedCount">param_count as reported, or 0 if nothing arrived.</param>
/// <param name="MissingIndices">Indices that never arrived.</param>
/// <param name="GapRequests">PARAM_REQUEST_READ sent to fill gaps.</param>
public sealed record ParameterListResult(
    ParameterStatus Status, IReadOnlyList<MavlinkParameter> Parameters, int ExpectedCount, IReadOnlyList<int> MissingIndices, int GapRequests);
