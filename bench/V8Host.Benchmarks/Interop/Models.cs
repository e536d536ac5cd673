using Microsoft.ClearScript;

namespace V8Host.Benchmarks.Interop;

// The shared .NET side of every interop benchmark. Each variant exposes *these* objects (directly or
// through a thin per-variant adapter), so the .NET work per call is identical and only the binding
// strategy differs.
//
// JS sees camelCase names (p.x, p.length(), s.measure(...), s.sum(...)):
//  - ClearScript reflection (b) has no naming policy, so the names come from [ScriptMember];
//  - Jint (e) maps `x` -> `X` / `length` -> `Length` by itself (its default TypeResolver);
//  - the fast-proxy variants (c)/(d) name things explicitly.

/// <summary>A plain mutable point; <c>length()</c> is its Euclidean norm.</summary>
public sealed class Point
{
    public Point(double x, double y)
    {
        X = x;
        Y = y;
    }

    [ScriptMember("x")]
    public double X { get; set; }

    [ScriptMember("y")]
    public double Y { get; set; }

    [ScriptMember("length")]
    public double Length() => Math.Sqrt(X * X + Y * Y);
}

/// <summary>A service taking a string and a byte buffer.</summary>
/// <remarks>
/// <see cref="Sum(byte[])"/> is what Jint binds a JS <c>Uint8Array</c> to (Jint converts the typed array
/// to a fresh <c>byte[]</c>). ClearScript cannot bind a <c>Uint8Array</c> to <c>byte[]</c> (the call fails with
/// "does not contain a definition for 'sum'"), so the ClearScript variants go through
/// <see cref="TypedArrayBytes"/> instead and end in the same <see cref="ByteMath.Sum"/>.
/// </remarks>
public sealed class StringAndBytes
{
    [ScriptMember("measure")]
    public int Measure(string text) => text.Length;

    [ScriptMember("sum")]
    public int Sum(byte[] bytes) => ByteMath.Sum(bytes);
}

/// <summary>The byte summation every variant ends in.</summary>
public static class ByteMath
{
    public static int Sum(ReadOnlySpan<byte> bytes)
    {
        var sum = 0;
        foreach (var b in bytes)
        {
            sum += b;
        }

        return sum;
    }
}
