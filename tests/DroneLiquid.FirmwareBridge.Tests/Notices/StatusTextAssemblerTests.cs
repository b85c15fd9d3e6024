using DroneLiquid.FirmwareBridge.Notices;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge.Tests.Notices;

public sealed class StatusTextAssemblerTests
{
    private readonly StatusTextAssembler _assembler = new();
    private readonly List<(MavSeverity Severity, string Text)> _texts = [];

    [Fact]
    public void AWholeTextWithIdZeroPassesAtOnce()
    {
        Add("ArduPilot Ready", MavSeverity.Info);
        Assert.Equal([(MavSeverity.Info, "ArduPilot Ready")], _texts);
    }

    [Fact]
    public void ChunksWithTheSameIdAreJoinedInOrder()
    {
        string text = new string('a', 50) + new string('b', 50) + "tail";
        AddChunks(text, id: 7, MavSeverity.Critical);
        Assert.Equal([(MavSeverity.Critical, text)], _texts);
    }

    [Fact]
    public void ATextFillingItsLastChunkEndsWithAnEmptyChunk()
    {
        string text = new string('x', 100);
        Add(text[..50], MavSeverity.Warning, 3, 0);
        Add(text[50..], MavSeverity.Warning, 3, 1);
        Assert.Empty(_texts);
        Add(string.Empty, MavSeverity.Warning, 3, 2);
        Assert.Equal([(MavSeverity.Warning, text)], _texts);
    }

    [Fact]
    public void ALostChunkFlushesWhatArrivedMarkedIncomplete()
    {
        Add(new string('a', 50), MavSeverity.Error, 9, 0);
        Add("end", MavSeverity.Error, 9, 2); // chunk 1 lost
        Assert.Equal(2, _texts.Count);
        Assert.Equal(new string('a', 50) + StatusTextAssembler.IncompleteMarker, _texts[0].Text);
        Assert.Equal("end" + StatusTextAssembler.IncompleteMarker, _texts[1].Text);
    }

    [Fact]
    public void ANewIdFlushesThePendingText()
    {
        Add(new string('a', 50), MavSeverity.Error, 1, 0);
        Add("PreArm: Need Position Estimate", MavSeverity.Critical);
        Assert.Equal(new string('a', 50) + StatusTextAssembler.IncompleteMarker, _texts[0].Text);
        Assert.Equal("PreArm: Need Position Estimate", _texts[1].Text);
    }

    private void AddChunks(string text, ushort id, MavSeverity severity)
    {
        for (int i = 0, seq = 0; i <= text.Length; i += 50, seq++)
        {
            Add(text[i..Math.Min(text.Length, i + 50)], severity, id, (byte)seq);
        }
    }

    private void Add(string text, MavSeverity severity, ushort id = 0, byte sequence = 0)
    {
        var message = new StatustextMessage { Severity = (byte)severity, Id = id, ChunkSeq = sequence };
        message.Text.SetText(text);
        _assembler.Add(in message, (s, t) => _texts.Add((s, t)));
    }
}
