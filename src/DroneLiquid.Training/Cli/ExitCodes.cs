namespace DroneLiquid.Training.Cli;

/// <summary>The house exit codes (DESIGN.md, Conventions), as the `droneliquid` verbs use them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    public const int CheckFailed = 1;

    public const int BadInput = 2;
}
