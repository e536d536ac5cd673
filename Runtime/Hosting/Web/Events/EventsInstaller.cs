using System.Diagnostics;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Hosting.Web;

/// <summary>
/// Installs events, abort signals, <c>performance</c> and the global object's error reporting:
/// Event.js, CustomEvent.js, ErrorEvent.js, PromiseRejectionEvent.js, EventTarget.js, Abort.js,
/// UserTiming.js, Performance.js and GlobalEvents.js, in that order. GlobalEvents.js's <c>dispatchUncaught</c>
/// becomes <see cref="Context.UncaughtEventHook"/>, through which the context reports every error
/// and rejection nobody handled.
/// </summary>
internal static class EventsInstaller
{
    public static void Install(WebGlue web)
    {
        var context = web.Context;

        // One clock for performance.now() and Event.timeStamp: milliseconds since timeOrigin.
        var start = Stopwatch.GetTimestamp();
        var timeOrigin = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;
        var now = new V8FastHostFunction("now", (bool _, in V8FastArgs _, in V8FastResult result) =>
            result.Set(Stopwatch.GetElapsedTime(start).TotalMilliseconds));

        web.Run("Event", now);
        web.Run("CustomEvent");
        web.Run("ErrorEvent");
        web.Run("PromiseRejectionEvent");
        web.Run("EventTarget", context.ReportErrorFunction);
        web.Run("Abort", context.Bridge.Pick(TimersApi.Glue(context), "setTimeout"));
        var clone = context.Bridge.StructuredCloneGlue;
        var userTiming = web.Load("UserTiming", now, context.Bridge.Pick(clone, "serialize"), context.Bridge.Pick(clone, "deserialize"), context.Bridge.Pick(clone, "isCloneError"));
        context.AddRentResetter(context.Bridge.Pick(userTiming, "reset"));
        web.Run("Performance", now, timeOrigin);
        var global = web.Load("GlobalEvents");
        context.UncaughtEventHook = context.Bridge.Pick(global, "dispatchUncaught");
        context.AddRentResetter(context.Bridge.Pick(global, "reset"));
    }
}
