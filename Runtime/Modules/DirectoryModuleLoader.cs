namespace V8Host.Modules;

/// <summary>
/// <see cref="ModuleLoader.FromDirectory"/>: files under a root directory, named by their real
/// <c>file://</c> URLs (so stack traces and <c>import.meta.url</c> read as in Node). Every file is
/// checked by its real path (each symbolic link along the way resolved) before it is read: a link
/// whose target leaves the root is refused, whichever directory it sits in.
/// </summary>
internal sealed class DirectoryModuleLoader : FileTreeLoader
{
    private const int MaxLinkDepth = 40;
    private static readonly StringComparison s_pathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string _root;

    public DirectoryModuleLoader(string root)
        : this(RealRoot(root))
    {
    }

    private DirectoryModuleLoader((string Real, Uri Url) root)
        : base(root.Url) => _root = root.Real;

    protected override string RootDescription => $"the module root {_root}";

    protected override bool IsFile(string path) => FullPath(path) is { } full && File.Exists(full);

    protected override bool IsDirectory(string path) => FullPath(path) is { } full && Directory.Exists(full);

    /// <summary>
    /// Reads the file through one handle, and checks where that handle really points before trusting
    /// what it reads: Confine checked the path earlier, and a file swapped for a symbolic link in
    /// between must not be followed out of the root.
    /// </summary>
    protected override string ReadText(string path)
    {
        var full = FullPath(path) ?? throw new FileNotFoundException($"'{path}' is not a path under {_root}.");
        using var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (OpenedPath(handle) is { } opened && !opened.Equals(_root, s_pathComparison) && !opened.StartsWith(_root + Path.DirectorySeparatorChar, s_pathComparison))
            throw new UnauthorizedAccessException($"'{path}' changed into a link to {opened}, outside the module root {_root}, while it was being loaded.");
        using var stream = new FileStream(handle, FileAccess.Read);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The real path of an open file, where the OS tells it (Linux: /proc/self/fd); else null, and the earlier check stands.</summary>
    private static string? OpenedPath(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
            return null;
        var link = new FileInfo("/proc/self/fd/" + handle.DangerousGetHandle().ToInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return link.LinkTarget;
    }

    protected override string? Confine(string path, out string? reason)
    {
        reason = null;
        var full = FullPath(path);
        if (full is null)
        {
            reason = "it is not a plain path under the root";
            return null;
        }

        string real;
        try
        {
            real = RealPath(full, 0);
        }
        catch (IOException exception)
        {
            reason = $"its real path cannot be determined ({exception.Message})";
            return null;
        }

        if (real.Equals(_root, s_pathComparison))
            return string.Empty;
        if (!real.StartsWith(_root + Path.DirectorySeparatorChar, s_pathComparison))
        {
            reason = $"it is, through a symbolic link, {real}, outside the module root {_root}";
            return null;
        }

        return real[(_root.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The file-system path of a tree path, or null when a segment could mean something else on this OS (a drive, a stream).</summary>
    private string? FullPath(string path)
    {
        if (path.Length == 0)
            return _root;
        var segments = path.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Contains(':') || segment.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
                return null;
        }

        var full = Path.Combine(_root, Path.Combine(segments));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, s_pathComparison) ? full : null;
    }

    private static (string Real, Uri Url) RealRoot(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (root.Contains('\0'))
            throw new ArgumentException("The module root contains a NUL character.", nameof(root));
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"ModuleLoader.FromDirectory: the module root '{full}' does not exist or is not a directory.");
        var real = RealPath(full, 0).TrimEnd(Path.DirectorySeparatorChar);
        if (real.Length == 0 || (Path.GetPathRoot(real) is { } driveRoot && real.Length < driveRoot.Length))
            real = Path.GetPathRoot(full)!;
        return (real, new Uri(real.EndsWith(Path.DirectorySeparatorChar) ? real : real + Path.DirectorySeparatorChar));
    }

    /// <summary>The path with every symbolic link resolved, component by component (links to links included).</summary>
    private static string RealPath(string path, int depth)
    {
        if (depth > MaxLinkDepth)
            throw new IOException($"too many levels of symbolic links at {path}");
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
                next = RealPath(resolved, depth + 1);
            }

            current = next;
        }

        return current;
    }
}
