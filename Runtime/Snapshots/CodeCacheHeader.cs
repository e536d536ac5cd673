using System.Buffers.Binary;

namespace V8Host;

/// <summary>
/// Reads the tag V8 puts at the head of every code cache: its version hash (bytes 4–7) and flag hash
/// (bytes 12–15), after a magic number whose high half is 0xC0DE. V8 rejects a cache whose tag differs
/// from its own; V8Host only records and reports the tag, V8 stays the judge.
/// </summary>
internal static class CodeCacheHeader
{
    // V8's flags are process-wide, so one probe serves every isolate; its own isolate keeps the probe
    // script out of the user's contexts (and their debuggers).
    private static readonly Lazy<string> s_current = new(Probe, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What <see cref="Tag"/> returns for bytes that do not look like a V8 code cache.</summary>
    public const string Unknown = "unknown";

    /// <summary>The tag of <paramref name="cache"/>, or <see cref="Unknown"/> when it does not look like a V8 code cache.</summary>
    public static string Tag(ReadOnlySpan<byte> cache)
    {
        if (cache.Length < 16 || BinaryPrimitives.ReadUInt32LittleEndian(cache) >> 16 != 0xC0DE)
            return Unknown;
        var version = BinaryPrimitives.ReadUInt32LittleEndian(cache[4..]);
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(cache[12..]);
        return $"{version:x8}-{flags:x8}";
    }

    /// <summary>The tag of this process's V8, read from the cache of a one-character script.</summary>
    public static string Current => s_current.Value;

    private static string Probe()
    {
        using var context = new Isolate().CreateContext();
        using var script = context.Compile("0", "<v8-cache-tag>");
        return Tag(script.CreateCodeCache());
    }
}
