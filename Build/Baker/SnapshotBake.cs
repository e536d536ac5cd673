namespace V8Host.SnapshotBaker;

/// <summary>
/// Bakes one snapshot: every script runs, in order, in the default context of a
/// <see cref="SnapshotCreator"/>; context 0 is added with the warm-up; the blob is written atomically.
/// A failure becomes a <see cref="BuildError"/> at the script's file, line and column.
/// </summary>
internal sealed class SnapshotBake
{
    private readonly BakeArguments _arguments;
    private readonly string _projectDirectory;

    public SnapshotBake(BakeArguments arguments)
    {
        _arguments = arguments;
        _projectDirectory = Path.GetDirectoryName(Path.GetFullPath(arguments.ProjectFile)) ?? Directory.GetCurrentDirectory();
    }

    public IReadOnlyList<BuildError> Run()
    {
        var missing = _arguments.Scripts.Append(_arguments.WarmUp)
            .Where(file => file is not null && !File.Exists(FullPath(file)))
            .Select(file => new BuildError(BuildError.FileNotFound, _arguments.ProjectFile, null, null,
                $"V8Snapshot '{_arguments.SnapshotName}': the file '{file}' does not exist."))
            .ToList();
        if (missing.Count > 0 || _arguments.Scripts.Count == 0)
            return missing.Count > 0 ? missing : new[] { new BuildError(BuildError.BakerFailed, _arguments.ProjectFile, null, null, $"V8Snapshot '{_arguments.SnapshotName}' lists no scripts.") };

        string? running = null;
        try
        {
            using var creator = new SnapshotCreator { ScriptTimeout = _arguments.Timeout };
            foreach (var script in _arguments.Scripts)
            {
                running = script;
                creator.Eval(File.ReadAllText(FullPath(script)), Name(script));
            }

            running = _arguments.WarmUp ?? _arguments.Scripts[^1];
            var warmUp = _arguments.WarmUp is { } file ? File.ReadAllText(FullPath(file)) : null;
            creator.AddContext(warmUp: warmUp, warmUpFilename: _arguments.WarmUp is null ? null : Name(_arguments.WarmUp));
            Write(creator.CreateBlob());
            return Array.Empty<BuildError>();
        }
        catch (JavaScriptException error)
        {
            // The error's own script when it is one of ours; else the script that was running.
            var file = Listed(error.ScriptResourceName) ?? running!;
            var line = Listed(error.ScriptResourceName) is null ? null : error.LineNumber;
            var column = line is null ? null : error.StartColumn + 1;
            var name = error.ErrorName is { Length: > 0 } errorName ? errorName + ": " : "";
            return Fail(new BuildError(BuildError.ScriptFailed, FullPath(file), line, column, $"{name}{error.JsMessage} (while baking V8Snapshot '{_arguments.SnapshotName}')"));
        }
        catch (ScriptTerminatedException)
        {
            return Fail(new BuildError(BuildError.ScriptTimedOut, FullPath(running!), null, null,
                $"the script did not finish within {_arguments.Timeout?.TotalSeconds} s while baking V8Snapshot '{_arguments.SnapshotName}' (raise V8HostSnapshotTimeout, or 0 for no limit)."));
        }
        catch (ScriptResourceException error)
        {
            return Fail(new BuildError(BuildError.ScriptResources, FullPath(running!), null, null, $"{error.Message} (while baking V8Snapshot '{_arguments.SnapshotName}')"));
        }
        catch (Exception error) when (error is TypeLoadException or DllNotFoundException && error.Message.Contains("ClearScript", StringComparison.Ordinal))
        {
            return Fail(new BuildError(BuildError.BakerFailed, _arguments.ProjectFile, null, null,
                $"V8Snapshot '{_arguments.SnapshotName}': ClearScript's native V8 for this build machine ({System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}) is not referenced; add the Microsoft.ClearScript.V8.Native package for it. {error.Message}"));
        }
    }

    private IReadOnlyList<BuildError> Fail(BuildError error)
    {
        // A stale blob must not survive a failed bake and look up to date.
        File.Delete(_arguments.Output);
        return new[] { error };
    }

    private void Write(StartupData blob)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(_arguments.Output))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(_arguments.Output)}.{Environment.ProcessId}.tmp");
        File.WriteAllBytes(temporary, blob.ToArray());
        File.Move(temporary, _arguments.Output, overwrite: true);
    }

    private string? Listed(string? resourceName) =>
        resourceName is null ? null : _arguments.Scripts.Append(_arguments.WarmUp).FirstOrDefault(file => file is not null && Name(file) == resourceName);

    private string FullPath(string file) => Path.GetFullPath(Path.Combine(_projectDirectory, file));

    /// <summary>The script's name inside the snapshot: the path as the project lists it, with forward slashes (no build-machine paths in the assembly).</summary>
    private static string Name(string file) => file.Replace('\\', '/');
}
