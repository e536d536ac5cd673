using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using V8Host.Analyzers.Diagnostics;

namespace V8Host.Analyzers.Lifetime
{
    /// <summary>The dataflow over one control-flow graph: states to a fixpoint, then one reporting pass.</summary>
    internal sealed class LifetimeFlow
    {
        private const int MaxIterations = 64;

        private static readonly HashSet<string> s_consumers = new() { "CreateContext", "CreateContextBuilder", "CreateContextFromSnapshot", "CreateScope" };

        // Members that stay valid after disposal or consumption.
        private static readonly HashSet<string> s_alwaysAllowed = new()
        {
            "IsAlive", "Dispose", "DisposeAsync", "Context", "GetType", "Equals", "GetHashCode", "TerminateExecution", "CancelTerminateExecution",
        };

        private readonly ControlFlowGraph _graph;
        private readonly KnownTypes _types;
        private readonly Dictionary<CaptureId, ILocalSymbol> _captures = new();
        private List<Diagnostic>? _report;

        public LifetimeFlow(ControlFlowGraph graph, KnownTypes types)
        {
            _graph = graph;
            _types = types;
        }

        public IReadOnlyList<Diagnostic> Run()
        {
            var blocks = _graph.Blocks;
            var entry = new LifetimeState?[blocks.Length];
            var exit = new LifetimeState?[blocks.Length];
            entry[0] = LifetimeState.Empty;

            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                var changed = false;
                foreach (var block in blocks)
                {
                    // Blocks without a computed predecessor (catch and finally entries, unreachable code)
                    // start knowing nothing: their own uses-after-dispose are still found.
                    var incoming = Incoming(block, exit) ?? LifetimeState.Empty;
                    entry[block.Ordinal] = incoming;
                    var result = Transfer(block, incoming);
                    if (exit[block.Ordinal] is not { } previous || !previous.SameAs(result))
                    {
                        exit[block.Ordinal] = result;
                        changed = true;
                    }
                }

                if (!changed)
                    break;
            }

            _report = new List<Diagnostic>();
            foreach (var block in blocks)
            {
                if (entry[block.Ordinal] is { } state)
                    Transfer(block, state);
            }

            return _report.GroupBy(d => (d.Id, d.Location.SourceSpan)).Select(g => g.First()).ToList();
        }

        /// <summary>The meet of the states flowing in from every visited predecessor (finally blocks applied on the way).</summary>
        private LifetimeState? Incoming(BasicBlock block, LifetimeState?[] exit)
        {
            LifetimeState? merged = null;
            foreach (var branch in block.Predecessors)
            {
                if (exit[branch.Source.Ordinal] is not { } state)
                    continue;
                foreach (var region in branch.FinallyRegions)
                    state = ThroughFinally(region, state);

                merged = merged is null ? state : merged.Meet(state);
            }

            return merged;
        }

        /// <summary>
        /// The state after running a finally region entered with <paramref name="state"/>: a small
        /// dataflow of its own, so a conditional Dispose inside it stays conditional.
        /// </summary>
        private LifetimeState ThroughFinally(ControlFlowRegion region, LifetimeState state)
        {
            var first = region.FirstBlockOrdinal;
            var exits = new LifetimeState?[region.LastBlockOrdinal - first + 1];
            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                var changed = false;
                for (var ordinal = first; ordinal <= region.LastBlockOrdinal; ordinal++)
                {
                    var block = _graph.Blocks[ordinal];
                    LifetimeState? incoming = ordinal == first ? state : null;
                    foreach (var branch in block.Predecessors)
                    {
                        var source = branch.Source.Ordinal - first;
                        if (source >= 0 && source < exits.Length && exits[source] is { } predecessor)
                            incoming = incoming is null ? predecessor : incoming.Meet(predecessor);
                    }

                    if (incoming is null)
                        continue;
                    var result = Transfer(block, incoming);
                    if (exits[ordinal - first] is not { } previous || !previous.SameAs(result))
                    {
                        exits[ordinal - first] = result;
                        changed = true;
                    }
                }

                if (!changed)
                    break;
            }

            // Leaving the region: the blocks whose control flows out of the finally.
            LifetimeState? leaving = null;
            for (var ordinal = first; ordinal <= region.LastBlockOrdinal; ordinal++)
            {
                var block = _graph.Blocks[ordinal];
                if (exits[ordinal - first] is { } result && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.StructuredExceptionHandling)
                    leaving = leaving is null ? result : leaving.Meet(result);
            }

            var after = leaving ?? state;

            // A using statement's finally disposes its resource behind a compiler-generated null check;
            // the resource is the object just created, so count that disposal as certain.
            for (var ordinal = first; ordinal <= region.LastBlockOrdinal; ordinal++)
            {
                foreach (var operation in _graph.Blocks[ordinal].Operations.SelectMany(o => o.DescendantsAndSelf()))
                {
                    if (operation is IInvocationOperation { IsImplicit: true, TargetMethod.Name: "Dispose" or "DisposeAsync", Instance: { } instance } && Local(instance) is { } disposed && IsTracked(disposed.Type))
                        after = after.With(disposed, new LifetimeFact(LifetimeKind.Disposed, "at the end of its using scope"));
                }
            }

            return after;
        }

        private LifetimeState Transfer(BasicBlock block, LifetimeState state)
        {
            foreach (var operation in block.Operations)
                state = Visit(operation, state);
            if (block.BranchValue is { } branchValue)
                state = Visit(branchValue, state);
            return state;
        }

        /// <summary>Children first (evaluation order), then the operation itself. Lambdas and local functions have graphs of their own (see <see cref="LifetimeAnalyzer"/>).</summary>
        private LifetimeState Visit(IOperation operation, LifetimeState state)
        {
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
                return state;
            foreach (var child in operation.ChildOperations)
                state = Visit(child, state);

            switch (operation)
            {
                case IFlowCaptureOperation capture when Local(capture.Value) is { } captured:
                    _captures[capture.Id] = captured;
                    return state;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    return Assign(target.Local, assignment.Value, state);
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    return Assign(declarator.Symbol, initializer.Value, state);
                case IInvocationOperation { Instance: { } instance } invocation when Local(instance) is { } receiver && IsTracked(receiver.Type):
                    Check(receiver, invocation.TargetMethod.Name, invocation, state);
                    return Transition(receiver, invocation, state);
                case IPropertyReferenceOperation { Instance: { } instance } property when Local(instance) is { } receiver && IsTracked(receiver.Type):
                    Check(receiver, property.Property.Name, property, state);
                    return state;
                default:
                    return state;
            }
        }

        private LifetimeState Assign(ILocalSymbol local, IOperation value, LifetimeState state) =>
            IsTracked(local.Type) ? state.Reset(local, _types.IsHandle(local.Type) ? OriginOf(value, state) : null) : state;

        /// <summary>The context local a handle value comes from: <c>ctx.Eval&lt;JsObject&gt;()</c>, <c>obj.Get&lt;JsArray&gt;()</c>, another handle local.</summary>
        private ILocalSymbol? OriginOf(IOperation value, LifetimeState state)
        {
            value = Unwrap(value);
            var source = value switch
            {
                IInvocationOperation { Instance: { } instance } => Local(instance),
                IPropertyReferenceOperation { Instance: { } instance } => Local(instance),
                ILocalReferenceOperation reference => reference.Local,
                _ => null,
            };
            if (source is null)
                return null;
            if (KnownTypes.Is(source.Type, _types.Context))
                return source;
            return state.Origins.TryGetValue(source, out var origin) ? origin : null;
        }

        private void Check(ILocalSymbol receiver, string member, IOperation use, LifetimeState state)
        {
            if (_report is null || s_alwaysAllowed.Contains(member))
                return;
            var location = use.Syntax.GetLocation();
            if (state.Facts.TryGetValue(receiver, out var fact))
            {
                var descriptor = fact.Kind switch
                {
                    LifetimeKind.Consumed => Descriptors.IsolateConsumed,
                    LifetimeKind.Built => Descriptors.BuilderConsumed,
                    _ => Descriptors.UsedAfterDispose,
                };
                _report.Add(Diagnostic.Create(descriptor, location, receiver.Name, fact.Cause));
                return;
            }

            if (state.Origins.TryGetValue(receiver, out var context) && state.Facts.TryGetValue(context, out var contextFact) && contextFact.Kind == LifetimeKind.Disposed)
                _report.Add(Diagnostic.Create(Descriptors.HandleOutlivesContext, location, receiver.Name, context.Name, contextFact.Cause));
        }

        private LifetimeState Transition(ILocalSymbol receiver, IInvocationOperation invocation, LifetimeState state)
        {
            var name = invocation.TargetMethod.Name;
            if (name is "Dispose" or "DisposeAsync")
                return state.With(receiver, new LifetimeFact(LifetimeKind.Disposed, invocation.IsImplicit ? "at the end of its using scope" : name + "()"));
            if (KnownTypes.Is(receiver.Type, _types.Isolate) && s_consumers.Contains(name))
                return state.With(receiver, new LifetimeFact(LifetimeKind.Consumed, name + "()"));
            if ((KnownTypes.Is(receiver.Type, _types.ContextBuilder) && name == "Build") ||
                (KnownTypes.Is(receiver.Type, _types.SnapshotCreator) && name == "CreateBlob") ||
                (KnownTypes.Is(receiver.Type, _types.Scope) && name == "Compile"))
                return state.With(receiver, new LifetimeFact(LifetimeKind.Built, name + "()"));
            return state;
        }

        private bool IsTracked(ITypeSymbol? type) => _types.OwnsIsolate(type) || _types.IsHandle(type);

        private ILocalSymbol? Local(IOperation operation) => Unwrap(operation) switch
        {
            ILocalReferenceOperation reference => reference.Local,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local, // using (ctx = …)
            IFlowCaptureReferenceOperation capture when _captures.TryGetValue(capture.Id, out var local) => local,
            _ => null,
        };

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
                operation = conversion.Operand;
            return operation;
        }
    }
}
