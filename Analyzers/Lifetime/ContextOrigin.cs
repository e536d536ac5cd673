using Microsoft.CodeAnalysis;

namespace V8Host.Analyzers.Lifetime
{
    /// <summary>
    /// Where a context-bound local (handle, script, module, JS-function delegate) comes from: the context
    /// local that owns it and, for a lambda or local function, the captured local that ties it to that context.
    /// </summary>
    internal sealed class ContextOrigin
    {
        public ContextOrigin(ILocalSymbol context, ILocalSymbol? captured)
        {
            Context = context;
            Captured = captured;
        }

        public ILocalSymbol Context { get; }

        /// <summary>Non-null for a lambda or local function: the handle it captured.</summary>
        public ILocalSymbol? Captured { get; }

        /// <summary>The same context, no longer through a capture: a value a lambda or JS function returned.</summary>
        public ContextOrigin Derived() => Captured is null ? this : new ContextOrigin(Context, null);

        public bool SameAs(ContextOrigin other) =>
            SymbolEqualityComparer.Default.Equals(Context, other.Context) && SymbolEqualityComparer.Default.Equals(Captured, other.Captured);
    }
}
