using System.Runtime.CompilerServices;

namespace DroneLiquid.Mavlink;

/// <summary>
/// Incremental MAVLink 1/2 parser for one link. Feed it any chunking of the byte stream; it finds start
/// bytes with a vectorised search, checks whole frames in place and copies only an incomplete tail (at most
/// one frame) into its own buffer. Allocation-free after construction.
/// </summary>
/// <remarks>
/// <para>Verdicts follow the C library's <c>mavlink_parse_char</c> on its path through the stream (the
/// "main line"): unknown incompat flags abandon a frame at the flags byte; a wrong checksum is BadCrc; a
/// correct one is Ok or, with signing, BadSignature; ids the dialect lacks are yielded Unverified where
/// C reports BAD_CRC. Frame lengths are not checked against the message, as in C.</para>
/// <para>Unlike C, after a frame fails the parser rescans the bytes that frame claimed, starting at the
/// byte after its start byte. A frame found there is yielded only if it is fully verified (known id,
/// plausible length, correct checksum), so a truncated frame no longer swallows the frame after it and
/// nothing C rejects is accepted. A rescan candidate whose end has not arrived yet holds output back
/// until it has, or until <see cref="Flush"/> (end of stream, idle link) drops it.</para>
/// <para>One known difference from C, which the reference streams avoid: when C rejects a frame on a
/// byte that is itself 0xFD, it takes that byte as a new start; we rescan from the byte after the failed
/// start instead, which finds that start too.</para>
/// <para>Not thread-safe: one parser per link, fed from one thread. An exception thrown by the handler
/// propagates; call <see cref="Reset"/> before feeding the parser again.</para>
/// </remarks>
public sealed class MavlinkParser
{
    private readonly MavlinkDialect _dialect;
    private readonly MavlinkSignatureVerifier? _verifier;
    private readonly MavlinkSequenceTracker _sequences = new();
    private readonly byte[] _tail = new byte[2 * MavlinkWire.MaxFrameLength];
    private int _tailLength;

    // Bytes, counted from the first byte of the unsettled tail, that lie inside a frame the C parser had
    // already consumed when it failed: candidates there are rescan candidates.
    private int _rescanRemaining;
    private bool _flushing;

    public MavlinkParser(MavlinkDialect dialect, MavlinkSignatureVerifier? verifier = null)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        _dialect = dialect;
        _verifier = verifier;
    }

    public MavlinkDialect Dialect => _dialect;

    /// <summary>The signing rules, or null when signatures are neither required nor checked.</summary>
    public MavlinkSignatureVerifier? Verifier => _verifier;

    public MavlinkLinkStatistics Statistics { get; } = new();

    /// <summary>Bytes held back because they may start a frame that has not fully arrived.</summary>
    public int BufferedByteCount => _tailLength;

    /// <summary>Parses <paramref name="data"/>, calling <paramref name="handler"/> for every frame settled by it, in stream order.</summary>
    public void Parse<THandler>(ReadOnlySpan<byte> data, ref THandler handler)
        where THandler : IMavlinkFrameHandler, allows ref struct
    {
        Statistics.BytesReceived += data.Length;
        while (_tailLength > 0 && !data.IsEmpty)
        {
            // Complete the buffered candidate with at most one frame's worth of new bytes. If the first
            // unsettled byte afterwards lies in the new bytes, go back to parsing the caller's span in place.
            int kept = _tailLength;
            int take = Math.Min(data.Length, MavlinkWire.MaxFrameLength);
            data[..take].CopyTo(_tail.AsSpan(kept));
            _tailLength += take;
            int settled = Scan(_tail.AsSpan(0, _tailLength), ref handler);
            if (settled >= kept)
            {
                _tailLength = 0;
                data = data[(settled - kept)..];
            }
            else
            {
                // Still incomplete: then take was all of data (a frame is at most MaxFrameLength bytes).
                KeepTail(settled);
                data = data[take..];
            }
        }
        if (!data.IsEmpty)
        {
            int settled = Scan(data, ref handler);
            data[settled..].CopyTo(_tail);
            _tailLength = data.Length - settled;
        }
    }

    /// <summary>Parses with a handler held in a variable of its own.</summary>
    public void Parse<THandler>(ReadOnlySpan<byte> data, THandler handler) where THandler : class, IMavlinkFrameHandler =>
        Parse(data, ref handler);

    /// <summary>
    /// Settles what can be settled without more bytes: rescan candidates still waiting for their end are
    /// dropped. A frame C would still be reading stays buffered. Call at end of stream or when the link idles.
    /// </summary>
    public void Flush<THandler>(ref THandler handler) where THandler : IMavlinkFrameHandler, allows ref struct
    {
        _flushing = true;
        try
        {
            while (_tailLength > 0)
            {
                int before = _tailLength;
                int settled = Scan(_tail.AsSpan(0, _tailLength), ref handler);
                KeepTail(settled);
                if (_tailLength == before)
                {
                    break;
                }
            }
        }
        finally
        {
            _flushing = false;
        }
    }

    /// <summary>Forgets buffered bytes and sequence history (after a reconnect); keeps statistics.</summary>
    public void Reset()
    {
        _tailLength = 0;
        _rescanRemaining = 0;
        _sequences.Clear();
    }

    private void KeepTail(int settled)
    {
        _tail.AsSpan(settled, _tailLength - settled).CopyTo(_tail);
        _tailLength -= settled;
    }

    // Settles every frame that starts in buf and returns the offset of the first unsettled byte (a start
    // byte whose frame is incomplete), or buf.Length.
    private int Scan<THandler>(ReadOnlySpan<byte> buf, ref THandler handler)
        where THandler : IMavlinkFrameHandler, allows ref struct
    {
        int i = 0;
        int rescanEnd = _rescanRemaining;
        while (true)
        {
            int found = buf[i..].IndexOfAny(MavlinkWire.StxV2, MavlinkWire.StxV1);
            if (found < 0)
            {
                _rescanRemaining = Math.Max(0, rescanEnd - buf.Length);
                return buf.Length;
            }
            int p = i + found;
            ReadOnlySpan<byte> c = buf[p..];
            bool rescan = p < rescanEnd;
            FrameCheck check = c[0] == MavlinkWire.StxV2 ? CheckV2(c, rescan, out int length) : CheckV1(c, rescan, out length);
            switch (check)
            {
                case FrameCheck.NeedMore:
                    _rescanRemaining = Math.Max(0, rescanEnd - p);
                    return p;
                case FrameCheck.NotAFrame:
                    // length = bytes the C parser consumed before going idle (0 in a rescan).
                    rescanEnd = Math.Max(rescanEnd, p + length);
                    i = p + 1;
                    break;
                case FrameCheck.BadCrc:
                    Statistics.CrcErrors++;
                    handler.OnFrame(new MavlinkFrame(c[..length]), MavlinkFrameVerdict.BadCrc);
                    rescanEnd = Math.Max(rescanEnd, p + length);
                    i = p + 1;
                    break;
                case FrameCheck.Unknown:
                    // C consumes header, payload and checksum (not the signature) and reports BAD_CRC; we
                    // pass the whole frame on unverified, then rescan what C consumed in case it was a stray start.
                    Statistics.UnknownMessageIds++;
                    handler.OnFrame(new MavlinkFrame(c[..length]), MavlinkFrameVerdict.Unverified);
                    rescanEnd = Math.Max(rescanEnd, p + MavlinkFrame.ChecksumOffset(c) + MavlinkWire.ChecksumLength);
                    i = p + 1;
                    break;
                default:
                    Deliver(new MavlinkFrame(c[..length]), rescan, ref handler);
                    i = p + length;
                    break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Deliver<THandler>(MavlinkFrame frame, bool recovered, ref THandler handler)
        where THandler : IMavlinkFrameHandler, allows ref struct
    {
        MavlinkFrameVerdict verdict = _verifier is null ? MavlinkFrameVerdict.Ok : _verifier.Check(in frame);
        if (verdict == MavlinkFrameVerdict.Ok)
        {
            Statistics.FramesReceived++;
            if (recovered)
            {
                Statistics.FramesRecovered++;
            }
            Statistics.PacketsLost += _sequences.Observe(frame.SystemId, frame.ComponentId, frame.Sequence);
        }
        else
        {
            Statistics.SignatureErrors++;
        }
        handler.OnFrame(in frame, verdict);
    }

    private FrameCheck CheckV2(ReadOnlySpan<byte> c, bool rescan, out int length)
    {
        length = 0;
        if (c.Length < 3)
        {
            return FrameCheck.NeedMore;
        }
        byte flags = c[2];
        if ((flags & ~MavlinkWire.IncompatFlagSigned) != 0)
        {
            length = rescan ? 0 : 3; // C drops the frame on the flags byte and resumes after it
            return FrameCheck.NotAFrame;
        }
        if (c.Length < MavlinkWire.HeaderLengthV2)
        {
            return FrameCheck.NeedMore;
        }
        int payloadLength = c[1];
        uint id = (uint)(c[7] | (c[8] << 8) | (c[9] << 16));
        bool known = _dialect.TryGetLayout(id, out byte crcExtra, out _, out int maxLength);
        if (rescan && (!known || payloadLength == 0 || payloadLength > maxLength))
        {
            return FrameCheck.NotAFrame; // not what any packer sends: do not wait for its end
        }
        int crcOffset = MavlinkWire.HeaderLengthV2 + payloadLength;
        int full = crcOffset + MavlinkWire.ChecksumLength + ((flags & MavlinkWire.IncompatFlagSigned) != 0 ? MavlinkWire.SignatureLength : 0);
        return Settle(c, rescan, crcExtra, known, crcOffset, full, out length);
    }

    private FrameCheck CheckV1(ReadOnlySpan<byte> c, bool rescan, out int length)
    {
        length = 0;
        if (c.Length < MavlinkWire.HeaderLengthV1)
        {
            return FrameCheck.NeedMore;
        }
        int payloadLength = c[1];
        bool known = _dialect.TryGetLayout(c[5], out byte crcExtra, out int minLength, out _);
        if (rescan && (!known || payloadLength != minLength))
        {
            return FrameCheck.NotAFrame; // MAVLink 1 payloads are exactly the base fields
        }
        int crcOffset = MavlinkWire.HeaderLengthV1 + payloadLength;
        return Settle(c, rescan, crcExtra, known, crcOffset, crcOffset + MavlinkWire.ChecksumLength, out length);
    }

    // The common tail of both versions: wait for the bytes the verdict needs, then check the checksum.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private FrameCheck Settle(ReadOnlySpan<byte> c, bool rescan, byte crcExtra, bool known, int crcOffset, int full, out int length)
    {
        length = 0;
        if (!known)
        {
            // Only on the main line (rescans never wait for unknown ids): pass the whole frame on.
            if (c.Length < full)
            {
                return FrameCheck.NeedMore;
            }
            length = full;
            return FrameCheck.Unknown;
        }
        int crcEnd = crcOffset + MavlinkWire.ChecksumLength;
        if (c.Length < crcEnd)
        {
            return rescan && _flushing ? FrameCheck.NotAFrame : FrameCheck.NeedMore;
        }
        if (!ChecksumMatches(c, crcOffset, crcExtra))
        {
            if (rescan)
            {
                return FrameCheck.NotAFrame;
            }
            length = crcEnd; // C goes idle after the second checksum byte, signature or not
            return FrameCheck.BadCrc;
        }
        if (c.Length < full)
        {
            return rescan && _flushing ? FrameCheck.NotAFrame : FrameCheck.NeedMore;
        }
        length = full;
        return FrameCheck.Frame;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ChecksumMatches(ReadOnlySpan<byte> c, int crcOffset, byte crcExtra)
    {
        ushort crc = X25Crc.Accumulate(crcExtra, X25Crc.Compute(c[1..crcOffset]));
        return c[crcOffset] == (byte)crc && c[crcOffset + 1] == (byte)(crc >> 8);
    }

    private enum FrameCheck
    {
        NeedMore,
        NotAFrame,
        BadCrc,
        Unknown,
        Frame,
    }
}
