using System.Diagnostics;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `errors &lt;case&gt;`: forged stack frames and junk error objects. Expected: JavaScriptException (never
/// InvalidCastException or another .NET exception); a million forged frames end within 10 s.
/// </summary>
internal static class ForgedErrors
{
    // The frames key is a symbol the runtime defines on errors it formatted; a script can find it.
    private const string FindKey = "const __e = new Error('probe'); __e.stack; const framesKey = Object.getOwnPropertySymbols(__e)[0];";

    public static readonly IReadOnlyDictionary<string, string> Cases = new Dictionary<string, string>
    {
        ["prepare-forged-frames"] = "Error.prepareStackTrace = () => [{ functionName: 5, line: 'x' }, null, 7]; throw new Error('forged');",
        ["prepare-returns-proxy"] = "Error.prepareStackTrace = () => new Proxy({}, { get() { return 5; } }); throw new Error('forged');",
        ["prepare-throws"] = "Error.prepareStackTrace = () => { throw new Proxy({}, { get() { throw 1; } }); }; throw new Error('forged');",
        ["junk-proxy"] = "throw new Proxy({}, { get(t, k) { return typeof k === 'symbol' ? [[1, 2, 3], 'x', {}, [null, {}, 'l', 'c', 1, 2, 3]] : { junk: 1 }; } });",
        ["junk-frames-key"] = FindKey + "throw { message: 'm', name: 7, stack: {}, [framesKey]: [[{}, 5, 'line', {}, 'yes', null, 1], 'x', 5, null] };",
        ["junk-error-fields"] = "const e = new Error('x'); Object.defineProperty(e, 'name', { get() { return {}; } }); Object.defineProperty(e, 'message', { get() { return Symbol('m'); } }); throw e;",
        ["million-frames"] = FindKey + "const f = ['f', 's.js', 1, 2, false, false, false]; throw { message: 'm', [framesKey]: Array(1e6).fill(f) };",
        ["million-prepared-frames"] = "Error.prepareStackTrace = () => Array(1e6).fill({ getFileName() { return 'x'; } }); throw new Error('forged');",
    };

    public static void Run(string[] args)
    {
        var name = $"errors.{args[0]}";
        using var context = new Isolate().CreateContext();
        var watch = Stopwatch.StartNew();
        var outcome = Report.Bounded(name, TimeSpan.FromSeconds(10), () => Report.Outcome(name, () => context.Eval(Cases[args[0]], TimeSpan.FromMilliseconds(500))));
        Report.Detail(name, $"{watch.ElapsedMilliseconds} ms");
        Report.Result(name, outcome.StartsWith("JavaScriptException", StringComparison.Ordinal) ? "JavaScriptException" : outcome);
        Report.Result(name + ".after", Report.StillWorks(context));
    }
}
