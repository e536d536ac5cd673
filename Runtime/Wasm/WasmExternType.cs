namespace V8Host.Engine;

/// <summary>
/// The type of an import or export as the C# reader found it: the signature text, and for functions
/// and globals the types that typed delegates and <see cref="WasmGlobal"/> are checked against.
/// <see cref="Signature"/> is null when the reader could not read the module (V8 accepted it, so the
/// names and kinds still come from V8).
/// </summary>
internal sealed record WasmExternType(WasmExternKind Kind, string? Signature, WasmFunctionType? Function = null, WasmValueType? Value = null, bool Mutable = false);
