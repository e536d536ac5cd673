using System.ComponentModel;
using System.Numerics;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8.FastProxy;
using V8Host.Engine;

namespace V8Host.Binding;

/// <summary>
/// The JavaScript arguments of one host call, read by generated bindings with conversion code chosen
/// at compile time (types.md). Every getter names the member and parameter in its error: a JS
/// <c>TypeError</c> for a wrong type, a <c>RangeError</c> for an out-of-range number.
/// </summary>
/// <remarks>Used by code the V8Host source generator emits; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct HostArgs
{
    private readonly V8FastArgs _args;
    private readonly int _offset;

    // The bytes of Uint8Array arguments the glue copied into the transfer buffer, by raw index (or null).
    private readonly byte[]?[]? _stagedBytes;

    internal HostArgs(Context context, V8FastArgs args, int offset, byte[]?[]? stagedBytes = null)
    {
        Context = context;
        _args = args;
        _offset = offset;
        _stagedBytes = stagedBytes;
    }

    /// <summary>The context making the call.</summary>
    public Context Context { get; }

    /// <summary>Cancelled when the running script is terminated or the context disposed.</summary>
    public CancellationToken CancellationToken => Context.ExecutionCancellation;

    /// <summary>Number of arguments JavaScript passed.</summary>
    public int Count => _args.Count - _offset;

    /// <summary>Whether argument <paramref name="index"/> was omitted or is <c>undefined</c> (the test for optional parameters).</summary>
    public bool IsMissing(int index) => index >= Count || _args.IsUndefined(index + _offset);

    /// <summary>A boolean argument (strict: only <c>true</c>/<c>false</c>).</summary>
    public bool GetBoolean(int index, string member, string parameter) =>
        index < Count && _args.TryGet(index + _offset, out bool value) ? value : Fail<bool>(index, member, parameter);

    /// <summary>An integral number in Int32 range.</summary>
    public int GetInt32(int index, string member, string parameter) =>
        index < Count && _args.TryGet(index + _offset, out int value) ? value : Fail<int>(index, member, parameter);

    /// <summary>An integral number in Int64 range (or a bigint), exactly: 2**60 is a valid long, 2**63 is a RangeError.</summary>
    public long GetInt64(int index, string member, string parameter) =>
        index < Count && _args.TryGet(index + _offset, out long value) ? value : Fail<long>(index, member, parameter);

    /// <summary>Any number.</summary>
    public double GetDouble(int index, string member, string parameter) =>
        index < Count && _args.TryGet(index + _offset, out double value) ? value : Fail<double>(index, member, parameter);

    /// <summary>Any number, as <see cref="float"/>.</summary>
    public float GetSingle(int index, string member, string parameter) => (float)GetDouble(index, member, parameter);

    /// <summary>A string (not null or undefined).</summary>
    public string GetString(int index, string member, string parameter) =>
        index < Count && _args.TryGet(index + _offset, out string value) && value is not null ? value : Fail<string>(index, member, parameter);

    /// <summary>A string, or null for <c>null</c>/<c>undefined</c>.</summary>
    public string? GetNullableString(int index, string member, string parameter) =>
        IsMissing(index) || _args.IsNull(index + _offset) ? null : GetString(index, member, parameter);

    /// <summary>A bigint.</summary>
    public BigInteger GetBigInteger(int index, string member, string parameter) => Get<BigInteger>(index, member, parameter);

    /// <summary>
    /// Any other types.md row (small integers, decimal, char, enums, dates, nullable values, collections,
    /// byte buffers, delegates, JS handles, host-class instances), converted by the runtime.
    /// </summary>
    /// <remarks>
    /// Reference-type targets reject null (nullable ones go through <see cref="GetNullable{T}"/>);
    /// collection elements accept null only when <paramref name="nullElements"/> says their type is nullable.
    /// </remarks>
    public T Get<T>(int index, string member, string parameter, bool nullElements = false) =>
        (T)Get(index, typeof(T), member, parameter, allowNull: false, nullElements)!;

    /// <summary>Like <see cref="Get{T}"/>, but <c>null</c>/<c>undefined</c> give <see langword="null"/> (nullable reference types).</summary>
    public T? GetNullable<T>(int index, string member, string parameter, bool nullElements = false)
        where T : class =>
        IsMissing(index) || _args.IsNull(index + _offset) ? null : Get<T>(index, member, parameter, nullElements);

    /// <summary>Arguments from <paramref name="start"/> on, for a <c>params T[]</c> parameter.</summary>
    public T[] GetRest<T>(int start, string member, string parameter, bool nullElements = false) =>
        (T[])GetRest(start, typeof(T), member, parameter, nullElements);

    /// <summary>
    /// Argument <paramref name="index"/> converted to <paramref name="type"/>: what <see cref="Get{T}"/> does, for
    /// the reflection path, so both paths read arguments (and word their errors) the same way.
    /// </summary>
    internal object? Get(int index, Type type, string member, string parameter, bool allowNull, bool nullElements, bool decimalAsString = false)
    {
        // An omitted argument is "missing", whatever the type; undefined passed explicitly is a value.
        if (index >= Count && !AcceptsUndefined(type, allowNull))
            throw Missing(member, parameter, Marshaller.Describe(type));
        if (StagedBytes(index, type) is { } bytes)
            return bytes;
        return Context.Values.ToClr(Raw(index), type, Describe(member, parameter), allowNull, nullElements, decimalAsString);
    }

    /// <summary>Like <see cref="Get{T}"/>, for a <c>[HostDecimalAsString]</c> parameter: its decimals are read from strings.</summary>
    public T GetDecimalAsString<T>(int index, string member, string parameter) =>
        (T)Get(index, typeof(T), member, parameter, allowNull: Nullable.GetUnderlyingType(typeof(T)) is not null, nullElements: false, decimalAsString: true)!;

    /// <summary>The arguments from <paramref name="start"/> on as a <paramref name="elementType"/>[] (a <c>params</c> parameter).</summary>
    internal Array GetRest(int start, Type elementType, string member, string parameter, bool nullElements)
    {
        var rest = Array.CreateInstance(elementType, Math.Max(0, Count - start));
        for (var i = 0; i < rest.Length; i++)
            rest.SetValue(Context.Values.ToClr(Raw(start + i), elementType, $"{member}: argument {start + i + 1} ('{parameter}')", nullElements, nullElements), i);
        return rest;
    }

    // A byte-buffer parameter whose Uint8Array argument the glue staged: the copy, as the type wants it.
    private object? StagedBytes(int index, Type type)
    {
        if (_stagedBytes is null || index >= Count || _stagedBytes[index + _offset] is not { } bytes)
            return null;
        if (type == typeof(byte[]))
            return bytes;
        if (type == typeof(ReadOnlyMemory<byte>) || type == typeof(ReadOnlyMemory<byte>?))
            return new ReadOnlyMemory<byte>(bytes);
        if (type == typeof(Memory<byte>) || type == typeof(Memory<byte>?))
            return new Memory<byte>(bytes);
        return null;
    }

    private static bool AcceptsUndefined(Type type, bool allowNull) =>
        type == typeof(object) || type == typeof(JsUndefined) || Nullable.GetUnderlyingType(type) is not null || (allowNull && !type.IsValueType);

    /// <summary>Whether argument <paramref name="index"/> is of JS type <paramref name="kind"/>.</summary>
    public bool Is(int index, JsValueKind kind) => kind switch
    {
        JsValueKind.Any => true,
        JsValueKind.Boolean => Raw(index) is bool,
        JsValueKind.Number => Raw(index) is double or int or long or float,
        JsValueKind.String => Raw(index) is string,
        JsValueKind.BigInt => Raw(index) is BigInteger,
        JsValueKind.Array => Raw(index) is IJavaScriptObject { Kind: JavaScriptObjectKind.Array },
        JsValueKind.Function => Raw(index) is IJavaScriptObject { Kind: JavaScriptObjectKind.Function },
        JsValueKind.Object => Raw(index) switch
        {
            IJavaScriptObject { Kind: JavaScriptObjectKind.Array or JavaScriptObjectKind.Function } => false,
            ScriptObject or DateTime => true,
            _ => false,
        },
        _ => false,
    };

    /// <summary>The error for a call whose argument count matches no overload.</summary>
    public Exception ArityError(string member, string expected) =>
        new ConversionException(JsErrorKind.TypeError, $"{member} takes {expected} argument(s); got {Count}.");

    /// <summary>The error for a call whose argument types match none of the overloads of its arity.</summary>
    public Exception OverloadError(string member, string signatures)
    {
        var got = new string[Count];
        for (var i = 0; i < got.Length; i++)
            got[i] = Marshaller.DescribeValue(Raw(i));
        return new ConversionException(JsErrorKind.TypeError, $"{member} expects {signatures}; got ({string.Join(", ", got)}).");
    }

    /// <summary>The error for a required argument that was not passed.</summary>
    public Exception Missing(string member, string parameter, string expected) =>
        new ConversionException(JsErrorKind.TypeError, $"{member}: missing argument '{parameter}' ({expected}).");

    internal object? Raw(int index) => index < Count ? _args.Get<object>(index + _offset) : Microsoft.ClearScript.Undefined.Value;

    // The fast read declined: the slow path either converts the value exactly (2**60 into a long,
    // a bigint in range) or phrases the error, knowing whether it is a type or a range problem.
    private T Fail<T>(int index, string member, string parameter)
    {
        if (index >= Count)
            throw Missing(member, parameter, Marshaller.Describe(typeof(T)));
        return (T)Context.Values.ToClr(Raw(index), typeof(T), Describe(member, parameter), allowNull: false)!;
    }

    private static string Describe(string member, string parameter) => $"{member}: parameter '{parameter}'";
}
