namespace DroneLiquid.Mavlink.Tests.Signing;

public sealed class MavlinkSigningKeyTests : IDisposable
{
    private const string Hex = "c592da5dc49260a5c64220665d6252550aeeffa9133cf22dd81e2cc0f101e169";
    private readonly string _dir = Directory.CreateTempSubdirectory("mavkey").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Loads_32_raw_bytes_or_64_hex_characters()
    {
        string raw = Path.Combine(_dir, "raw.key");
        File.WriteAllBytes(raw, Convert.FromHexString(Hex));
        string text = Path.Combine(_dir, "hex.key");
        File.WriteAllText(text, Hex + "\n");
        byte[] frame = TestData.Frames.SignedCommandLong(5, key: MavlinkSigningKey.FromHex(Hex));
        Assert.True(MavlinkFrame.TryWrap(frame, out MavlinkFrame parsed, out _));
        Assert.True(MavlinkSignature.Verify(MavlinkSigningKey.LoadFromFile(raw), in parsed));
        Assert.True(MavlinkSignature.Verify(MavlinkSigningKey.LoadFromFile(text), in parsed));
    }

    [Fact]
    public void A_bad_key_file_is_named_with_what_was_found_and_never_shows_the_key()
    {
        string shortFile = Path.Combine(_dir, "short.key");
        File.WriteAllText(shortFile, Hex[..40]);
        var e = Assert.Throws<InvalidDataException>(() => MavlinkSigningKey.LoadFromFile(shortFile));
        Assert.Contains(shortFile, e.Message);
        Assert.Contains("found 40 characters", e.Message);
        Assert.DoesNotContain(Hex[..40], e.Message);

        string notHex = Path.Combine(_dir, "nothex.key");
        File.WriteAllText(notHex, "zz" + Hex[2..]);
        Assert.Contains("not hexadecimal", Assert.Throws<InvalidDataException>(() => MavlinkSigningKey.LoadFromFile(notHex)).Message);

        string missing = Path.Combine(_dir, "missing.key");
        Assert.Contains(missing, Assert.Throws<InvalidDataException>(() => MavlinkSigningKey.LoadFromFile(missing)).Message);
    }

    [Fact]
    public void The_key_never_appears_in_its_text()
    {
        var key = MavlinkSigningKey.FromHex(Hex);
        Assert.Equal("MavlinkSigningKey(redacted)", key.ToString());
        Assert.DoesNotContain("c592", new MavlinkSigner(key, 0, TimeProvider.System).ToString());
        Assert.Throws<ArgumentException>(() => new MavlinkSigningKey(new byte[31]));
    }
}
