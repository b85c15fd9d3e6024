using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Service.Cli;

namespace DroneLiquid.Service.Tests.Cli;

public class MavlinkCommandTests
{
    private static readonly string SampleTlog = Path.Combine(AppContext.BaseDirectory, "Vectors", "sample.tlog");
    private static readonly Lazy<JsonDocument> Index = new(() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Vectors", "sample.tlog.json"))));

    private static JsonElement[] Records => Index.Value.RootElement.GetProperty("records").EnumerateArray().ToArray();

    [Fact]
    public void SampleTlogDumpsToItsIndex()
    {
        var (code, lines, stderr) = Dump(SampleTlog, "--json");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", stderr);
        JsonElement[] records = Records;
        Assert.Equal(records.Length + 1, lines.Length);
        for (int i = 0; i < records.Length; i++)
        {
            JsonElement expected = records[i];
            JsonElement actual = lines[i].RootElement;
            foreach (string key in new[] { "name", "msgid", "sysid", "compid", "seq", "version", "signed", "timestamp_us", "offset" })
            {
                Assert.True(expected.GetProperty(key).GetRawText() == actual.GetProperty(key).GetRawText(), $"record {i}: {key} differs");
            }

            Assert.Equal("ok", actual.GetProperty("verdict").GetString());
            JsonAssert.Equivalent(expected.GetProperty("fields"), actual.GetProperty("fields"), $"record {i} ({expected.GetProperty("name")})");
        }

        JsonElement statistics = lines[^1].RootElement.GetProperty("statistics");
        Assert.Equal(2000, statistics.GetProperty("tlog_records").GetInt64());
        Assert.Equal(2000, statistics.GetProperty("ok").GetInt64());
        Assert.Equal(0, statistics.GetProperty("tlog_skipped_bytes").GetInt64());
    }

    [Fact]
    public void WithTheKeySignedFramesVerifyAndUnsignedOnesAreMarked()
    {
        string keyFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(keyFile, Index.Value.RootElement.GetProperty("signing_key_hex").GetString() + "\n");
            var (code, lines, _) = Dump(SampleTlog, "--json", "--signing-key", keyFile);
            Assert.Equal(ExitCodes.Success, code);
            JsonElement[] frames = lines[..^1].Select(l => l.RootElement).ToArray();
            JsonElement[] signed = frames.Where(f => f.GetProperty("signed").GetBoolean()).ToArray();
            Assert.Equal(110, signed.Length);
            Assert.All(signed, f => Assert.Equal(("ok", "ok"), (f.GetProperty("verdict").GetString(), f.GetProperty("signing").GetProperty("status").GetString())));
            Assert.All(frames.Where(f => !f.GetProperty("signed").GetBoolean()), f => Assert.Equal("unsigned", f.GetProperty("verdict").GetString()));

            File.WriteAllText(keyFile, new string('7', 64));
            var (_, wrong, _) = Dump(SampleTlog, "--json", "--signing-key", keyFile);
            JsonElement[] wrongSigned = wrong[..^1].Select(l => l.RootElement).Where(f => f.GetProperty("signed").GetBoolean()).ToArray();
            Assert.All(wrongSigned, f => Assert.Equal("bad_signature", f.GetProperty("verdict").GetString()));
            Assert.Equal(110, wrong[^1].RootElement.GetProperty("statistics").GetProperty("verdicts").GetProperty("bad_signature").GetInt64());
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public void FilterAndCountLimitWhatIsPrinted()
    {
        var (code, lines, _) = Dump(SampleTlog, "--json", "--filter", "HEARTBEAT,attitude");
        Assert.Equal(ExitCodes.Success, code);
        int expected = Records.Count(r => r.GetProperty("name").GetString() is "HEARTBEAT" or "ATTITUDE");
        Assert.Equal(expected, lines.Length - 1);
        Assert.All(lines[..^1], l => Assert.Contains(l.RootElement.GetProperty("name").GetString(), new[] { "HEARTBEAT", "ATTITUDE" }));

        var (_, limited, _) = Dump(SampleTlog, "--json", "--count", "5");
        Assert.Equal(6, limited.Length);
    }

    [Fact]
    public void ARawCaptureWithGarbageAndACutFrameRecoversTheRest()
    {
        JsonElement[] records = Records.Take(60).ToArray();
        var stream = new MemoryStream();
        var random = new Random(11);
        for (int i = 0; i < records.Length; i++)
        {
            byte[] frame = Convert.FromHexString(records[i].GetProperty("frame_hex").GetString()!);
            if (i == 30)
            {
                stream.Write(frame.AsSpan(0, frame.Length / 2)); // cut short, followed at once by the next frame
                continue;
            }

            stream.Write(frame);
            if (i % 7 == 0)
            {
                byte[] garbage = new byte[random.Next(1, 40)];
                random.NextBytes(garbage);
                stream.Write(garbage.Select(b => b is 0xFD or 0xFE ? (byte)0x55 : b).ToArray());
            }
        }

        string rawFile = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(rawFile, stream.ToArray());
            var (code, lines, _) = Dump("--raw", rawFile, "--json");
            Assert.Equal(ExitCodes.Success, code);
            string[] okNames = lines[..^1].Select(l => l.RootElement)
                .Where(f => f.GetProperty("verdict").GetString() == "ok").Select(f => f.GetProperty("name").GetString()!).ToArray();
            Assert.Equal(records.Where((_, i) => i != 30).Select(r => r.GetProperty("name").GetString()), okNames);
            Assert.False(lines[^1].RootElement.GetProperty("statistics").TryGetProperty("tlog_records", out _));
        }
        finally
        {
            File.Delete(rawFile);
        }
    }

    [Fact]
    public async Task ALiveUdpLinkIsDumpedUntilTheCount()
    {
        int port;
        using (var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0)))
        {
            port = ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
        }

        Task<(int, JsonDocument[], string)> dump = Task.Run(() => Dump($"udpin://127.0.0.1:{port}", "--json", "--count", "3", "--duration", "5"));
        using var sender = new UdpClient();
        var buffer = new byte[MavlinkWire.MaxFrameLength];
        var heartbeat = new HeartbeatMessage { Type = (byte)MavType.Quadrotor, Autopilot = (byte)MavAutopilot.Px4 };
        for (byte seq = 0; !dump.IsCompleted && seq < 200; seq++)
        {
            int length = MavlinkEncoder.Encode(buffer, in heartbeat, new MavlinkHeader(1, 1, seq));
            await sender.SendAsync(buffer.AsMemory(0, length), new IPEndPoint(IPAddress.Loopback, port));
            await Task.WhenAny(dump, Task.Delay(25));
        }

        var (code, lines, _) = await dump.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(4, lines.Length);
        Assert.All(lines[..^1], l => Assert.Equal("HEARTBEAT", l.RootElement.GetProperty("name").GetString()));
        Assert.Equal(1, lines[^1].RootElement.GetProperty("statistics").GetProperty("link_connects").GetInt64());
    }

    [Theory]
    [InlineData(new string[0], "give exactly one source")]
    [InlineData(new[] { "a.tlog", "--raw", "b.bin" }, "give exactly one source")]
    [InlineData(new[] { "no-such-file.tlog" }, "no-such-file.tlog: cannot open")]
    [InlineData(new[] { "tcp://127.0.0.1:5760" }, "scheme 'tcp' is unknown")]
    [InlineData(new[] { "x.tlog", "--count", "0" }, "--count must be a positive whole number")]
    [InlineData(new[] { "x.tlog", "--filter", "NOT_A_MESSAGE" }, "'NOT_A_MESSAGE' is not a message")]
    [InlineData(new[] { "x.tlog", "--signing-key", "no-such-key" }, "signing key file no-such-key")]
    public void BadInputIsOneMessageAndExitCode2(string[] arguments, string expected)
    {
        var (code, stdout, stderr) = ConsoleCapture.Run(() => CliRunner.Run(Root(), ["mavlink", "dump", .. arguments]));
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr);
    }

    private static System.CommandLine.RootCommand Root()
    {
        var root = new System.CommandLine.RootCommand("test");
        root.Subcommands.Add(MavlinkCommand.Create());
        return root;
    }

    private static (int Code, JsonDocument[] Lines, string StdErr) Dump(params string[] arguments)
    {
        var (code, stdout, stderr) = ConsoleCapture.Run(() => CliRunner.Run(Root(), ["mavlink", "dump", .. arguments]));
        JsonDocument[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l)).ToArray();
        return (code, lines, stderr);
    }
}
