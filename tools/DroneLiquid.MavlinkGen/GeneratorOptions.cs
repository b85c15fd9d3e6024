namespace DroneLiquid.MavlinkGen;

/// <summary>Command line: --xml FILE --out DIR [--namespace NS].</summary>
internal sealed record GeneratorOptions(string XmlPath, string OutputDirectory, string Namespace)
{
    public const string DefaultNamespace = "DroneLiquid.Mavlink.Messages";

    private const string Usage = "usage: --xml <dialect.xml> --out <directory> [--namespace <C# namespace>]";

    public static GeneratorOptions Parse(string[] args)
    {
        string? xml = null, output = null, ns = DefaultNamespace;
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length
                ? args[i + 1]
                : throw new GeneratorException($"{args[i]} needs a value; {Usage}");
            switch (args[i])
            {
                case "--xml": xml = value; break;
                case "--out": output = value; break;
                case "--namespace": ns = value; break;
                default: throw new GeneratorException($"unknown argument \"{args[i]}\"; {Usage}");
            }
            i++;
        }
        if (xml is null || output is null)
        {
            throw new GeneratorException($"--xml and --out are required; {Usage}");
        }
        if (!File.Exists(xml))
        {
            throw new GeneratorException($"--xml: file {xml} does not exist");
        }
        return new GeneratorOptions(xml, output, ns);
    }
}
