using System.Globalization;

namespace DroneLiquid.Mavlink;

/// <summary>
/// A 32-byte MAVLink 2 signing secret. It never appears in ToString, logs or exceptions; only the codec
/// reads its bytes.
/// </summary>
public sealed class MavlinkSigningKey
{
    public const int Length = 32;

    private readonly byte[] _secret;

    public MavlinkSigningKey(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != Length)
        {
            throw new ArgumentException($"a MAVLink signing key is {Length} bytes; got {secret.Length}", nameof(secret));
        }
        _secret = secret.ToArray();
    }

    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>Parses 64 hexadecimal characters (surrounding whitespace allowed).</summary>
    public static MavlinkSigningKey FromHex(string hex) => FromHex(hex, "key");

    /// <summary>
    /// Loads a key file: either exactly 32 raw bytes, or 64 hexadecimal characters (a trailing newline is
    /// fine). The error names the file and what it found, never the key.
    /// </summary>
    public static MavlinkSigningKey LoadFromFile(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"signing key file {path}: cannot read it ({e.Message})", e);
        }
        if (content.Length == Length)
        {
            return new MavlinkSigningKey(content);
        }
        string text = System.Text.Encoding.ASCII.GetString(content);
        return FromHex(text, $"signing key file {path}");
    }

    private static MavlinkSigningKey FromHex(string hex, string what)
    {
        ReadOnlySpan<char> trimmed = hex.AsSpan().Trim();
        if (trimmed.Length != 2 * Length)
        {
            throw new InvalidDataException(
                $"{what}: expected {Length} raw bytes or {2 * Length} hexadecimal characters; found {trimmed.Length} characters");
        }
        Span<byte> secret = stackalloc byte[Length];
        for (int i = 0; i < Length; i++)
        {
            if (!byte.TryParse(trimmed.Slice(2 * i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out secret[i]))
            {
                throw new InvalidDataException($"{what}: character {2 * i} or {2 * i + 1} is not hexadecimal");
            }
        }
        var key = new MavlinkSigningKey(secret);
        secret.Clear();
        return key;
    }

    public override string ToString() => "MavlinkSigningKey(redacted)";
}
