namespace DroneLiquid.Service.Tests.Cli;

/// <summary>Runs a verb in-process and captures stdout and stderr, the way a user would see them.</summary>
internal static class ConsoleCapture
{
    private static readonly Lock Gate = new();

    public static (int ExitCode, string StdOut, string StdErr) Run(Func<int> action)
    {
        lock (Gate)
        {
            var (oldOut, oldErr) = (Console.Out, Console.Error);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                int code = action();
                return (code, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }
}
