namespace DroneLiquid.Mavlink.Tests.Fakes;

/// <summary>Records every frame the parser yields (copies of the bytes, header fields, verdict).</summary>
public sealed class FakeFrameHandler : IMavlinkFrameHandler
{
    public List<ReceivedFrame> Frames { get; } = [];

    public void OnFrame(in MavlinkFrame frame, MavlinkFrameVerdict verdict) =>
        Frames.Add(new ReceivedFrame(frame.Bytes.ToArray(), verdict, frame.Version, frame.MessageId, frame.SystemId,
            frame.ComponentId, frame.Sequence, frame.IsSigned));

    public IEnumerable<ReceivedFrame> WithVerdict(MavlinkFrameVerdict verdict) => Frames.Where(f => f.Verdict == verdict);
}

/// <summary>A frame as the fake handler saw it.</summary>
public sealed record ReceivedFrame(
    byte[] Bytes, MavlinkFrameVerdict Verdict, MavlinkVersion Version, uint MessageId, byte SystemId, byte ComponentId,
    byte Sequence, bool Signed)
{
    public string Hex => Convert.ToHexStringLower(Bytes);

    public override string ToString() => $"{Verdict} {Version} id {MessageId} {SystemId}/{ComponentId} seq {Sequence} {Hex}";
}
