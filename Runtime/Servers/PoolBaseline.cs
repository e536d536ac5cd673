using Microsoft.ClearScript;

namespace V8Host;

/// <summary>
/// A pooled context's state as the pool set it up, and the way back to it (PoolReset.js): captured
/// once per context, before any renter runs; <see cref="Reset"/> after each rent.
/// </summary>
internal sealed class PoolBaseline
{
    // A reset is plain JS over the baseline; this bounds one against a renter's million globals.
    private static readonly TimeSpan s_resetTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How a reason that is work still pending (an Atomics.waitAsync) begins (PoolReset.js).</summary>
    public const string PendingPrefix = "pending:";

    private readonly Context _context;
    private readonly ScriptObject _reset;

    private PoolBaseline(Context context, ScriptObject reset, int modules)
    {
        _context = context;
        _reset = reset;
        Modules = modules;
    }

    /// <summary>How many modules the context held at its baseline.</summary>
    public int Modules { get; }

    public static PoolBaseline Capture(Context context, bool freeze) => context.Run("ContextPool.CaptureBaseline", _ =>
    {
        var resetters = context.Bridge.NewArray();
        context.Bridge.AppendAll(resetters, context.RentResetters.ToArray(), context.RentResetters.Count);
        var glue = context.Bridge.LoadGlue("PoolReset", resetters);
        context.Bridge.Pick(glue, "capture").Invoke(false, freeze);
        return new PoolBaseline(context, context.Bridge.Pick(glue, "reset"), context.ModuleCount);
    });

    /// <summary>
    /// Puts the globals back to the baseline and checks that nothing else changed, and that none of
    /// <paramref name="candidateLines"/> (names, one per line: <see cref="RentSources.CandidateLines"/>)
    /// is a top-level lexical binding; returns null when the context is as it was, or why it is not
    /// (the pool then recycles it).
    /// </summary>
    public string? Reset(string candidateLines)
    {
        try
        {
            var reason = _context.Run("ContextPool.Reset", _ => _reset.Invoke(false, candidateLines) as string, s_resetTimeout);
            return string.IsNullOrEmpty(reason) ? null : reason;
        }
        catch (ScriptTerminatedException)
        {
            return $"resetting took longer than {s_resetTimeout.TotalSeconds} s";
        }
        catch (Exception exception) when (exception is JavaScriptException or ScriptResourceException or InvalidOperationException or ObjectDisposedException)
        {
            return "resetting failed: " + exception.Message;
        }
    }
}
