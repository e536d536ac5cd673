using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;

namespace V8Host.Analyzers.Lifetime
{
    internal enum LifetimeKind
    {
        /// <summary>An isolate that created its context, builder or scope.</summary>
        Consumed,

        /// <summary>A builder after Build(), a snapshot creator after CreateBlob().</summary>
        Built,

        Disposed,
    }

    /// <summary>What is known for certain about a local: its kind, and the call that caused it.</summary>
    internal sealed record LifetimeFact(LifetimeKind Kind, string Cause);

    /// <summary>
    /// The must-facts at one program point: what is certainly consumed, built or disposed on every path
    /// reaching it, and which context each context-bound local came from.
    /// </summary>
    internal sealed class LifetimeState
    {
        public static readonly LifetimeState Empty = new(
            ImmutableDictionary.Create<ILocalSymbol, LifetimeFact>(SymbolEqualityComparer.Default),
            ImmutableDictionary.Create<ILocalSymbol, ContextOrigin>(SymbolEqualityComparer.Default),
            ImmutableDictionary<CaptureId, ContextOrigin>.Empty);

        private LifetimeState(
            ImmutableDictionary<ILocalSymbol, LifetimeFact> facts, ImmutableDictionary<ILocalSymbol, ContextOrigin> origins, ImmutableDictionary<CaptureId, ContextOrigin> captures)
        {
            Facts = facts;
            Origins = origins;
            Captures = captures;
        }

        public ImmutableDictionary<ILocalSymbol, LifetimeFact> Facts { get; }

        /// <summary>Context-bound local → the context local it was obtained from.</summary>
        public ImmutableDictionary<ILocalSymbol, ContextOrigin> Origins { get; }

        /// <summary>
        /// Flow capture → the context its value came from: the compiler's temporaries for <c>a ?? b</c>,
        /// <c>c ? a : b</c> and the like, so a value that went through one keeps its origin.
        /// </summary>
        public ImmutableDictionary<CaptureId, ContextOrigin> Captures { get; }

        public LifetimeState With(ILocalSymbol local, LifetimeFact fact) => new(Facts.SetItem(local, fact), Origins, Captures);

        /// <summary>A new value was assigned: nothing is known about it any more, except where a context-bound value came from.</summary>
        public LifetimeState Reset(ILocalSymbol local, ContextOrigin? origin) =>
            new(Facts.Remove(local), origin is null ? Origins.Remove(local) : Origins.SetItem(local, origin), Captures);

        public LifetimeState Capture(CaptureId id, ContextOrigin? origin) =>
            new(Facts, Origins, origin is null ? Captures.Remove(id) : Captures.SetItem(id, origin));

        /// <summary>Keeps only what holds on both paths (the kind matters, not which call caused it).</summary>
        public LifetimeState Meet(LifetimeState other)
        {
            var facts = Facts.Where(f => other.Facts.TryGetValue(f.Key, out var o) && o.Kind == f.Value.Kind);
            var origins = Origins.Where(f => other.Origins.TryGetValue(f.Key, out var o) && o.SameAs(f.Value));
            var captures = Captures.Where(f => other.Captures.TryGetValue(f.Key, out var o) && o.SameAs(f.Value));
            return new LifetimeState(
                ImmutableDictionary.CreateRange(SymbolEqualityComparer.Default, facts),
                ImmutableDictionary.CreateRange(SymbolEqualityComparer.Default, origins),
                ImmutableDictionary.CreateRange(captures));
        }

        public bool SameAs(LifetimeState other) =>
            Facts.Count == other.Facts.Count && Origins.Count == other.Origins.Count && Captures.Count == other.Captures.Count &&
            Facts.All(f => other.Facts.TryGetValue(f.Key, out var o) && o.Kind == f.Value.Kind) &&
            Origins.All(f => other.Origins.TryGetValue(f.Key, out var o) && o.SameAs(f.Value)) &&
            Captures.All(f => other.Captures.TryGetValue(f.Key, out var o) && o.SameAs(f.Value));
    }
}
