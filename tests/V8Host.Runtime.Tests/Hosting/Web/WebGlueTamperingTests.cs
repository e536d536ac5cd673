namespace V8Host.Tests.Hosting.Web;

/// <summary>
/// Tampering that reaches across every Web API at once: setters on Array.prototype's indices (which
/// Array.prototype.push would call) and a replaced Array.prototype.constructor (which slice consults
/// through Symbol.species). Neither may see what the glue stores nor change what the APIs return.
/// </summary>
public sealed class WebGlueTamperingTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContextBuilder().UseWebPlatform().Build();

    public void Dispose() => _context.Dispose();

    private const string Workout = """
        (() => {
        const { port1, port2 } = new MessageChannel();
        port1.postMessage('x');
        const target = new EventTarget();
        target.addEventListener('a', () => {});
        target.dispatchEvent(new Event('a'));
        const signal = AbortSignal.any([new AbortController().signal, AbortSignal.timeout(1000)]);
        const text = new TextDecoder().decode(new TextEncoder().encode('héllo wörld, '.repeat(20)));
        structuredClone({ a: [1, new Map([[1, 2]])] }, { transfer: [new ArrayBuffer(1)] });
        performance.mark('m');
        return new URL('https://example.com/a/../b?c=d#e').href + ' ' + new URLSearchParams('a=1&b=2').toString() + ' ' + text.length;
        })()
        """;

    [Fact]
    public void SettersOnArrayIndicesSeeNothingTheGlueStores()
    {
        var clean = _context.Eval(Workout);
        Assert.Equal(clean + " | 0", _context.Eval("""
            const stolen = { n: 0 };
            for (let i = 0; i < 4; i++)
                Object.defineProperty(Array.prototype, i, { set(v) { stolen[stolen.n++] = v; }, configurable: true });
            let result;
            try { result = (0, eval)(workout); } finally { for (let i = 0; i < 4; i++) delete Array.prototype[i]; }
            result + ' | ' + stolen.n
            """.Replace("workout", System.Text.Json.JsonSerializer.Serialize(Workout))));
    }

    [Fact]
    public void AReplacedSpeciesDoesNotChangeResults()
    {
        var clean = _context.Eval(Workout);
        Assert.Equal(clean + " | 0", _context.Eval("""
            let calls = 0;
            const original = Array.prototype.constructor;
            function Evil(n) { calls++; return ['forged']; }
            Evil[Symbol.species] = Evil;
            Array.prototype.constructor = Evil;
            let result;
            try { result = (0, eval)(workout); } finally { Array.prototype.constructor = original; }
            result + ' | ' + calls
            """.Replace("workout", System.Text.Json.JsonSerializer.Serialize(Workout))));
    }
}
