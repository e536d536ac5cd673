// Timers and async host functions working together on the self-driving event loop: nothing here
// pumps the loop. Script awaits .NET tasks, waits on timers, and .NET awaits the script.
using System.Diagnostics;
using V8Host;

var quotes = new Dictionary<string, decimal> { ["ACME"] = 12.5m, ["GLOBEX"] = 80.25m, ["INITECH"] = 3.75m };

using var context = new Isolate().CreateContextBuilder()
    .Install(new TimersApi())
    // An async host function: script sees a promise that settles when the Task completes.
    .AddHostFunction("fetchQuote", async (string symbol, CancellationToken cancellationToken) =>
    {
        await Task.Delay(40, cancellationToken);   // stands in for an HTTP call or a database query
        return quotes.TryGetValue(symbol, out var price) ? (double)price : throw new KeyNotFoundException($"No quote for '{symbol}'.");
    })
    .Build();

context.UnhandledRejection += (_, e) => Console.WriteLine($"[host] unhandled rejection: {e.Exception.JsMessage}");

var watch = Stopwatch.StartNew();

// Top-level await: the value of the last expression is the result.
var report = await context.EvalAsync("""
    const started = Date.now();
    let ticks = 0;
    const progress = setInterval(() => ticks++, 10);

    // Three quotes in parallel, each retried once after a 20 ms back-off if it fails.
    async function withRetry(symbol) {
        try {
            return await fetchQuote(symbol);
        } catch (error) {
            await new Promise(resolve => setTimeout(resolve, 20));
            return fetchQuote(symbol).catch(() => null);
        }
    }
    const symbols = ['ACME', 'GLOBEX', 'UNKNOWN'];
    const prices = await Promise.all(symbols.map(withRetry));
    clearInterval(progress);

    // A rejection nobody handles reaches Context.UnhandledRejection.
    Promise.reject(new Error('forgotten promise'));

    symbols.map((s, i) => `${s}: ${prices[i] ?? 'n/a'}`).join(', ') + ` (progress ticked ${ticks > 0 ? 'while waiting' : 'never'})`
    """);

Console.WriteLine($"[host] {report}");
Console.WriteLine($"[host] took {watch.ElapsedMilliseconds} ms without the host pumping anything");

// Cancellation stops a script that waits too long: ScriptTerminatedException.
using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
try
{
    await context.EvalAsync("await new Promise(resolve => setTimeout(resolve, 60_000))", cancel.Token);
}
catch (ScriptTerminatedException exception)
{
    Console.WriteLine($"[host] {exception.Message}");
}
