using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DroneLiquid.Mavlink.Tests.Fakes;

/// <summary>
/// A serial cable made of two pseudo-terminals joined by <c>socat -d -d pty,raw,echo=0 pty,raw,echo=0</c>, with
/// stable symlinks so that a restarted cable appears at the same paths (as a re-plugged USB adapter does).
/// </summary>
internal sealed partial class FakeSerialLine : IDisposable
{
    private const int SigTerm = 15;

    private readonly string _directory;
    private Process? _socat;

    private FakeSerialLine(string directory)
    {
        _directory = directory;
        EndA = Path.Combine(directory, "ttyA");
        EndB = Path.Combine(directory, "ttyB");
    }

    public string EndA { get; }

    public string EndB { get; }

    /// <summary>Why serial tests cannot run here, or null when socat is installed.</summary>
    public static string? UnavailableReason =>
        FindSocat() is null ? "socat is not installed (apt-get install socat; .ci/run installs it)" : null;

    public static FakeSerialLine Start()
    {
        var line = new FakeSerialLine(Directory.CreateTempSubdirectory("droneliquid-pty-").FullName);
        line.Plug();
        return line;
    }

    /// <summary>Starts socat and waits until both ends exist.</summary>
    public void Plug()
    {
        string socat = FindSocat() ?? throw new InvalidOperationException(UnavailableReason);
        File.Delete(EndA);
        File.Delete(EndB);
        var start = new ProcessStartInfo(socat)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "-d", "-d", $"pty,raw,echo=0,link={EndA}", $"pty,raw,echo=0,link={EndB}" })
        {
            start.ArgumentList.Add(arg);
        }

        _socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start");
        _socat.ErrorDataReceived += (_, _) => { };
        _socat.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!(File.Exists(EndA) && File.Exists(EndB)))
        {
            if (DateTime.UtcNow > deadline || _socat.HasExited)
            {
                throw new InvalidOperationException("socat did not create the pseudo-terminal pair within 5 s");
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>Ends socat: both pseudo-terminals vanish, like an unplugged adapter.</summary>
    public void Unplug()
    {
        if (_socat is { HasExited: false })
        {
            // SIGTERM, not Process.Kill's SIGKILL: socat then closes both ptys and removes its symlinks.
            _ = Kill(_socat.Id, SigTerm);
            if (!_socat.WaitForExit(5000))
            {
                _socat.Kill();
            }
        }

        _socat?.Dispose();
        _socat = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while ((File.Exists(EndA) || File.Exists(EndB)) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        File.Delete(EndA);
        File.Delete(EndB);
    }

    public void Dispose()
    {
        Unplug();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private static string? FindSocat() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(dir => Path.Combine(dir, "socat"))
            .FirstOrDefault(File.Exists);
}
