namespace DroneLiquid.Liquid.Policies;

/// <summary>
/// A policy folder, policy.json or ncps config.json that cannot be used. <see cref="Problems"/> holds one
/// line per problem, each naming the file and JSON key, the value found and what is allowed; the message is
/// those lines joined by newlines.
/// </summary>
public sealed class PolicyFormatException : FormatException
{
    public PolicyFormatException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
