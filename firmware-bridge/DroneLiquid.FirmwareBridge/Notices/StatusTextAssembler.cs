using System.Text;
using DroneLiquid.Mavlink.Messages;

namespace DroneLiquid.FirmwareBridge.Notices;

/// <summary>
/// Joins STATUSTEXT chunks. A text longer than one 50-byte field is sent as several messages with the same non-zero
/// id and chunk_seq counting from 0; the last chunk is shorter than 50 bytes (an empty one when the text filled the
/// previous chunk exactly). id 0 is a whole text in one message. A chunk that is lost (the sequence jumps or a new id
/// starts) flushes what was joined so far, marked as incomplete, rather than dropping it: a pre-arm reason must
/// reach the operator even when the link is lossy. Used on the receive thread only.
/// </summary>
internal sealed class StatusTextAssembler
{
    /// <summary>The text field's length.</summary>
    public const int ChunkLength = 50;

    /// <summary>Most chunks joined into one text (ArduPilot's longest texts take 3); more are emitted as they fill.</summary>
    public const int MaxChunks = 8;

    /// <summary>Appended to a text whose chunks did not all arrive.</summary>
    public const string IncompleteMarker = " [incomplete]";

    private readonly byte[] _buffer = new byte[ChunkLength * MaxChunks];
    private int _length;
    private int _chunks;
    private ushort _id;
    private int _nextSequence;
    private MavSeverity _severity;
    private bool _pending;
    private bool _missedStart;

    /// <summary>Adds one STATUSTEXT; calls <paramref name="emit"/> for each text it completes (0, 1 or 2 of them).</summary>
    public void Add(in StatustextMessage message, Action<MavSeverity, string> emit)
    {
        StatustextMessage copy = message;
        ReadOnlySpan<byte> field = copy.Text;
        int length = field.IndexOf((byte)0);
        if (length < 0)
        {
            length = ChunkLength;
        }

        var severity = (MavSeverity)Math.Min(copy.Severity, (byte)MavSeverity.Debug);
        if (copy.Id == 0)
        {
            Flush(emit);
            emit(severity, Encoding.Latin1.GetString(field[..length]));
            return;
        }

        if (_pending && (copy.Id != _id || copy.ChunkSeq != _nextSequence))
        {
            Flush(emit);
        }

        if (!_pending)
        {
            _pending = true;
            _id = copy.Id;
            _severity = severity;
            _missedStart = copy.ChunkSeq != 0;
        }

        field[..length].CopyTo(_buffer.AsSpan(_length));
        _length += length;
        _chunks++;
        _nextSequence = copy.ChunkSeq + 1;
        if (length < ChunkLength || _chunks == MaxChunks)
        {
            emit(_severity, Take(complete: !_missedStart && length < ChunkLength));
        }
    }

    /// <summary>Emits a text still waiting for chunks, marked incomplete.</summary>
    public void Flush(Action<MavSeverity, string> emit)
    {
        if (_pending)
        {
            emit(_severity, Take(complete: false));
        }
    }

    private string Take(bool complete)
    {
        string text = Encoding.Latin1.GetString(_buffer, 0, _length);
        _pending = false;
        _length = 0;
        _chunks = 0;
        _missedStart = false;
        return complete ? text : text + IncompleteMarker;
    }
}
