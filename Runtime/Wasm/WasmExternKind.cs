namespace V8Host;

/// <summary>What a WebAssembly import or export is.</summary>
public enum WasmExternKind
{
    /// <summary>A function.</summary>
    Function,

    /// <summary>A table of references (functions or host values).</summary>
    Table,

    /// <summary>A linear memory.</summary>
    Memory,

    /// <summary>A global variable.</summary>
    Global,

    /// <summary>An exception tag (the exception-handling proposal).</summary>
    Tag,
}
