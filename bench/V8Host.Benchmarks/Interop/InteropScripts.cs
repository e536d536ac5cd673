namespace V8Host.Benchmarks.Interop;

/// <summary>The JS loops shared by all variants: only the per-iteration statement differs.</summary>
public static class InteropScripts
{
    /// <summary>JS→.NET calls per benchmark invocation.</summary>
    public const int Iterations = 1000;

    /// <summary>The point every variant exposes as <c>p</c> (length 5).</summary>
    public const double PointX = 3, PointY = 4;

    public const string HelloWorld = "hello world";

    /// <summary>Length of the JS <c>Uint8Array</c> passed to <c>sum</c>; it holds 0, 1, …, 63.</summary>
    public const int ByteCount = 64;

    /// <summary>Sum of the bytes in the JS <c>bytes</c> array.</summary>
    public const int ByteSum = ByteCount * (ByteCount - 1) / 2;

    /// <summary>
    /// An expression evaluating to a zero-argument JS function that runs <paramref name="statement"/>
    /// <see cref="Iterations"/> times (with <c>i</c> the index and <c>acc</c> the accumulator) and returns
    /// <c>acc</c>. It is evaluated once in GlobalSetup and the function is then invoked per benchmark call,
    /// so parsing and compiling are not measured. The closure also holds <c>bytes</c>, a
    /// <c>Uint8Array(<see cref="ByteCount"/>)</c> created once in JS.
    /// </summary>
    public static string Loop(string statement) => $$"""
        (() => {
            const bytes = new Uint8Array({{ByteCount}});
            for (let j = 0; j < bytes.length; j++) bytes[j] = j;
            return () => {
                let acc = 0;
                for (let i = 0; i < {{Iterations}}; i++) { {{statement}} }
                return acc;
            };
        })()
        """;
}
