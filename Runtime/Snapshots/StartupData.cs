using System.Text;

namespace V8Host;

/// <summary>
/// Startup data for new contexts: per context, the scripts to run and their V8 code caches.
/// </summary>
/// <remarks>
/// ClearScript exposes no V8 startup snapshots, so V8Host's snapshots are code-cache based: a context
/// "restored" from one re-runs its scripts without parsing or compiling them again. Create one with
/// <see cref="SnapshotCreator"/>; persist it with <see cref="ToArray"/>.
/// </remarks>
public sealed class StartupData
{
    private static readonly byte[] s_magic = "V8HS"u8.ToArray();
    private const byte FormatVersion = 1;

    private readonly byte[] _bytes;
    private IReadOnlyList<IReadOnlyList<SnapshotScript>>? _contexts;

    private StartupData(byte[] bytes) => _bytes = bytes;

    /// <summary>Size of the data in bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>Number of contexts stored.</summary>
    public int ContextCount => Contexts.Count;

    /// <summary>Wraps serialized startup data (a copy is taken). Use <see cref="IsValid"/> to check it.</summary>
    public static StartupData FromBytes(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>A copy of the serialized data.</summary>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>Whether the data is a well-formed V8Host snapshot of a supported version.</summary>
    public bool IsValid() => TryRead(out _);

    internal IReadOnlyList<IReadOnlyList<SnapshotScript>> Contexts =>
        _contexts ??= TryRead(out var contexts) ? contexts : throw new InvalidOperationException("The startup data is not a valid V8Host snapshot.");

    internal void CheckContextIndex(int index)
    {
        if ((uint)index >= (uint)Contexts.Count)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The snapshot holds {Contexts.Count} context(s).");
    }

    internal static StartupData Create(IReadOnlyList<IReadOnlyList<SnapshotScript>> contexts)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(s_magic);
            writer.Write(FormatVersion);
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

        return new StartupData(stream.ToArray());
    }

    private bool TryRead(out IReadOnlyList<IReadOnlyList<SnapshotScript>> contexts)
    {
        contexts = Array.Empty<IReadOnlyList<SnapshotScript>>();
        try
        {
            using var reader = new BinaryReader(new MemoryStream(_bytes, writable: false), Encoding.UTF8);
            if (!reader.ReadBytes(s_magic.Length).AsSpan().SequenceEqual(s_magic) || reader.ReadByte() != FormatVersion)
                return false;
            var remaining = () => _bytes.Length - reader.BaseStream.Position;
            var contextCount = reader.ReadInt32();
            if (contextCount < 0 || contextCount > remaining())
                return false;
            var result = new List<IReadOnlyList<SnapshotScript>>(contextCount);
            for (var c = 0; c < contextCount; c++)
            {
                var scriptCount = reader.ReadInt32();
                if (scriptCount < 0 || scriptCount > remaining())
                    return false;
                var scripts = new List<SnapshotScript>(scriptCount);
                for (var s = 0; s < scriptCount; s++)
                {
                    var name = reader.ReadString();
                    var source = reader.ReadString();
                    var cacheLength = reader.ReadInt32();
                    if (cacheLength < 0 || cacheLength > remaining())
                        return false;
                    scripts.Add(new SnapshotScript(name, source, reader.ReadBytes(cacheLength)));
                }

                result.Add(scripts);
            }

            if (reader.BaseStream.Position != _bytes.Length)
                return false;
            contexts = result;
            return true;
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or DecoderFallbackException or FormatException)
        {
            return false;
        }
    }
}

/// <summary>One script of a snapshot context, with its V8 code cache.</summary>
internal sealed record SnapshotScript(string Name, string Source, byte[] CodeCache);
