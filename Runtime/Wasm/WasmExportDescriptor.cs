using V8Host.Engine;

namespace V8Host;

/// <summary>One export of a <see cref="WasmModule"/>: its name, what it is, and its type.</summary>
public sealed class WasmExportDescriptor
{
    internal WasmExportDescriptor(string name, WasmExternType type)
    {
        Name = name;
        Type = type;
    }

    /// <summary>The export's name (a property of <see cref="WasmInstance.Exports"/>).</summary>
    public string Name { get; }

    /// <summary>Whether it is a function, memory, table, global or tag.</summary>
    public WasmExternKind Kind => Type.Kind;

    /// <summary>The type as text, as <see cref="WasmImportDescriptor.Signature"/> describes it; <see langword="null"/> when V8Host could not read it.</summary>
    public string? Signature => Type.Signature;

    internal WasmExternType Type { get; }

    /// <summary><c>name: kind signature</c>.</summary>
    public override string ToString() => $"{Name}: {Kind.ToString().ToLowerInvariant()} {Signature ?? "?"}";
}
