namespace V8Host.Engine;

/// <summary>
/// Reads the type information out of a wasm binary: the type, import, function, table, memory,
/// global, export and tag sections (V8's <c>WebAssembly.Module.imports/exports</c> give names and
/// kinds but no signatures). Other sections are skipped by their size. Any malformed input throws
/// <see cref="WasmFormatException"/>; nothing is trusted, every count and index is checked.
/// </summary>
internal static class WasmBinary
{
    private const int MaxEntries = 1_000_000; // V8's own limits are lower (kV8MaxWasmTypes and friends)

    public static (IReadOnlyList<WasmImportDescriptor> Imports, IReadOnlyList<WasmExportDescriptor> Exports) Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new WasmReader(bytes);
        var magic = reader.Bytes(4, "the module header");
        if (magic[0] != 0x00 || magic[1] != 0x61 || magic[2] != 0x73 || magic[3] != 0x6d)
            throw new WasmFormatException("expected magic word 00 61 73 6d", 0);
        var version = reader.Bytes(4, "the module header");
        if (version[0] != 1 || version[1] != 0 || version[2] != 0 || version[3] != 0)
            throw new WasmFormatException("expected version 01 00 00 00", 4);

        var types = new List<WasmFunctionType?>();
        var imports = new List<WasmImportDescriptor>();
        var functions = new List<WasmFunctionType>();
        var tables = new List<WasmExternType>();
        var memories = new List<WasmExternType>();
        var globals = new List<WasmExternType>();
        var tags = new List<WasmExternType>();
        var exports = new List<WasmExportDescriptor>();

        while (!reader.AtEnd)
        {
            var id = reader.Byte("a section id");
            var size = reader.U32("a section size");
            var section = reader.Slice(size, "a section");
            switch (id)
            {
                case 1:
                    ReadTypes(ref section, types);
                    break;
                case 2:
                    ReadImports(ref section, types, imports, functions, tables, memories, globals, tags);
                    break;
                case 3:
                    for (var count = Count(ref section, "the function section"); count > 0; count--)
                        functions.Add(FunctionType(types, section.U32("a function's type index"), ref section));
                    break;
                case 4:
                    for (var count = Count(ref section, "the table section"); count > 0; count--)
                        tables.Add(ReadTable(ref section, withInitializer: true));
                    break;
                case 5:
                    for (var count = Count(ref section, "the memory section"); count > 0; count--)
                        memories.Add(new WasmExternType(WasmExternKind.Memory, Limits(ref section, "memory", isMemory: true)));
                    break;
                case 6:
                    for (var count = Count(ref section, "the global section"); count > 0; count--)
                    {
                        globals.Add(ReadGlobalType(ref section));
                        SkipConstantExpression(ref section);
                    }

                    break;
                case 7:
                    for (var count = Count(ref section, "the export section"); count > 0; count--)
                        exports.Add(ReadExport(ref section, functions, tables, memories, globals, tags));
                    break;
                case 13:
                    for (var count = Count(ref section, "the tag section"); count > 0; count--)
                        tags.Add(ReadTag(ref section, types));
                    break;
                default:
                    // Custom sections (0), start, element, code, data, data count and anything newer carry no import or export types.
                    continue;
            }

            if (!section.AtEnd)
                throw section.Fail($"section {id} is longer than its contents");
        }

        return (imports, exports);
    }

    private static int Count(ref WasmReader reader, string what)
    {
        var count = reader.U32(what);
        if (count > MaxEntries)
            throw reader.Fail($"{what}: too many entries ({count})");
        return (int)count;
    }

    private static void ReadTypes(ref WasmReader reader, List<WasmFunctionType?> types)
    {
        for (var count = Count(ref reader, "the type section"); count > 0; count--)
        {
            // A recursion group (the GC proposal) holds several subtypes; each takes one type index.
            if (reader.Peek("a type") == 0x4e)
            {
                reader.Byte("a type");
                for (var members = Count(ref reader, "a recursion group"); members > 0; members--)
                    types.Add(ReadSubType(ref reader));
            }
            else
            {
                types.Add(ReadSubType(ref reader));
            }

            if (types.Count > MaxEntries)
                throw reader.Fail("the type section: too many types");
        }
    }

    /// <summary>A function type, or null for the GC proposal's struct and array types.</summary>
    private static WasmFunctionType? ReadSubType(ref WasmReader reader)
    {
        var form = reader.Byte("a type");
        if (form is 0x50 or 0x4f)
        {
            for (var supertypes = Count(ref reader, "a subtype's supertypes"); supertypes > 0; supertypes--)
                reader.U32("a supertype index");
            form = reader.Byte("a type");
        }

        switch (form)
        {
            case 0x60:
                var parameters = ReadValueTypes(ref reader, "a function type's parameters");
                var results = ReadValueTypes(ref reader, "a function type's results");
                return new WasmFunctionType(parameters, results);
            case 0x5f:
                for (var fields = Count(ref reader, "a struct type"); fields > 0; fields--)
                    ReadFieldType(ref reader);
                return null;
            case 0x5e:
                ReadFieldType(ref reader);
                return null;
            default:
                throw new WasmFormatException($"unknown type form 0x{form:x2}", reader.Position - 1);
        }
    }

    private static void ReadFieldType(ref WasmReader reader)
    {
        // Packed storage types exist only in fields.
        if (reader.Peek("a field type") is 0x78 or 0x77)
            reader.Byte("a field type");
        else
            ReadValueType(ref reader);
        if (reader.Byte("a field's mutability") > 1)
            throw reader.Fail("invalid mutability");
    }

    private static List<WasmValueType> ReadValueTypes(ref WasmReader reader, string what)
    {
        var count = Count(ref reader, what);
        var types = new List<WasmValueType>(Math.Min(count, 1024));
        for (var i = 0; i < count; i++)
            types.Add(ReadValueType(ref reader));
        return types;
    }

    private static WasmValueType ReadValueType(ref WasmReader reader)
    {
        var code = reader.Byte("a value type");
        switch (code)
        {
            case 0x7f: return WasmValueType.I32;
            case 0x7e: return WasmValueType.I64;
            case 0x7d: return WasmValueType.F32;
            case 0x7c: return WasmValueType.F64;
            case 0x7b: return WasmValueType.V128;
            case 0x64:
            case 0x63:
                var heap = ReadHeapType(ref reader);
                return new WasmValueType(WasmValueKind.Reference, code == 0x63 ? $"(ref null {heap})" : $"(ref {heap})");
        }

        if (AbstractHeapType(code) is { } name)
            return new WasmValueType(WasmValueKind.Reference, name + "ref");
        throw new WasmFormatException($"unknown value type 0x{code:x2}", reader.Position - 1);
    }

    /// <summary>An abstract heap type's short name (func, extern, any …) or a type index.</summary>
    private static string ReadHeapType(ref WasmReader reader)
    {
        var first = reader.Peek("a heap type");
        if (AbstractHeapType(first) is { } name)
        {
            reader.Byte("a heap type");
            return name;
        }

        // A type index is a non-negative s33; below 2^31 its LEB128 reads the same as an unsigned one.
        return reader.U32("a heap type").ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? AbstractHeapType(byte code) => code switch
    {
        0x70 => "func",
        0x6f => "extern",
        0x6e => "any",
        0x6d => "eq",
        0x6c => "i31",
        0x6b => "struct",
        0x6a => "array",
        0x69 => "exn",
        0x71 => "none",
        0x72 => "noextern",
        0x73 => "nofunc",
        0x74 => "noexn",
        _ => null,
    };

    private static WasmFunctionType FunctionType(List<WasmFunctionType?> types, uint index, ref WasmReader reader)
    {
        if (index >= types.Count)
            throw reader.Fail($"type index {index} is out of range ({types.Count} types)");
        return types[(int)index] ?? throw reader.Fail($"type {index} is not a function type");
    }

    private static void ReadImports(
        ref WasmReader reader,
        List<WasmFunctionType?> types,
        List<WasmImportDescriptor> imports,
        List<WasmFunctionType> functions,
        List<WasmExternType> tables,
        List<WasmExternType> memories,
        List<WasmExternType> globals,
        List<WasmExternType> tags)
    {
        for (var count = Count(ref reader, "the import section"); count > 0; count--)
        {
            var module = reader.Name("an import's module name");
            var name = reader.Name("an import's name");
            var kind = reader.Byte("an import's kind");
            WasmExternType type;
            switch (kind)
            {
                case 0:
                    var function = FunctionType(types, reader.U32("an imported function's type index"), ref reader);
                    functions.Add(function);
                    type = new WasmExternType(WasmExternKind.Function, function.ToString(), function);
                    break;
                case 1:
                    type = ReadTable(ref reader, withInitializer: false);
                    tables.Add(type);
                    break;
                case 2:
                    type = new WasmExternType(WasmExternKind.Memory, Limits(ref reader, "memory", isMemory: true));
                    memories.Add(type);
                    break;
                case 3:
                    type = ReadGlobalType(ref reader);
                    globals.Add(type);
                    break;
                case 4:
                    type = ReadTag(ref reader, types);
                    tags.Add(type);
                    break;
                default:
                    throw new WasmFormatException($"unknown import kind 0x{kind:x2}", reader.Position - 1);
            }

            imports.Add(new WasmImportDescriptor(module, name, type));
        }
    }

    private static WasmExternType ReadTable(ref WasmReader reader, bool withInitializer)
    {
        // A table with an initializer expression starts with 0x40 0x00 (the function-references proposal).
        var initialized = withInitializer && reader.Peek("a table") == 0x40;
        if (initialized)
        {
            reader.Byte("a table");
            if (reader.Byte("a table") != 0)
                throw reader.Fail("invalid table prefix");
        }

        var element = ReadValueType(ref reader);
        var limits = Limits(ref reader, "table", isMemory: false);
        if (initialized)
            SkipConstantExpression(ref reader);
        return new WasmExternType(WasmExternKind.Table, $"{element.Text} {limits}");
    }

    private static WasmExternType ReadGlobalType(ref WasmReader reader)
    {
        var value = ReadValueType(ref reader);
        var mutability = reader.Byte("a global's mutability");
        if (mutability > 1)
            throw new WasmFormatException($"invalid global mutability 0x{mutability:x2}", reader.Position - 1);
        var mutable = mutability == 1;
        return new WasmExternType(WasmExternKind.Global, mutable ? $"mut {value.Text}" : value.Text, Value: value, Mutable: mutable);
    }

    private static WasmExternType ReadTag(ref WasmReader reader, List<WasmFunctionType?> types)
    {
        if (reader.Byte("a tag's attribute") != 0)
            throw reader.Fail("invalid tag attribute");
        var function = FunctionType(types, reader.U32("a tag's type index"), ref reader);
        return new WasmExternType(WasmExternKind.Tag, function.ToString(), function);
    }

    /// <summary>Limits as text: <c>pages 1..16</c> (memories) or <c>1..16</c> (tables); no maximum prints <c>1..</c>.</summary>
    private static string Limits(ref WasmReader reader, string what, bool isMemory)
    {
        var flags = reader.Byte($"the {what}'s limits");
        // Bit 0: a maximum; bit 1: shared; bit 2: 64-bit; bit 3: a custom page size (memories).
        if (flags > (isMemory ? 0x0f : 0x05) || (!isMemory && (flags & 0x02) != 0))
            throw new WasmFormatException($"invalid {what} limits flags 0x{flags:x2}", reader.Position - 1);
        var is64 = (flags & 0x04) != 0;
        var minimum = is64 ? reader.U64($"the {what}'s minimum") : reader.U32($"the {what}'s minimum");
        ulong? maximum = (flags & 0x01) != 0 ? (is64 ? reader.U64($"the {what}'s maximum") : reader.U32($"the {what}'s maximum")) : null;
        var pageSize = string.Empty;
        if ((flags & 0x08) != 0)
        {
            var log2 = reader.U32("the memory's page size");
            if (log2 > 16)
                throw reader.Fail("invalid memory page size");
            pageSize = $" of {1u << (int)log2} bytes";
        }

        var range = $"{minimum}..{maximum}";
        if (!isMemory)
            return is64 ? $"i64 {range}" : range;
        var prefix = ((flags & 0x02) != 0 ? "shared " : string.Empty) + (is64 ? "i64 " : string.Empty);
        return $"{prefix}pages {range}{pageSize}";
    }

    private static WasmExportDescriptor ReadExport(
        ref WasmReader reader,
        List<WasmFunctionType> functions,
        List<WasmExternType> tables,
        List<WasmExternType> memories,
        List<WasmExternType> globals,
        List<WasmExternType> tags)
    {
        var name = reader.Name("an export's name");
        var kind = reader.Byte("an export's kind");
        var index = reader.U32("an export's index");
        var at = reader.Position;
        WasmExternType Pick(List<WasmExternType> space, string what) =>
            index < space.Count ? space[(int)index] : throw new WasmFormatException($"export '{name}': {what} index {index} is out of range", at);
        return kind switch
        {
            0 when index < functions.Count => new WasmExportDescriptor(name, new WasmExternType(WasmExternKind.Function, functions[(int)index].ToString(), functions[(int)index])),
            0 => throw reader.Fail($"export '{name}': function index {index} is out of range"),
            1 => new WasmExportDescriptor(name, Pick(tables, "table")),
            2 => new WasmExportDescriptor(name, Pick(memories, "memory")),
            3 => new WasmExportDescriptor(name, Pick(globals, "global")),
            4 => new WasmExportDescriptor(name, Pick(tags, "tag")),
            _ => throw new WasmFormatException($"unknown export kind 0x{kind:x2}", reader.Position - 1),
        };
    }

    /// <summary>
    /// Skips a constant expression (a global's or table's initializer) up to its <c>end</c>. Only the
    /// instructions allowed in constant expressions are known; anything else ends the reading (the
    /// caller then falls back to V8's names and kinds).
    /// </summary>
    private static void SkipConstantExpression(ref WasmReader reader)
    {
        for (var steps = 0; steps < MaxEntries; steps++)
        {
            var opcode = reader.Byte("a constant expression");
            switch (opcode)
            {
                case 0x0b: // end
                    return;
                case 0x41: // i32.const
                    reader.SkipLeb("i32.const", 5);
                    break;
                case 0x42: // i64.const
                    reader.SkipLeb("i64.const", 10);
                    break;
                case 0x43: // f32.const
                    reader.Skip(4, "f32.const");
                    break;
                case 0x44: // f64.const
                    reader.Skip(8, "f64.const");
                    break;
                case 0x23: // global.get
                case 0xd2: // ref.func
                    reader.U32("an index");
                    break;
                case 0xd0: // ref.null
                    ReadHeapType(ref reader);
                    break;
                case 0x6a or 0x6b or 0x6c or 0x7c or 0x7d or 0x7e: // extended constants: i32/i64 add, sub, mul
                    break;
                case 0xfd: // v128.const
                    if (reader.U32("a SIMD opcode") != 12)
                        throw reader.Fail("unsupported instruction in a constant expression");
                    reader.Skip(16, "v128.const");
                    break;
                case 0xfb: // GC: struct.new, array.new …, ref.i31, the extern/any conversions
                    switch (reader.U32("a GC opcode"))
                    {
                        case 0 or 1 or 6 or 7:
                            reader.U32("a type index");
                            break;
                        case 8:
                            reader.U32("a type index");
                            reader.U32("an element count");
                            break;
                        case 0x1a or 0x1b or 0x1c:
                            break;
                        default:
                            throw reader.Fail("unsupported instruction in a constant expression");
                    }

                    break;
                default:
                    throw new WasmFormatException($"unsupported instruction 0x{opcode:x2} in a constant expression", reader.Position - 1);
            }
        }

        throw reader.Fail("constant expression too long");
    }
}
