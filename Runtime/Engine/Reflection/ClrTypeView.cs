using System.Collections;
using System.Numerics;
using System.Reflection;

namespace V8Host.Engine.Reflection;

/// <summary>A <see cref="Type"/> (with its nullability, where C# recorded one) as the shared binding rules see it.</summary>
internal sealed class ClrTypeView : ITypeView
{
    private static readonly Dictionary<Type, WellKnownType> s_known = new()
    {
        [typeof(void)] = WellKnownType.Void,
        [typeof(object)] = WellKnownType.Object,
        [typeof(bool)] = WellKnownType.Boolean,
        [typeof(char)] = WellKnownType.Char,
        [typeof(sbyte)] = WellKnownType.SByte,
        [typeof(byte)] = WellKnownType.Byte,
        [typeof(short)] = WellKnownType.Int16,
        [typeof(ushort)] = WellKnownType.UInt16,
        [typeof(int)] = WellKnownType.Int32,
        [typeof(uint)] = WellKnownType.UInt32,
        [typeof(long)] = WellKnownType.Int64,
        [typeof(ulong)] = WellKnownType.UInt64,
        [typeof(nint)] = WellKnownType.IntPtr,
        [typeof(nuint)] = WellKnownType.UIntPtr,
        [typeof(Half)] = WellKnownType.Half,
        [typeof(float)] = WellKnownType.Single,
        [typeof(double)] = WellKnownType.Double,
        [typeof(decimal)] = WellKnownType.Decimal,
        [typeof(string)] = WellKnownType.String,
        [typeof(DateTime)] = WellKnownType.DateTime,
        [typeof(DateTimeOffset)] = WellKnownType.DateTimeOffset,
        [typeof(DateOnly)] = WellKnownType.DateOnly,
        [typeof(TimeOnly)] = WellKnownType.TimeOnly,
        [typeof(TimeSpan)] = WellKnownType.TimeSpan,
        [typeof(Guid)] = WellKnownType.Guid,
        [typeof(Uri)] = WellKnownType.Uri,
        [typeof(BigInteger)] = WellKnownType.BigInteger,
        [typeof(Task)] = WellKnownType.Task,
        [typeof(ValueTask)] = WellKnownType.ValueTask,
        [typeof(CancellationToken)] = WellKnownType.CancellationToken,
        [typeof(Context)] = WellKnownType.Context,
        [typeof(JsHandle)] = WellKnownType.JsHandle,
        [typeof(JsObject)] = WellKnownType.JsObject,
        [typeof(JsArray)] = WellKnownType.JsArray,
        [typeof(JsFunction)] = WellKnownType.JsFunction,
        [typeof(JsPromise)] = WellKnownType.JsPromise,
        [typeof(JsArrayBuffer)] = WellKnownType.JsArrayBuffer,
        [typeof(JsTypedArray)] = WellKnownType.JsTypedArray,
        [typeof(JsUndefined)] = WellKnownType.JsUndefined,
        [typeof(Stream)] = WellKnownType.Stream,
        [typeof(Nullable<>)] = WellKnownType.NullableOfT,
        [typeof(Task<>)] = WellKnownType.TaskOfT,
        [typeof(ValueTask<>)] = WellKnownType.ValueTaskOfT,
        [typeof(Memory<>)] = WellKnownType.MemoryOfT,
        [typeof(ReadOnlyMemory<>)] = WellKnownType.ReadOnlyMemoryOfT,
        [typeof(List<>)] = WellKnownType.ListOfT,
        [typeof(IList<>)] = WellKnownType.IListOfT,
        [typeof(ICollection<>)] = WellKnownType.ICollectionOfT,
        [typeof(IEnumerable<>)] = WellKnownType.IEnumerableOfT,
        [typeof(IReadOnlyList<>)] = WellKnownType.IReadOnlyListOfT,
        [typeof(IReadOnlyCollection<>)] = WellKnownType.IReadOnlyCollectionOfT,
        [typeof(HashSet<>)] = WellKnownType.HashSetOfT,
        [typeof(ISet<>)] = WellKnownType.ISetOfT,
        [typeof(IReadOnlySet<>)] = WellKnownType.IReadOnlySetOfT,
        [typeof(Dictionary<,>)] = WellKnownType.DictionaryOfTKeyTValue,
        [typeof(IDictionary<,>)] = WellKnownType.IDictionaryOfTKeyTValue,
        [typeof(IReadOnlyDictionary<,>)] = WellKnownType.IReadOnlyDictionaryOfTKeyTValue,
        [typeof(ValueTuple<>)] = WellKnownType.ValueTuple,
        [typeof(ValueTuple<,>)] = WellKnownType.ValueTuple,
        [typeof(ValueTuple<,,>)] = WellKnownType.ValueTuple,
        [typeof(ValueTuple<,,,>)] = WellKnownType.ValueTuple,
        [typeof(ValueTuple<,,,,>)] = WellKnownType.ValueTuple,
        [typeof(ValueTuple<,,,,,>)] = WellKnownType.ValueTuple,
        [typeof(ValueTuple<,,,,,,>)] = WellKnownType.ValueTuple,
        [typeof(ValueTuple<,,,,,,,>)] = WellKnownType.ValueTuple,
    };

    private static readonly Dictionary<string, Type> s_attributes = new()
    {
        [BindingContract.HostClassAttribute] = typeof(HostClassAttribute),
        [BindingContract.HostEnumAsStringAttribute] = typeof(HostEnumAsStringAttribute),
        [BindingContract.HostDataAttribute] = typeof(HostDataAttribute),
    };

    private readonly NullabilityInfo? _nullability;

    /// <param name="nullability">What C# recorded about nullability (null: unknown, so reference types accept null).</param>
    public ClrTypeView(Type type, NullabilityInfo? nullability)
    {
        Type = type;
        _nullability = nullability;
        Known = Identify(type);
    }

    public Type Type { get; }

    public WellKnownType Known { get; }

    public TypeShape Shape => Type switch
    {
        { IsArray: true } => TypeShape.Array,
        { IsGenericParameter: true } => TypeShape.TypeParameter,
        { IsPointer: true } or { IsFunctionPointer: true } => TypeShape.Pointer,
        { IsEnum: true } => TypeShape.Enum,
        _ when typeof(Delegate).IsAssignableFrom(Type) => TypeShape.Delegate,
        { IsInterface: true } => TypeShape.Interface,
        { IsValueType: true } => TypeShape.Struct,
        _ => TypeShape.Class,
    };

    public IReadOnlyList<ITypeView> TypeArguments
    {
        get
        {
            if (!Type.IsGenericType)
                return Array.Empty<ITypeView>();
            var arguments = Type.GetGenericArguments();
            var infos = _nullability?.GenericTypeArguments;
            var views = arguments.Select((argument, i) => (ITypeView)new ClrTypeView(argument, infos is not null && i < infos.Length ? infos[i] : null)).ToList();
            // A tuple of eight or more nests the rest in its last argument; C# (and the table) sees one flat tuple.
            if (Known == WellKnownType.ValueTuple && arguments.Length == 8)
                views = views.Take(7).Concat(views[7].TypeArguments).ToList();
            return views;
        }
    }

    public ITypeView? ElementType => Type.IsArray ? new ClrTypeView(Type.GetElementType()!, _nullability?.ElementType) : null;

    public int ArrayRank => Type.IsArray ? Type.GetArrayRank() : 0;

    /// <summary>A reference type C# declared nullable, or whose nullability is unknown (oblivious code accepts null).</summary>
    public bool IsNullableAnnotated => !Type.IsValueType && (_nullability is null || _nullability.ReadState != NullabilityState.NotNull);

    public bool IsAbstract => Type.IsAbstract;

    public bool IsGeneric => Type.IsGenericType || Type.ContainsGenericParameters;

    public bool IsEnumerable => typeof(IEnumerable).IsAssignableFrom(Type);

    public string Name => Type.IsGenericType ? Type.Name[..Type.Name.IndexOf('`')] : Type.Name;

    public string? Namespace => Type.Namespace;

    public string DisplayName => Display(Type);

    /// <summary>The message spelling both paths share.</summary>
    public static string Describe(Type type, NullabilityInfo? nullability = null) => TypeDisplay.Of(new ClrTypeView(type, nullability));

    public bool HasAttribute(string attributeFullName) =>
        s_attributes.TryGetValue(attributeFullName, out var attribute)
            ? Type.IsDefined(attribute, inherit: false)
            : Type.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == attributeFullName);

    public string? AttributeName(string attributeFullName) => attributeFullName == BindingContract.HostClassAttribute ? Type.GetCustomAttribute<HostClassAttribute>()?.Name : null;

    public IReadOnlyList<string> EnumMemberNames => Type.IsEnum ? Type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name).ToList() : Array.Empty<string>();

    public IReadOnlyList<KeyValuePair<string, ITypeView>> DelegateParameters =>
        Type.GetMethod("Invoke") is { } invoke && Shape == TypeShape.Delegate
            ? invoke.GetParameters().Select(p => new KeyValuePair<string, ITypeView>(p.Name ?? "arg", new ClrTypeView(p.ParameterType, null))).ToList()
            : Array.Empty<KeyValuePair<string, ITypeView>>();

    public ITypeView? DelegateReturn => Type.GetMethod("Invoke") is { ReturnType: var returned } && returned != typeof(void) && Shape == TypeShape.Delegate ? new ClrTypeView(returned, null) : null;

    /// <summary>C#'s spelling of a type, for messages (<c>List&lt;Order&gt;</c>, <c>int?</c>).</summary>
    public static string Display(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner)
            return Display(inner) + "?";
        if (type.IsArray)
            return Display(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (type.IsByRef)
            return Display(type.GetElementType()!);
        if (type.IsPointer)
            return Display(type.GetElementType()!) + "*";
        if (!type.IsGenericType)
            return Keyword(type) ?? type.Name;
        return type.Name[..type.Name.IndexOf('`')] + "<" + string.Join(", ", type.GetGenericArguments().Select(Display)) + ">";
    }

    private static string? Keyword(Type type) => type.IsEnum ? null : Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => "bool",
        TypeCode.Char => "char",
        TypeCode.SByte => "sbyte",
        TypeCode.Byte => "byte",
        TypeCode.Int16 => "short",
        TypeCode.UInt16 => "ushort",
        TypeCode.Int32 => "int",
        TypeCode.UInt32 => "uint",
        TypeCode.Int64 => "long",
        TypeCode.UInt64 => "ulong",
        TypeCode.Single => "float",
        TypeCode.Double => "double",
        TypeCode.Decimal => "decimal",
        TypeCode.String => "string",
        _ when type == typeof(object) => "object",
        _ when type == typeof(void) => "void",
        _ => null,
    };

    private static WellKnownType Identify(Type type)
    {
        if (s_known.TryGetValue(type, out var known))
            return known;
        return type.IsGenericType && s_known.TryGetValue(type.GetGenericTypeDefinition(), out var definition) ? definition : WellKnownType.None;
    }
}
