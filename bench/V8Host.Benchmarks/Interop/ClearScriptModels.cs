using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Benchmarks.Interop;

// ClearScript-side adapters for variants (b), (c) and (d). They all end in the shared Point /
// StringAndBytes / ByteMath code from Models.cs.

/// <summary>Reads a JS typed array that ClearScript handed to .NET and sums it with <see cref="ByteMath.Sum"/>.</summary>
/// <remarks>
/// A JS <c>Uint8Array</c> reaches .NET as ClearScript's <c>V8TypedArray&lt;byte&gt;</c> wrapper, which implements
/// <see cref="ITypedArray{T}"/> (<c>ITypedArray&lt;byte&gt;</c>). The bytes are copied into a stack buffer with
/// <c>ITypedArray&lt;byte&gt;.Read(index, length, Span&lt;byte&gt;, destinationIndex)</c>, which internally is one
/// <c>InvokeWithDirectAccess</c> (a locked pointer to the backing store) + memcpy; no managed array is allocated.
/// </remarks>
public static class TypedArrayBytes
{
    private const int StackLimit = 1024;

    public static int Sum(ITypedArray<byte> array)
    {
        var length = checked((int)array.Length);
        Span<byte> buffer = length <= StackLimit ? stackalloc byte[length] : new byte[length];
        var read = array.Read(0, (ulong)length, buffer, 0);
        return ByteMath.Sum(buffer[..checked((int)read)]);
    }
}

/// <summary>
/// Variant (b)'s <c>s</c> for the byte[] benchmark: a plain class ClearScript binds by reflection. Its
/// <c>sum</c> takes <see cref="ITypedArray{T}"/> of <see cref="byte"/> because ClearScript does not convert a
/// <c>Uint8Array</c> argument to <c>byte[]</c> (binding <see cref="StringAndBytes.Sum(byte[])"/> fails to find a
/// matching method); <c>object</c> would also bind (the argument is the same wrapper) but needs a cast.
/// </summary>
public sealed class ClearScriptBytesService
{
    [ScriptMember("sum")]
    public int Sum(ITypedArray<byte> bytes) => TypedArrayBytes.Sum(bytes);
}

/// <summary>Variant (c): a hand-written fast host object exposing a shared <see cref="Point"/>.</summary>
/// <remarks>
/// <c>AddMethodGetter</c> registers <c>length</c> as a <see cref="V8FastHostPropertyFlags.Cacheable"/> property
/// whose value is a <c>V8FastHostMethod</c>, so V8 caches the method object and each <c>p.length()</c> is one
/// .NET invocation. <c>AddPropertyAccessors</c> gives <c>x</c> a getter and a setter (each access is one call).
/// </remarks>
public sealed class FastPoint : V8FastHostObject<FastPoint>
{
    public FastPoint(Point target) => Target = target;

    public Point Target { get; }

    static FastPoint()
    {
        Configure(static configuration =>
        {
            configuration.AddMethodGetter("length",
                static (FastPoint self, in V8FastArgs _, in V8FastResult result) => result.Set(self.Target.Length()));
            configuration.AddPropertyAccessors("x",
                static (FastPoint self, in V8FastResult value) => value.Set(self.Target.X),
                static (FastPoint self, in V8FastArg value) => self.Target.X = value.GetDouble("x"));
            configuration.AddPropertyAccessors("y",
                static (FastPoint self, in V8FastResult value) => value.Set(self.Target.Y),
                static (FastPoint self, in V8FastArg value) => self.Target.Y = value.GetDouble("y"));
        });
    }
}

/// <summary>Variant (c): a hand-written fast host object exposing a shared <see cref="StringAndBytes"/>.</summary>
public sealed class FastStringAndBytes : V8FastHostObject<FastStringAndBytes>
{
    public FastStringAndBytes(StringAndBytes target) => Target = target;

    public StringAndBytes Target { get; }

    static FastStringAndBytes()
    {
        Configure(static configuration =>
        {
            configuration.AddMethodGetter("measure", 1,
                static (FastStringAndBytes self, in V8FastArgs args, in V8FastResult result) =>
                    result.Set(self.Target.Measure(args.GetString(0, "text"))));
            configuration.AddMethodGetter("sum", 1,
                static (FastStringAndBytes _, in V8FastArgs args, in V8FastResult result) =>
                    result.Set(TypedArrayBytes.Sum(args.Get<ITypedArray<byte>>(0, "bytes"))));
        });
    }
}

/// <summary>Variant (d), the floor: one <see cref="V8FastHostFunction"/> per operation, closing over the .NET
/// object, so each JS call is exactly one JS→.NET crossing with no member lookup.</summary>
public static class FastHostFunctions
{
    public static V8FastHostFunction PointLength(Point point) =>
        new("pointLength", (bool _, in V8FastArgs _, in V8FastResult result) => result.Set(point.Length()));

    public static V8FastHostFunction PointGetX(Point point) =>
        new("pointGetX", (bool _, in V8FastArgs _, in V8FastResult result) => result.Set(point.X));

    public static V8FastHostFunction PointSetX(Point point) =>
        new("pointSetX", 1, (bool _, in V8FastArgs args, in V8FastResult _) => point.X = args.GetDouble(0, "x"));

    public static V8FastHostFunction Measure(StringAndBytes service) =>
        new("measure", 1, (bool _, in V8FastArgs args, in V8FastResult result) => result.Set(service.Measure(args.GetString(0, "text"))));

    public static V8FastHostFunction Sum() =>
        new("sum", 1, (bool _, in V8FastArgs args, in V8FastResult result) => result.Set(TypedArrayBytes.Sum(args.Get<ITypedArray<byte>>(0, "bytes"))));
}
