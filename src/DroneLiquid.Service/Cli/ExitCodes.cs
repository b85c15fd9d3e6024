namespace DroneLiquid.Service.Cli;

/// <summary>Exit codes shared by every verb (DESIGN.md, Conventions).</summary>
internal static class ExitCodes
{
    /// <summary>The verb did what was asked and every check passed.</summary>
    public const int Success = 0;

    /// <summary>The verb ran, but a check failed (tolerance exceeded, flight not successful).</summary>
    public const int CheckFailed = 1;

    /// <summary>Bad usage or bad input (unknown option, unreadable or malformed file).</summary>
    public const int BadInput = 2;
}
