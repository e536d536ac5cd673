using V8Host.Engine;

namespace V8Host;

/// <summary>One import a <see cref="WasmModule"/> needs: <c>module.name</c>, what it is, and its type.</summary>
public sealed class WasmImportDescriptor
{
    internal WasmImportDescriptor(string module, string name, WasmExternType type)
    {
        Module = module;
        Name = name;
        Type = type;
    }

    /// <summary>The import's module name (the first level of the import object, such as <c>env</c>).</summary>
    public string Module { get; }

    /// <summary>The import's name within its module.</summary>
    public string Name { get; }

    /// <summary>Whether a function, memory, table, global or tag is expected.</summary>
    public WasmExternKind Kind => Type.Kind;

    /// <summary>
    /// The type as text: <c>(i32, i32) -> i32</c> for a function (<c>() -> ()</c> without parameters or
    /// results), <c>mut i64</c> or <c>f32</c> for a global, <c>pages 1..16</c> (or <c>pages 1..</c>
    /// without a maximum; <c>i64</c> and <c>shared</c> in front for 64-bit and shared memories) for a
    /// memory, <c>funcref 1..</c> for a table. <see langword="null"/> when V8Host could not read the
    /// module's type information (a module using proposals it does not know); the names and kinds still hold.
    /// </summary>
    public string? Signature => Type.Signature;

    internal WasmExternType Type { get; }

    /// <summary><c>module.name: kind signature</c>.</summary>
    public override string ToString() => $"{Module}.{Name}: {Kind.ToString().ToLowerInvariant()} {Signature ?? "?"}";
}
