using System.Runtime.CompilerServices;

namespace V8Host.Package.Tests;

/// <summary>
/// The V8Host package, packed once per test run into a temporary feed that every test installing it
/// shares (test classes run in parallel: one pack, not one per class building the repository at once).
/// </summary>
internal static class LocalFeed
{
    public const string Version = "0.1.0";

    private static readonly Lazy<string> s_folder = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The feed folder, holding V8Host.<see cref="Version"/>.nupkg.</summary>
    public static string Folder => s_folder.Value;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>This machine's NuGet package folder, where the repository's own restore put the package's dependencies.</summary>
    public static string MachinePackageFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>
    /// Creates a console project named <paramref name="name"/> in <paramref name="app"/> and adds the package,
    /// as a new user does. <paramref name="offline"/>: the feed and the machine's package folder are the only sources.
    /// </summary>
    public static void CreateConsoleApp(DotNetCli cli, string app, string name, bool offline)
    {
        cli.Run(app, "new", "console", "--framework", "net10.0", "--name", name, "--output", ".");
        var sources = offline
            ? $"<clear /><add key=\"v8host-local\" value=\"{Folder}\" /><add key=\"machine-cache\" value=\"{MachinePackageFolder}\" />"
            : $"<add key=\"v8host-local\" value=\"{Folder}\" />";
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources>{sources}</packageSources></configuration>\n");
        cli.Run(app, "add", "package", "V8Host", "--version", Version);
    }

    private static string Pack()
    {
        var folder = Directory.CreateTempSubdirectory("v8host-feed-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        // Packing builds the repository's own projects with the machine's package folder, so that their
        // obj/ assets (shared with the surrounding test run) keep pointing at packages that stay.
        new DotNetCli(packagesFolder: null).Run(RepositoryRoot, "pack", "nuget/V8Host.csproj", "-c", "Release", "-o", folder, "-nodeReuse:false");
        if (!File.Exists(Path.Combine(folder, $"V8Host.{Version}.nupkg")))
            throw new InvalidOperationException($"dotnet pack did not write V8Host.{Version}.nupkg to {folder}.");
        return folder;
    }

    /// <summary>Deletes a test folder; a build server may still hold a file, and the OS cleans temp folders eventually.</summary>
    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
