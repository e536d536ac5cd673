using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host;

/// <summary>
/// <c>setTimeout</c>, <c>setInterval</c>, <c>clearTimeout</c>, <c>clearInterval</c> and
/// <c>queueMicrotask</c>, with HTML's timer semantics: timers run in due-time order (equal times in
/// the order they were set), each as its own event-loop task; from the sixth nested level a timeout
/// under 4 ms becomes 4 ms; a cleared timer never runs; extra arguments are passed to the callback;
/// what a callback throws is reported to the console's error stream. Strings are never evaluated:
/// a callback that is not a function is a <c>TypeError</c>.
/// </summary>
/// <remarks>
/// Timers run on the context's event loop (<see cref="IsolateOptions.EventLoop"/>): by themselves in
/// the default automatic mode, when the host pumps in manual mode. Pending timers keep
/// <see cref="Context.RunUntilIdleAsync"/> waiting; an interval never lets it finish, so bound it with
/// its cancellation token.
/// </remarks>
public sealed class TimersApi : IHostApi
{
    /// <inheritdoc/>
    public void Register(HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.AddInstaller(Install);
    }

    private static void Install(Context context) => context.Run<object?>("TimersApi", _ =>
    {
        var glue = Glue(context);
        context.Bridge.Pick(glue, "defineGlobals").Invoke(false);
        return null;
    });

    /// <summary>
    /// The context's timers glue, loaded on first use: TimersApi and other glue that needs a timer
    /// (<c>AbortSignal.timeout</c>) share one timer table. Call inside <see cref="Context.Run{T}"/>.
    /// </summary>
    internal static ScriptObject Glue(Context context)
    {
        var timers = context.EventLoop.Timers;
        if (timers.Glue is { } loaded)
            return loaded;
        var schedule = new V8FastHostFunction("schedule", (bool _, in V8FastArgs args, in V8FastResult result) =>
            result.Set(timers.Schedule(args.GetInt32(0), args.GetDouble(1), args.GetBoolean(2))));
        var cancel = new V8FastHostFunction("cancel", (bool _, in V8FastArgs args, in V8FastResult _) =>
            timers.Cancel(args.GetInt32(0)));
        var glue = context.Bridge.LoadGlue("Timers", schedule, cancel, context.ReportErrorFunction, Engine.TimerQueue.MaxActiveTimers);
        var fire = context.Bridge.Pick(glue, "fire");
        timers.Fire = id => fire.Invoke(false, id) is true;
        timers.Glue = glue;
        return glue;
    }
}
