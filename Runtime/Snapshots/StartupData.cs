using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace V8Host;

/// <summary>
/// Startup data for new contexts: per context, the scripts to run and their V8 code caches.
/// </summary>
/// <remarks>
/// <para>
/// ClearScript exposes no V8 heap snapshots, so V8Host's snapshots are code-cache based: a context
/// started from one still runs its scripts, but V8 skips parsing and compiling them. The caches are
/// taken after the scripts ran (and after an optional warm-up), so they also hold the functions that
/// ran lazily. Create the data with <see cref="SnapshotCreator"/> or a <c>&lt;V8Snapshot&gt;</c> item
/// in the project file; persist it with <see cref="ToArray"/>.
/// </para>
/// <para>
/// The format is versioned and ends with a SHA-256 checksum; it records the V8Host and ClearScript
/// versions and V8's code-cache tag (the version and flag hashes V8 checks). A cache V8 rejects (another
/// V8 version or platform) falls back to plain compilation, reported by <see cref="Context.SnapshotRestore"/>.
/// Code caches are code: load only startup data you built or trust, as you would an assembly.
/// The checksum detects damage, not forgery: whoever can write the data can seal it again. V8 checks a
/// cache only against its own version and flags and the length of the source, and then runs the code
/// the cache holds (not necessarily the source the data shows); a forged cache can crash the process.
/// </para>
/// </remarks>
public sealed class StartupData
{
    private static readonly byte[] s_magic = "V8HS"u8.ToArray();
    private const byte FormatVersion = 2;
    private const int ChecksumLength = SHA256.HashSizeInBytes;

    private readonly byte[] _bytes;
    private readonly Lazy<SnapshotContents?> _contents;
    private string _problem = "";

    private StartupData(byte[] bytes)
    {
        _bytes = bytes;
        // Parsed once however many isolates start from it; Lazy makes that safe from any thread.
        _contents = new Lazy<SnapshotContents?>(() => Read(out _problem), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Size of the data in bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>Number of contexts stored.</summary>
    /// <exception cref="InvalidOperationException">The data is not a valid V8Host snapshot.</exception>
    public int ContextCount => Contents.Contexts.Count;

    /// <summary>The ClearScript version that created the data (its informational version).</summary>
    /// <exception cref="InvalidOperationException">The data is not a valid V8Host snapshot.</exception>
    public string ClearScriptVersion => Contents.ClearScriptVersion;

    /// <summary>The V8Host runtime version that created the data.</summary>
    /// <exception cref="InvalidOperationException">The data is not a valid V8Host snapshot.</exception>
    public string RuntimeVersion => Contents.RuntimeVersion;

    /// <summary>
    /// V8's code-cache tag when the data was created: V8's version hash and flag hash, as V8 writes them
    /// in every code cache and checks them when it reads one (ClearScript does not expose V8's version string).
    /// </summary>
    /// <exception cref="InvalidOperationException">The data is not a valid V8Host snapshot.</exception>
    public string V8CacheTag => Contents.V8CacheTag;

    /// <summary>Wraps serialized startup data (a copy is taken). Use <see cref="IsValid"/> to check it.</summary>
    public static StartupData FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>Reads startup data embedded in <paramref name="assembly"/> as the manifest resource <paramref name="resourceName"/> (what <c>&lt;V8Snapshot&gt;</c> items bake).</summary>
    /// <exception cref="ArgumentException">The assembly has no such resource.</exception>
    public static StartupData FromManifestResource(Assembly assembly, string resourceName)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourceName);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new ArgumentException($"The assembly {assembly.GetName().Name} has no resource '{resourceName}'.", nameof(resourceName));
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return new StartupData(bytes);
    }

    /// <summary>A copy of the serialized data.</summary>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>Whether the data is a well-formed, intact V8Host snapshot of a supported format version.</summary>
    public bool IsValid() => _contents.Value is not null;

    /// <summary>Why the data is not valid (empty when it is).</summary>
    internal string Problem => IsValid() ? "" : _problem;

    internal SnapshotContents Contents => _contents.Value
        ?? throw new InvalidOperationException($"The startup data is not a valid V8Host snapshot: {_problem}.");

    internal IReadOnlyList<IReadOnlyList<SnapshotScript>> Contexts => Contents.Contexts;

    internal void CheckContextIndex(int index)
    {
        if ((uint)index >= (uint)Contexts.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The snapshot holds {Contexts.Count} context(s).");
    }

    internal static StartupData Create(IReadOnlyList<IReadOnlyList<SnapshotScript>> contexts, string v8CacheTag)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(s_magic);
            writer.Write(FormatVersion);
            writer.Write(VersionOf(typeof(StartupData).Assembly));
            writer.Write(CurrentClearScriptVersion);
            writer.Write(v8CacheTag);
            writer.Write(contexts.Count);
            foreach (var scripts in contexts)
            {
                writer.Write(scripts.Count);
                foreach (var script in scripts)
                {
                    writer.Write(script.Name);
                    writer.Write(script.Source);
                    writer.Write(script.CodeCache.Length);
                    writer.Write(script.CodeCache);
                }
            }
        }

        var body = stream.ToArray();
        var bytes = new byte[body.Length + ChecksumLength];
        body.CopyTo(bytes, 0);
        SHA256.HashData(body, bytes.AsSpan(body.Length));
        return new StartupData(bytes);
    }

    /// <summary>The ClearScript version in this process.</summary>
    internal static string CurrentClearScriptVersion { get; } = VersionOf(typeof(Microsoft.ClearScript.V8.V8ScriptEngine).Assembly);

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";

    private SnapshotContents? Read(out string problem)
    {
        // Signature and version are checked before the length: format 1 had no checksum, so its
        // smallest data is shorter than one, and it must still be told apart from foreign bytes.
        if (_bytes.Length < s_magic.Length + 1 || !_bytes.AsSpan(0, s_magic.Length).SequenceEqual(s_magic))
        {
            problem = "it does not start with the V8Host snapshot signature";
            return null;
        }

        if (_bytes[s_magic.Length] != FormatVersion)
        {
            problem = $"it has format version {_bytes[s_magic.Length]}, and this runtime reads version {FormatVersion} (create it again with this V8Host)";
            return null;
        }

        if (_bytes.Length < s_magic.Length + 1 + ChecksumLength)
        {
            problem = "it is truncated (shorter than its checksum)";
            return null;
        }

        var body = _bytes.AsSpan(0, _bytes.Length - ChecksumLength);
        Span<byte> checksum = stackalloc byte[ChecksumLength];
        SHA256.HashData(body, checksum);
        if (!checksum.SequenceEqual(_bytes.AsSpan(body.Length)))
        {
            problem = "its checksum does not match (the data is corrupt or truncated)";
            return null;
        }

        try
        {
            var reader = new SnapshotBlobReader(body, s_magic.Length + 1);
            var runtimeVersion = reader.ReadString();
            var clearScriptVersion = reader.ReadString();
            var cacheTag = reader.ReadString();
            var contextCount = reader.ReadCount(reader.Remaining);
            var contexts = new List<IReadOnlyList<SnapshotScript>>(contextCount);
            for (var c = 0; c < contextCount; c++)
            {
                var scriptCount = reader.ReadCount(reader.Remaining);
                var scripts = new List<SnapshotScript>(scriptCount);
                for (var s = 0; s < scriptCount; s++)
                {
                    var name = reader.ReadString();
                    // Compile refuses these names, so the creator never writes them; refused here, the
                    // data says it is malformed instead of each context start throwing about a "filename".
                    if (!IsScriptName(name))
                        throw new InvalidDataException($"script {s} of context {c} has a name V8Host cannot compile ('{(name.Length > 64 ? name[..64] + "…" : name)}')");
                    var source = reader.ReadString();
                    scripts.Add(new SnapshotScript(name, source, reader.ReadBytes(reader.ReadCount(reader.Remaining))));
                }

                contexts.Add(scripts);
            }

            if (reader.Remaining != 0)
                throw new FormatException();
            problem = "";
            return new SnapshotContents(runtimeVersion, clearScriptVersion, cacheTag, contexts);
        }
        catch (Exception exception) when (exception is DecoderFallbackException or FormatException or InvalidDataException)
        {
            // The checksum matched, so this is a writer bug or a crafted blob, not damage in transit.
            problem = exception is InvalidDataException ? "its contents are malformed: " + exception.Message : "its contents are malformed";
            return null;
        }
    }

    private static bool IsScriptName(string name)
    {
        if (name.Length == 0)
            return false;
        try
        {
            Engine.EngineCore.CheckName(name, nameof(name));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>What a valid <see cref="StartupData"/> holds.</summary>
internal sealed record SnapshotContents(string RuntimeVersion, string ClearScriptVersion, string V8CacheTag, IReadOnlyList<IReadOnlyList<SnapshotScript>> Contexts);

/// <summary>One script of a snapshot context, with its V8 code cache.</summary>
internal sealed record SnapshotScript(string Name, string Source, byte[] CodeCache);
