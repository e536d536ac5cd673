namespace V8Host.Benchmarks.Interop;

// Variant (a): the same .NET work as Models.cs, exposed through V8Host's generated bindings.

/// <summary>The point of <see cref="Point"/>, as a [HostClass] (JS: <c>p.x</c>, <c>p.length()</c>).</summary>
[HostClass("Point")]
public sealed partial class GeneratedPoint
{
    public GeneratedPoint(double x, double y)
    {
        X = x;
        Y = y;
    }

    public double X { get; set; }

    public double Y { get; set; }

    public double Length() => Math.Sqrt(X * X + Y * Y);
}

/// <summary>The service of <see cref="StringAndBytes"/>, as a [HostClass].</summary>
[HostClass("StringAndBytes")]
public sealed partial class GeneratedStringAndBytes
{
    public int Measure(string text) => text.Length;

    public int Sum(ReadOnlyMemory<byte> bytes) => ByteMath.Sum(bytes.Span);

    private static readonly byte[] s_bytes = Enumerable.Range(0, InteropScripts.ByteCount).Select(i => (byte)i).ToArray();

    /// <summary>The 64 bytes 0, 1 … 63 (a new Uint8Array in JS on every call).</summary>
    public byte[] Bytes() => s_bytes;

    private static readonly string s_text = new('x', InteropScripts.ByteCount);

    /// <summary>A 64-character string (a new JS string on every call).</summary>
    public string Text() => s_text;
}

/// <summary>A V8Host context with the loop function cached as a <see cref="JsFunction"/>.</summary>
public sealed class V8HostLoop : IInteropLoop
{
    private readonly Context _context;
    private readonly JsFunction _loop;

    public V8HostLoop(string name, object target, string loopSource)
    {
        var builder = new Isolate().CreateContextBuilder();
        builder = target switch
        {
            GeneratedPoint => builder.AddHostClass<GeneratedPoint>(),
            _ => builder.AddHostClass<GeneratedStringAndBytes>(),
        };
        _context = builder.SetGlobal(name, target).Build();
        _loop = _context.Eval<JsFunction>(loopSource);
    }

    public double Run() => _loop.Invoke<double>();

    public void Dispose() => _context.Dispose();
}
