using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using V8Host.SnapshotBaker;

// V8Host.SnapshotBaker @response-file: bakes one <V8Snapshot> into a StartupData file. Errors are
// printed to stdout in MSBuild's canonical format (BuildError) and the exit code is 1.
BakeArguments arguments;
try
{
    arguments = BakeArguments.Parse(args);
}
catch (Exception exception) when (exception is ArgumentException or IOException or FormatException)
{
    Console.WriteLine(new BuildError(BuildError.BakerFailed, "V8Host.SnapshotBaker", null, null, exception.Message));
    return 1;
}

// The baker ships alone; V8Host.Runtime and ClearScript come from the project's own references, so the
// snapshot is baked by exactly the runtime the project runs. They must resolve before any of their types
// is touched, hence the resolver first and the work in a method of its own.
var references = arguments.References
    .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && File.Exists(path))
    .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
    .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);
AssemblyLoadContext.Default.Resolving += (context, name) =>
    name.Name is { } simpleName && references.TryGetValue(simpleName, out var path) ? context.LoadFromAssemblyPath(path) : null;

// ClearScript's P/Invokes name its native library; an app finds it through its deps.json, the baker has
// none, so the project's own copy is handed over by file name.
var natives = arguments.NativeLibraries
    .Where(File.Exists)
    .GroupBy(Path.GetFileName, StringComparer.Ordinal)
    .ToDictionary(group => group.Key!, group => group.First(), StringComparer.Ordinal);
AppDomain.CurrentDomain.AssemblyLoad += (_, loaded) =>
{
    if (loaded.LoadedAssembly.GetName().Name?.StartsWith("ClearScript", StringComparison.Ordinal) == true)
    {
        NativeLibrary.SetDllImportResolver(loaded.LoadedAssembly, (library, _, _) =>
            natives.TryGetValue(library, out var file) || natives.TryGetValue(library + ".so", out file) ? NativeLibrary.Load(file) : IntPtr.Zero);
    }
};

return Bake(arguments);

[MethodImpl(MethodImplOptions.NoInlining)]
static int Bake(BakeArguments arguments)
{
    var errors = new SnapshotBake(arguments).Run();
    foreach (var error in errors)
        Console.WriteLine(error);
    return errors.Count == 0 ? 0 : 1;
}
