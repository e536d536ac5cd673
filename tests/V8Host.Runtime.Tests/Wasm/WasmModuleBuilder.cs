using System.Text;

namespace V8Host.Tests.Wasm;

/// <summary>
/// Writes WebAssembly binaries by hand for the tests (no wasm toolchain is installed): types,
/// imports, functions, tables, memories, globals, exports, a start function, code and data. Imports
/// must be added before the functions, memories and globals they precede in the index spaces.
/// </summary>
internal sealed class WasmModuleBuilder
{
    public const byte I32 = 0x7f;
    public const byte I64 = 0x7e;
    public const byte F32 = 0x7d;
    public const byte F64 = 0x7c;
    public const byte V128 = 0x7b;
    public const byte FuncRef = 0x70;
    public const byte ExternRef = 0x6f;

    private readonly List<(byte[] Parameters, byte[] Results)> _types = new();
    private readonly List<byte[]> _imports = new();
    private readonly List<int> _functions = new();
    private readonly List<byte[]> _bodies = new();
    private readonly List<byte[]> _tables = new();
    private readonly List<byte[]> _memories = new();
    private readonly List<byte[]> _globals = new();
    private readonly List<byte[]> _exports = new();
    private readonly List<byte[]> _data = new();
    private int _importedFunctions;
    private int _importedMemories;
    private int _importedGlobals;
    private int _importedTables;
    private int? _start;

    public int AddType(byte[] parameters, byte[] results)
    {
        for (var i = 0; i < _types.Count; i++)
        {
            if (_types[i].Parameters.AsSpan().SequenceEqual(parameters) && _types[i].Results.AsSpan().SequenceEqual(results))
                return i;
        }

        _types.Add((parameters, results));
        return _types.Count - 1;
    }

    public int ImportFunction(string module, string name, byte[] parameters, byte[] results)
    {
        if (_functions.Count > 0)
            throw new InvalidOperationException("Import functions before defining any.");
        _imports.Add([.. Name(module), .. Name(name), 0, .. U32((uint)AddType(parameters, results))]);
        return _importedFunctions++;
    }

    public int ImportMemory(string module, string name, uint initial, uint? maximum = null)
    {
        _imports.Add([.. Name(module), .. Name(name), 2, .. Limits(initial, maximum)]);
        return _importedMemories++;
    }

    public int ImportGlobal(string module, string name, byte type, bool mutable)
    {
        _imports.Add([.. Name(module), .. Name(name), 3, type, (byte)(mutable ? 1 : 0)]);
        return _importedGlobals++;
    }

    public int ImportTable(string module, string name, uint initial)
    {
        _imports.Add([.. Name(module), .. Name(name), 1, FuncRef, .. Limits(initial, null)]);
        return _importedTables++;
    }

    /// <summary>Defines a function; <paramref name="body"/> is its instructions without the final <c>end</c>.</summary>
    public int AddFunction(byte[] parameters, byte[] results, byte[] body, string? export = null, byte[]? locals = null)
    {
        _functions.Add(AddType(parameters, results));
        var localDeclarations = new List<byte>();
        locals ??= [];
        localDeclarations.AddRange(U32((uint)locals.Length));
        foreach (var local in locals)
        {
            localDeclarations.AddRange(U32(1));
            localDeclarations.Add(local);
        }

        byte[] code = [.. localDeclarations, .. body, Op.End];
        _bodies.Add([.. U32((uint)code.Length), .. code]);
        var index = _importedFunctions + _functions.Count - 1;
        if (export is not null)
            Export(export, 0, index);
        return index;
    }

    public int AddMemory(uint initial, uint? maximum = null, string? export = null)
    {
        _memories.Add(Limits(initial, maximum));
        var index = _importedMemories + _memories.Count - 1;
        if (export is not null)
            Export(export, 2, index);
        return index;
    }

    public void AddTable(uint initial, string? export = null)
    {
        _tables.Add([FuncRef, .. Limits(initial, null)]);
        if (export is not null)
            Export(export, 1, _importedTables + _tables.Count - 1);
    }

    /// <summary>Defines a global; <paramref name="initializer"/> is a constant instruction (<see cref="Op.I32Const"/> …) without the <c>end</c>.</summary>
    public int AddGlobal(byte type, bool mutable, byte[] initializer, string? export = null)
    {
        _globals.Add([type, (byte)(mutable ? 1 : 0), .. initializer, Op.End]);
        var index = _importedGlobals + _globals.Count - 1;
        if (export is not null)
            Export(export, 3, index);
        return index;
    }

    public void AddData(int offset, byte[] bytes) =>
        _data.Add([0, .. Op.I32Const(offset), Op.End, .. U32((uint)bytes.Length), .. bytes]);

    public void Export(string name, byte kind, int index) => _exports.Add([.. Name(name), kind, .. U32((uint)index)]);

    public void SetStart(int function) => _start = function;

    public byte[] Build()
    {
        var module = new List<byte> { 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00 };
        Section(module, 1, _types.Select(t => (byte[])[0x60, .. U32((uint)t.Parameters.Length), .. t.Parameters, .. U32((uint)t.Results.Length), .. t.Results]).ToList());
        Section(module, 2, _imports);
        Section(module, 3, _functions.Select(f => U32((uint)f)).ToList());
        Section(module, 4, _tables);
        Section(module, 5, _memories);
        Section(module, 6, _globals);
        Section(module, 7, _exports);
        if (_start is { } start)
            RawSection(module, 8, U32((uint)start));
        Section(module, 10, _bodies);
        Section(module, 11, _data);
        return module.ToArray();
    }

    private static void Section(List<byte> module, byte id, List<byte[]> entries)
    {
        if (entries.Count == 0)
            return;
        RawSection(module, id, [.. U32((uint)entries.Count), .. entries.SelectMany(e => e)]);
    }

    private static void RawSection(List<byte> module, byte id, byte[] contents)
    {
        module.Add(id);
        module.AddRange(U32((uint)contents.Length));
        module.AddRange(contents);
    }

    private static byte[] Limits(uint initial, uint? maximum) =>
        maximum is { } max ? [1, .. U32(initial), .. U32(max)] : [0, .. U32(initial)];

    public static byte[] Name(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        return [.. U32((uint)bytes.Length), .. bytes];
    }

    public static byte[] U32(uint value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            if (value != 0)
                b |= 0x80;
            bytes.Add(b);
        }
        while (value != 0);
        return bytes.ToArray();
    }

    public static byte[] S64(long value)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            var done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            if (!done)
                b |= 0x80;
            bytes.Add(b);
            if (done)
                return bytes.ToArray();
        }
    }
}

/// <summary>The few instructions the tests use, as bytes.</summary>
internal static class Op
{
    public const byte Unreachable = 0x00;
    public const byte Nop = 0x01;
    public const byte End = 0x0b;
    public const byte Drop = 0x1a;
    public const byte I32Add = 0x6a;
    public const byte I32Sub = 0x6b;
    public const byte I32Mul = 0x6c;
    public const byte I32DivS = 0x6d;
    public const byte I64Add = 0x7c;
    public const byte I64Mul = 0x7e;
    public const byte F32Add = 0x92;
    public const byte F64Add = 0xa0;
    public const byte F64Mul = 0xa2;

    public static byte[] Loop => [0x03, 0x40];

    public static byte[] Br(uint depth) => [0x0c, .. WasmModuleBuilder.U32(depth)];

    public static byte[] LocalGet(uint index) => [0x20, .. WasmModuleBuilder.U32(index)];

    public static byte[] GlobalGet(uint index) => [0x23, .. WasmModuleBuilder.U32(index)];

    public static byte[] GlobalSet(uint index) => [0x24, .. WasmModuleBuilder.U32(index)];

    public static byte[] Call(int function) => [0x10, .. WasmModuleBuilder.U32((uint)function)];

    public static byte[] I32Const(int value) => [0x41, .. WasmModuleBuilder.S64(value)];

    public static byte[] I64Const(long value) => [0x42, .. WasmModuleBuilder.S64(value)];

    public static byte[] F32Const(float value) => [0x43, .. BitConverter.GetBytes(value)];

    public static byte[] F64Const(double value) => [0x44, .. BitConverter.GetBytes(value)];

    public static byte[] I32Load(uint offset = 0) => [0x28, 0x02, .. WasmModuleBuilder.U32(offset)];

    public static byte[] I32Store(uint offset = 0) => [0x36, 0x02, .. WasmModuleBuilder.U32(offset)];

    public static byte[] MemorySize => [0x3f, 0x00];

    public static byte[] MemoryGrow => [0x40, 0x00];

    public static byte[] Code(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
