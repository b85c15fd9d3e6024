using System.Text;

namespace DroneLiquid.Mavlink;

/// <summary>
/// char[N] fields: NUL-padded bytes, no terminator when the text fills all N. Bytes are read and written
/// as Latin-1 so every byte value round-trips (MAVLink text is ASCII in practice).
/// </summary>
public static class MavlinkText
{
    /// <summary>Number of bytes before the first NUL.</summary>
    public static int GetLength(ReadOnlySpan<byte> field)
    {
        int nul = field.IndexOf((byte)0);
        return nul < 0 ? field.Length : nul;
    }

    /// <summary>The text before the first NUL (allocates the string).</summary>
    public static string GetString(ReadOnlySpan<byte> field) => Encoding.Latin1.GetString(field[..GetLength(field)]);

    /// <summary>Decodes into <paramref name="destination"/> without allocating; returns the char count.</summary>
    public static int GetChars(ReadOnlySpan<byte> field, Span<char> destination)
    {
        int length = GetLength(field);
        if (destination.Length < length)
        {
            throw new ArgumentException($"destination holds {destination.Length} chars; the text has {length}", nameof(destination));
        }
        for (int i = 0; i < length; i++)
        {
            destination[i] = (char)field[i];
        }
        return length;
    }

    /// <summary>Writes <paramref name="text"/> and zero-fills the rest of <paramref name="field"/>.</summary>
    public static void SetString(Span<byte> field, ReadOnlySpan<char> text)
    {
        if (text.Length > field.Length)
        {
            throw new ArgumentException($"text of {text.Length} chars does not fit a char[{field.Length}] field", nameof(text));
        }
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c > 0xFF)
            {
                throw new ArgumentException($"character U+{(int)c:X4} at index {i} is not Latin-1", nameof(text));
            }
            field[i] = (byte)c;
        }
        field[text.Length..].Clear();
    }
}
