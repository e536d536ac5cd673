namespace V8Host.Engine;

/// <summary>The numeric kinds .NET can exchange with wasm; everything else is a reference or a vector.</summary>
internal enum WasmValueKind
{
    I32,
    I64,
    F32,
    F64,
    V128,
    Reference,
}

/// <summary>A WebAssembly value type as the binary declares it, with its text form (<c>i32</c>, <c>externref</c>, <c>(ref null 3)</c>).</summary>
internal readonly record struct WasmValueType(WasmValueKind Kind, string Text)
{
    public static readonly WasmValueType I32 = new(WasmValueKind.I32, "i32");
    public static readonly WasmValueType I64 = new(WasmValueKind.I64, "i64");
    public static readonly WasmValueType F32 = new(WasmValueKind.F32, "f32");
    public static readonly WasmValueType F64 = new(WasmValueKind.F64, "f64");
    public static readonly WasmValueType V128 = new(WasmValueKind.V128, "v128");

    /// <summary>The .NET type that carries this value across (int, long, float, double), or null for vectors and references.</summary>
    public Type? ClrType => Kind switch
    {
        WasmValueKind.I32 => typeof(int),
        WasmValueKind.I64 => typeof(long),
        WasmValueKind.F32 => typeof(float),
        WasmValueKind.F64 => typeof(double),
        _ => null,
    };

    /// <summary>The wasm text of a .NET type that carries a value (<c>int</c> → <c>i32</c>), or the .NET type's name.</summary>
    public static string TextOf(Type type) =>
        type == typeof(int) ? "i32" : type == typeof(long) ? "i64" : type == typeof(float) ? "f32" : type == typeof(double) ? "f64" : type.Name;

    public override string ToString() => Text;
}
