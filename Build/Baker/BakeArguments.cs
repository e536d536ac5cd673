namespace V8Host.SnapshotBaker;

/// <summary>
/// The baker's command line, read from a response file (one option and its value per line) so that
/// long reference lists and paths with spaces need no quoting.
/// </summary>
internal sealed class BakeArguments
{
    public string Output { get; private set; } = "";

    public string SnapshotName { get; private set; } = "";

    /// <summary>The project file: errors that belong to no script (a missing file) point at it.</summary>
    public string ProjectFile { get; private set; } = "";

    /// <summary>The scripts in baking order, as the project lists them (relative paths stay relative: they become the scripts' names).</summary>
    public List<string> Scripts { get; } = new();

    public string? WarmUp { get; private set; }

    public TimeSpan? Timeout { get; private set; }

    /// <summary>Assemblies the baker may load (the project's references: V8Host.Runtime, ClearScript …).</summary>
    public List<string> References { get; } = new();

    /// <summary>Files of ClearScript's native V8 library, one per platform the project references.</summary>
    public List<string> NativeLibraries { get; } = new();

    public static BakeArguments Parse(string[] args)
    {
        var lines = args.Length == 1 && args[0].StartsWith('@')
            ? File.ReadAllLines(args[0][1..])
            : args;
        var result = new BakeArguments();
        for (var i = 0; i < lines.Length; i++)
        {
            var option = lines[i].Trim();
            if (option.Length == 0)
                continue;
            if (i + 1 >= lines.Length)
                throw new ArgumentException($"The option {option} has no value.");
            var value = lines[++i].Trim();
            switch (option)
            {
                case "--output": result.Output = value; break;
                case "--name": result.SnapshotName = value; break;
                case "--project": result.ProjectFile = value; break;
                case "--script": result.Scripts.Add(value); break;
                case "--warm-up": result.WarmUp = value.Length == 0 ? null : value; break;
                case "--timeout-seconds":
                    var seconds = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    result.Timeout = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;
                    break;
                case "--reference": result.References.Add(value); break;
                case "--native": result.NativeLibraries.Add(value); break;
                default: throw new ArgumentException($"Unknown option {option}.");
            }
        }

        if (result.Output.Length == 0 || result.SnapshotName.Length == 0 || result.ProjectFile.Length == 0)
            throw new ArgumentException("--output, --name and --project are required.");
        return result;
    }
}
