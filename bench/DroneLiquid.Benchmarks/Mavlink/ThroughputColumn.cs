using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DroneLiquid.Benchmarks.Mavlink;

/// <summary>
/// Turns the mean time per operation (one frame) into M frames/s, or into MB/s at the reference stream's
/// average of <see cref="ReferenceStream.ExpectedLength"/> / <see cref="ReferenceStream.FrameCount"/> bytes per frame.
/// </summary>
public sealed class ThroughputColumn(bool megabytes) : IColumn
{
    private const double BytesPerFrame = (double)ReferenceStream.ExpectedLength / ReferenceStream.FrameCount;

    public string Id => megabytes ? "MavlinkMBps" : "MavlinkMfps";

    public string ColumnName => megabytes ? "MB/s" : "M frames/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => megabytes ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => megabytes
        ? "Stream bytes per second at 41.34 bytes per frame (1e3 / mean ns x bytes per frame)"
        : "Millions of frames per second (1e3 / mean ns per frame)";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNs is not > 0)
        {
            return "NA";
        }
        double framesPerSecond = 1e9 / meanNs.Value;
        double value = megabytes ? framesPerSecond * BytesPerFrame / 1e6 : framesPerSecond / 1e6;
        return value.ToString(megabytes ? "F0" : "F2", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;
}
