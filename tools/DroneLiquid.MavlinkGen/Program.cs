using DroneLiquid.MavlinkGen;

// dotnet run --project tools/DroneLiquid.MavlinkGen -- --xml <dialect.xml> --out <dir> [--namespace <ns>]
// Reads the dialect (following <include>s), replaces every *.g.cs in <dir> with the generated code.
// Exit 0 ok, 2 bad usage or bad XML (one line on stderr naming the file and what was wrong).
try
{
    GeneratorOptions options = GeneratorOptions.Parse(args);
    DialectModel dialect = XmlDialectLoader.Load(options.XmlPath);
    string commitFile = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.XmlPath))!, "SOURCE_COMMIT");
    string commit = File.Exists(commitFile) ? File.ReadAllText(commitFile).Trim() : "unknown";
    var files = new CSharpEmitter(dialect, commit, options.Namespace).EmitAll();
    Directory.CreateDirectory(options.OutputDirectory);
    foreach (string stale in Directory.GetFiles(options.OutputDirectory, "*.g.cs"))
    {
        File.Delete(stale);
    }
    foreach (var (name, text) in files)
    {
        File.WriteAllText(Path.Combine(options.OutputDirectory, name), text);
    }
    Console.Error.WriteLine(
        $"{dialect.Name}: {dialect.Messages.Count} messages, {dialect.Enums.Count} enums -> {files.Count} files in {options.OutputDirectory}");
    return 0;
}
catch (GeneratorException e)
{
    Console.Error.WriteLine($"mavlinkgen: {e.Message}");
    return 2;
}
catch (System.Xml.XmlException e)
{
    Console.Error.WriteLine($"mavlinkgen: malformed XML: {e.Message}");
    return 2;
}
