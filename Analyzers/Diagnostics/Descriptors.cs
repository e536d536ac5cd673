using Microsoft.CodeAnalysis;

namespace V8Host.Analyzers.Diagnostics
{
    /// <summary>Every lifetime diagnostic, in one place. Each has a page under docs/diagnostics/; severities are configurable in .editorconfig.</summary>
    internal static class Descriptors
    {
        private const string Category = "V8Host.Lifetime";
        private const string HelpRoot = "https://github.com/v8host/v8host/blob/main/docs/diagnostics/";

        public static readonly DiagnosticDescriptor IsolateConsumed = Create(
            "V8H1001", "Isolate used after it was consumed",
            "'{0}' was already consumed by {1}; an isolate creates exactly one context, builder or scope. Create a new Isolate.");

        public static readonly DiagnosticDescriptor BuilderConsumed = Create(
            "V8H1002", "Builder, snapshot creator or scope used after it was consumed",
            "'{0}' was already consumed by {1}; use what it produced, or create a new one");

        public static readonly DiagnosticDescriptor UsedAfterDispose = Create(
            "V8H1003", "Used after Dispose",
            "'{0}' is used after it was disposed ({1}); this throws ObjectDisposedException");

        public static readonly DiagnosticDescriptor HandleOutlivesContext = Create(
            "V8H1004", "JS handle, script or JS function used after its context was disposed",
            "'{0}' belongs to context '{1}', which was disposed ({2}); this throws ObjectDisposedException. Use it, or read the .NET values you need from it, before disposing the context.");

        public static readonly DiagnosticDescriptor NotDisposed = Create(
            "V8H1005", "V8 object never disposed",
            "This {0} is never disposed, returned or stored: its V8 isolate stays alive until the process ends. Add 'using'.");

        public static readonly DiagnosticDescriptor StaticHandle = Create(
            "V8H1006", "JS handle stored in a static field",
            "Static '{0}' holds a {1}, which dies with its context; store the .NET values you need instead");

        public static readonly DiagnosticDescriptor BlockingInHostCode = Create(
            "V8H1007", "Blocking on a JS promise in host code",
            "'{0}' blocks the engine thread that would settle the promise ({1}): make the host member async and await it, or return the JsPromise");

        public static readonly DiagnosticDescriptor UnsupportedTypedRead = Create(
            "V8H1008", "Typed read to an unsupported type",
            "{0}<{1}> always throws InvalidCastException: JavaScript values do not convert to '{1}'; use {2}");

        public static readonly DiagnosticDescriptor HandleReturnedFromDisposingMethod = Create(
            "V8H1009", "JS handle returned from the method that disposes its context",
            "{0} returns {1} ({2}) of context '{3}', which is disposed {4}: the caller gets a dead value. Return the .NET values you need, or let the caller own the context.");

        public static readonly DiagnosticDescriptor CapturedHandleOutlivesContext = Create(
            "V8H1010", "Lambda capturing a JS handle outlives its context",
            "{0} captures '{1}' of context '{2}' and {3} after '{2}' is disposed ({4}): its use of '{1}' throws ObjectDisposedException. Read the .NET values it needs before the context goes, or keep the context alive while it can run.");

        private static DiagnosticDescriptor Create(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");
    }
}
