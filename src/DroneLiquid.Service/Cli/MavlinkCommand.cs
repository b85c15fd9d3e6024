using System.CommandLine;
using System.Globalization;
using DroneLiquid.Mavlink;
using DroneLiquid.Mavlink.Messages;
using DroneLiquid.Mavlink.Tlog;
using DroneLiquid.Mavlink.Transports;

namespace DroneLiquid.Service.Cli;

/// <summary>
/// `droneliquid mavlink dump &lt;file.tlog | --raw file.bin | connection-string&gt; [--json] [--filter NAME[,NAME]]
/// [--signing-key FILE] [--count N] [--duration S]`: prints every frame recovered from a telemetry log, a raw
/// byte capture or a live link, then the statistics.
/// </summary>
internal static class MavlinkCommand
{
    private const int ChunkSize = 64 * 1024;

    public static Command Create()
    {
        var group = new Command("mavlink", "MAVLink tools.");
        group.Subcommands.Add(CreateDump());
        return group;
    }

    private static Command CreateDump()
    {
        var source = new Argument<string?>("source")
        {
            Description = "A .tlog file, or a connection string (udpin://0.0.0.0:14540, tcpout://127.0.0.1:5760, serial:///dev/ttyACM0:57600, ...).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var raw = new Option<string?>("--raw") { Description = "Read a file of raw MAVLink bytes (no tlog timestamps) instead." };
        var json = new Option<bool>("--json") { Description = "One JSON object a line on stdout, then a statistics object." };
        var filter = new Option<string?>("--filter") { Description = "Print only these messages (comma-separated names, e.g. HEARTBEAT,ATTITUDE)." };
        var key = new Option<string?>("--signing-key") { Description = "Verify signatures with this key file (32 raw bytes or 64 hex characters)." };
        var count = new Option<int?>("--count") { Description = "Stop after printing N frames." };
        var duration = new Option<double?>("--duration") { Description = "For a connection string: stop after S seconds (default: until Ctrl+C)." };
        var command = new Command("dump", "Print every MAVLink frame in a tlog, a raw capture or a live link, with its verdict.")
        {
            source, raw, json, filter, key, count, duration,
        };
        command.SetAction((parse, cancellationToken) => DumpAsync(
            parse.GetValue(source), parse.GetValue(raw), parse.GetValue(json), parse.GetValue(filter), parse.GetValue(key),
            parse.GetValue(count), parse.GetValue(duration), cancellationToken));
        return command;
    }

    private static async Task<int> DumpAsync(string? source, string? raw, bool json, string? filterText, string? keyPath,
        int? count, double? durationSeconds, CancellationToken cancellationToken)
    {
        if ((source is null) == (raw is null))
        {
            throw new BadInputException("mavlink dump: give exactly one source: a .tlog file, --raw FILE, or a connection string");
        }

        if (count is <= 0)
        {
            throw new BadInputException($"--count must be a positive whole number; got {count}");
        }

        if (durationSeconds is not null && !(durationSeconds > 0 && durationSeconds <= TimeSpan.MaxValue.TotalSeconds))
        {
            throw new BadInputException($"--duration must be a positive number of seconds; got {durationSeconds}");
        }

        MavlinkDialect dialect = ArdupilotmegaDialect.Instance;
        HashSet<uint>? filter = ParseFilter(filterText, dialect);
        MavlinkSignatureVerifier? verifier = LoadVerifier(keyPath);
        var parser = new MavlinkParser(dialect, verifier);
        var printer = new MavlinkDumpPrinter(dialect, json, filter, verifier, count);
        Dictionary<string, long> sourceStatistics;
        if (raw is not null)
        {
            sourceStatistics = DumpRaw(OpenFile(raw), parser, printer);
        }
        else if (source!.Contains("://", StringComparison.Ordinal))
        {
            sourceStatistics = await DumpLinkAsync(source, parser, printer, durationSeconds, cancellationToken);
        }
        else
        {
            sourceStatistics = DumpTlog(source, OpenFile(source), parser, printer, dialect);
        }

        printer.PrintStatistics(parser.Statistics, sourceStatistics);
        return ExitCodes.Success;
    }

    private static Dictionary<string, long> DumpTlog(string path, FileStream file, MavlinkParser parser, MavlinkDumpPrinter printer, MavlinkDialect dialect)
    {
        using var reader = new TlogReader(file, TlogFrameChecks.ChecksumIn(dialect), path);
        while (!printer.Done && reader.TryReadNext(out TlogRecord record))
        {
            printer.Record = (record.TimestampMicroseconds, record.Offset);
            parser.Parse(record.Frame, ref printer);
            parser.Flush(ref printer);
        }

        return new Dictionary<string, long>
        {
            ["tlog_records"] = reader.Records,
            ["tlog_skipped_bytes"] = reader.SkippedBytes,
            ["tlog_resyncs"] = reader.Resyncs,
            ["tlog_truncated_bytes"] = reader.TruncatedBytes,
        };
    }

    private static Dictionary<string, long> DumpRaw(FileStream file, MavlinkParser parser, MavlinkDumpPrinter printer)
    {
        using (file)
        {
            byte[] buffer = new byte[ChunkSize];
            int read;
            while (!printer.Done && (read = file.Read(buffer)) > 0)
            {
                parser.Parse(buffer.AsSpan(0, read), ref printer);
            }
        }

        parser.Flush(ref printer);
        return new Dictionary<string, long> { ["incomplete_bytes_at_end"] = parser.BufferedByteCount };
    }

    private static async Task<Dictionary<string, long>> DumpLinkAsync(string connectionString, MavlinkParser parser, MavlinkDumpPrinter printer,
        double? durationSeconds, CancellationToken cancellationToken)
    {
        if (!ConnectionString.TryParse(connectionString, out ConnectionString? parsed, out string? error))
        {
            throw new BadInputException(error);
        }

        await using ITransport transport = TransportFactory.Create(parsed);
        try
        {
            await transport.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"{connectionString}: cannot open ({ex.Message})", ex);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (durationSeconds is { } seconds)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        long epoch = -1;
        void OnBytes(ReadOnlySpan<byte> bytes, long bytesEpoch)
        {
            if (bytesEpoch != epoch)
            {
                parser.Reset(); // a reconnect: the new byte stream starts clean
                epoch = bytesEpoch;
            }

            parser.Parse(bytes, printer);
            if (printer.Done)
            {
                stop.Cancel();
            }
        }

        try
        {
            await TransportReceiveLoop.RunAsync(transport, new byte[ChunkSize], OnBytes, stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // --count reached, --duration elapsed or Ctrl+C: print what we have.
        }

        return new Dictionary<string, long>
        {
            ["link_connects"] = transport.Counters.Connects,
            ["link_losses"] = transport.Counters.LinkLosses,
        };
    }

    private static FileStream OpenFile(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"{path}: cannot open ({ex.Message})", ex);
        }
    }

    private static HashSet<uint>? ParseFilter(string? text, MavlinkDialect dialect)
    {
        if (text is null)
        {
            return null;
        }

        var ids = new HashSet<uint>();
        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (dialect.TryGetMessage(name.ToUpperInvariant(), out MavlinkMessageInfo info))
            {
                ids.Add(info.Id);
            }
            else if (uint.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out uint id))
            {
                ids.Add(id);
            }
            else
            {
                throw new BadInputException($"--filter: '{name}' is not a message of the {dialect.Name} dialect (use names such as HEARTBEAT or numeric ids)");
            }
        }

        return ids.Count > 0 ? ids : throw new BadInputException("--filter: no message names given");
    }

    private static MavlinkSignatureVerifier? LoadVerifier(string? keyPath)
    {
        if (keyPath is null)
        {
            return null;
        }

        try
        {
            return new MavlinkSignatureVerifier(MavlinkSigningKey.LoadFromFile(keyPath));
        }
        catch (InvalidDataException ex)
        {
            throw new BadInputException($"--signing-key: {ex.Message}", ex);
        }
    }
}
