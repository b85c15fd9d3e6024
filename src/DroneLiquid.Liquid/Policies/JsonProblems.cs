namespace DroneLiquid.Liquid.Policies;

/// <summary>Collects one line per problem found while reading a JSON document, each prefixed with the file.</summary>
internal sealed class JsonProblems(string source)
{
    private readonly List<string> _lines = [];

    public string Source { get; } = source;

    public IReadOnlyList<string> Lines => _lines;

    public int Count => _lines.Count;

    public void Add(string path, string message) => _lines.Add(path.Length == 0 ? $"{Source}: {message}" : $"{Source}: {path}: {message}");

    public void AddLine(string line) => _lines.Add(line);

    /// <exception cref="PolicyFormatException">At least one problem was found.</exception>
    public void ThrowIfAny()
    {
        if (_lines.Count > 0)
        {
            throw new PolicyFormatException(_lines.ToArray());
        }
    }
}
