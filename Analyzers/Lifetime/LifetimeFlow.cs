using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

        // Members of compiled code that are plain .NET data, readable after disposal.
        private static readonly HashSet<string> s_compiledCodeData = new() { "Source", "ResourceName", "SourceMapUrl", "CachedDataRejected", "Specifier", "Status" };

        // Calls on a delegate that run it.
        private static readonly HashSet<string> s_delegateCalls = new() { "Invoke", "DynamicInvoke", "BeginInvoke" };

        private readonly ControlFlowGraph _graph;
        private readonly KnownTypes _types;
        private readonly string _function;
        private readonly Dictionary<CaptureId, ILocalSymbol> _captures = new();
        private readonly CapturedLocals _captured;
        private List<Diagnostic>? _report;

        /// <param name="function">How diagnostics name the analysed function: <c>'Load'</c>, <c>The lambda</c>.</param>
        public LifetimeFlow(ControlFlowGraph graph, KnownTypes types, string function)
        {
            _graph = graph;
            _types = types;
            _function = function;
            _captured = new CapturedLocals(graph);
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
                    CheckReturn(block, Transfer(block, state));
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
                case IFlowCaptureOperation capture:
                    return state.Capture(capture.Id, OriginOf(capture.Value, state));
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    return Assign(target.Local, assignment.Value, state);
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    return Assign(declarator.Symbol, initializer.Value, state);
                case IInvocationOperation { Instance: { } instance } invocation when Local(instance) is { } receiver && IsTracked(receiver.Type):
                    Check(receiver, invocation.TargetMethod.Name, invocation, state);
                    return Transition(receiver, invocation, state);
                case IInvocationOperation { Instance: null, TargetMethod.MethodKind: MethodKind.LocalFunction } call:
                    CheckLocalFunctionCall(call, state);
                    return state;
                case IInvocationOperation invocation:
                    CheckScheduled(invocation, state);
                    return state;
                case IPropertyReferenceOperation { Instance: { } instance } property when Local(instance) is { } receiver && IsTracked(receiver.Type):
                    Check(receiver, property.Property.Name, property, state);
                    return state;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation member } assignment:
                    CheckStored(member, assignment.Value, state);
                    return state;
                case IEventAssignmentOperation { Adds: true, EventReference: IMemberReferenceOperation member } subscription:
                    CheckStored(member, subscription.HandlerValue, state);
                    return state;
                default:
                    return state;
            }
        }

        private LifetimeState Assign(ILocalSymbol local, IOperation value, LifetimeState state) =>
            IsTracked(local.Type) ? state.Reset(local, _types.IsContextBound(local.Type) ? OriginOf(value, state) : null) : state;

        /// <summary>
        /// The context local a context-bound value comes from: <c>ctx.Eval&lt;JsObject&gt;()</c>, <c>ctx.Compile(…)</c>,
        /// <c>obj.Get&lt;Func&lt;int&gt;&gt;()</c>, another such local, or a lambda or local function capturing one.
        /// </summary>
        private ContextOrigin? OriginOf(IOperation value, LifetimeState state)
        {
            value = Unwrap(value);
            if (value is IDelegateCreationOperation creation)
                return CapturedOrigin(creation.Target, state);
            if (value is ILocalReferenceOperation reference)
                return state.Origins.TryGetValue(reference.Local, out var copied) ? copied : null;
            if (value is IFlowCaptureReferenceOperation captureReference)
            {
                if (Local(captureReference) is { } capturedLocal)
                    return state.Origins.TryGetValue(capturedLocal, out var local) ? local : null;
                return state.Captures.TryGetValue(captureReference.Id, out var captured) ? captured : null;
            }
            return value switch
            {
                IInvocationOperation { Instance: { } instance } => OriginOfReceiver(instance, state),
                IPropertyReferenceOperation { Instance: { } instance } => OriginOfReceiver(instance, state),
                _ => null,
            };
        }

        /// <summary>What a member read from <paramref name="receiver"/> belongs to: the receiver context itself, or the receiver's context.</summary>
        private ContextOrigin? OriginOfReceiver(IOperation receiver, LifetimeState state)
        {
            if (Local(receiver) is { } local)
            {
                if (KnownTypes.Is(local.Type, _types.Context))
                    return new ContextOrigin(local, null);
                return state.Origins.TryGetValue(local, out var origin) ? origin.Derived() : null;
            }

            // A chain: ctx.Eval<JsObject>(…).Get<JsArray>(…).
            return _types.IsContextBound(Unwrap(receiver).Type) ? OriginOf(receiver, state)?.Derived() : null;
        }

        /// <summary>The origin of a lambda or local function: that of the first context-bound local it captures.</summary>
        private ContextOrigin? CapturedOrigin(IOperation target, LifetimeState state)
        {
            var captured = target switch
            {
                IFlowAnonymousFunctionOperation lambda => _captured.Of(lambda),
                IMethodReferenceOperation { Method: { MethodKind: MethodKind.LocalFunction } method } => _captured.Of(method),
                _ => Enumerable.Empty<ILocalSymbol>(),
            };
            foreach (var local in captured)
            {
                if (state.Origins.TryGetValue(local, out var origin))
                    return new ContextOrigin(origin.Context, origin.Captured ?? local);
            }

            return null;
        }

        private void Check(ILocalSymbol receiver, string member, IOperation use, LifetimeState state)
        {
            if (_report is null || s_alwaysAllowed.Contains(member))
                return;
            if ((_types.IsCompiledCode(receiver.Type) && s_compiledCodeData.Contains(member)) ||
                (receiver.Type.TypeKind == TypeKind.Delegate && !s_delegateCalls.Contains(member)))
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

            if (state.Origins.TryGetValue(receiver, out var origin) && DisposedFact(origin.Context, state) is { } contextFact)
            {
                _report.Add(origin.Captured is { } captured
                    ? Diagnostic.Create(Descriptors.CapturedHandleOutlivesContext, location, "'" + receiver.Name + "'", captured.Name, origin.Context.Name, "runs", contextFact.Cause)
                    : Diagnostic.Create(Descriptors.HandleOutlivesContext, location, receiver.Name, origin.Context.Name, contextFact.Cause));
            }
        }

        /// <summary>A call of a local function that captures a handle of a context disposed by now.</summary>
        private void CheckLocalFunctionCall(IInvocationOperation call, LifetimeState state)
        {
            if (_report is null)
                return;
            foreach (var local in _captured.Of(call.TargetMethod))
            {
                if (state.Origins.TryGetValue(local, out var origin) && DisposedFact(origin.Context, state) is { } fact)
                {
                    _report.Add(Diagnostic.Create(Descriptors.CapturedHandleOutlivesContext, call.Syntax.GetLocation(),
                        "Local function '" + call.TargetMethod.Name + "'", origin.Captured?.Name ?? local.Name, origin.Context.Name, "runs", fact.Cause));
                    return;
                }
            }
        }

        /// <summary>
        /// A lambda capturing a handle stored where it outlives the method: a static member, or a member of
        /// <c>this</c>, a parameter or a field (not of a local object, which may die in the scope too).
        /// </summary>
        private void CheckStored(IMemberReferenceOperation member, IOperation value, LifetimeState state)
        {
            if (_report is null || (member.Instance is { } instance && Local(instance) is not null))
                return;
            ReportEscape(value, state, "is stored in '" + member.Member.Name + "', so it can run");
        }

        /// <summary>
        /// A lambda capturing a handle handed to work that runs later (Task.Run, TaskFactory.StartNew,
        /// ThreadPool.QueueUserWorkItem) without being awaited or waited for here.
        /// </summary>
        private void CheckScheduled(IInvocationOperation invocation, LifetimeState state)
        {
            if (_report is null || !IsScheduler(invocation.TargetMethod) || !IsFireAndForget(invocation))
                return;
            foreach (var argument in invocation.Arguments)
                ReportEscape(argument.Value, state, "is passed to " + invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name + ", so it can run");
        }

        /// <summary>V8H1010 when <paramref name="value"/> is a lambda capturing a handle of a context disposed by the end of its scope.</summary>
        private void ReportEscape(IOperation value, LifetimeState state, string escape)
        {
            if (OriginOf(value, state) is not { Captured: { } captured } origin)
                return;
            var cause = DisposedFact(origin.Context, state)?.Cause ?? (IsUsingResource(origin.Context) ? "at the end of its using scope" : null);
            if (cause is null)
                return;
            _report!.Add(Diagnostic.Create(Descriptors.CapturedHandleOutlivesContext, value.Syntax.GetLocation(),
                Describe(value), captured.Name, origin.Context.Name, escape, cause));
        }

        /// <summary>
        /// V8H1009 (or V8H1010 for a lambda): a return of a context-bound value whose context is disposed on the
        /// way out (a using scope's or a finally's Dispose) or was disposed already.
        /// </summary>
        private void CheckReturn(BasicBlock block, LifetimeState state)
        {
            if (block.FallThroughSuccessor is not { Semantics: ControlFlowBranchSemantics.Return } branch || block.BranchValue is not { } value)
                return;
            // The value's own type (a JsObject returned as object) or the one it was cast to ((JsObject)ctx.Eval(…)).
            var returned = Unwrap(value);
            if (!(_types.IsContextBound(returned.Type) || _types.IsContextBound(value.Type)) || OriginOf(returned, state) is not { } origin)
                return;
            string when;
            if (DisposedFact(origin.Context, state) is { } before)
            {
                when = Phrase(before.Cause) + ", before the return";
            }
            else
            {
                var after = state;
                foreach (var region in branch.FinallyRegions)
                    after = ThroughFinally(region, after);
                if (DisposedFact(origin.Context, after) is not { } onTheWayOut)
                    return;
                when = Phrase(onTheWayOut.Cause) + ", as it returns";
            }

            var location = value.Syntax.GetLocation();
            _report!.Add(origin.Captured is { } captured
                ? Diagnostic.Create(Descriptors.CapturedHandleOutlivesContext, location, Describe(returned), captured.Name, origin.Context.Name, "is returned, so it can run", when)
                : Diagnostic.Create(Descriptors.HandleReturnedFromDisposingMethod, location, _function,
                    returned is ILocalReferenceOperation local ? "'" + local.Local.Name + "'" : "a value",
                    (_types.IsContextBound(returned.Type) ? returned.Type! : value.Type!).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), origin.Context.Name, when));
        }

        private static LifetimeFact? DisposedFact(ILocalSymbol context, LifetimeState state) =>
            state.Facts.TryGetValue(context, out var fact) && fact.Kind == LifetimeKind.Disposed ? fact : null;

        /// <summary>"at the end of its using scope" as it is; "Dispose()" as "by Dispose()".</summary>
        private static string Phrase(string cause) => cause.StartsWith("at ", System.StringComparison.Ordinal) ? cause : "by " + cause;

        /// <summary>How a message names a delegate value: the local holding it, or what it is.</summary>
        private static string Describe(IOperation value) => Unwrap(value) switch
        {
            ILocalReferenceOperation local => "'" + local.Local.Name + "'",
            IDelegateCreationOperation { Target: IMethodReferenceOperation { Method.MethodKind: MethodKind.LocalFunction } method } => "Local function '" + method.Method.Name + "'",
            IDelegateCreationOperation { Target: IFlowAnonymousFunctionOperation } => "The lambda",
            _ => "The delegate",
        };

        /// <summary>A local declared by <c>using var</c>, <c>await using var</c> or <c>using (var … = …)</c>: disposed when its scope ends.</summary>
        private static bool IsUsingResource(ILocalSymbol local)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: var statement } } &&
                    (statement is UsingStatementSyntax || (statement is LocalDeclarationStatementSyntax declaration && declaration.UsingKeyword != default)))
                    return true;
            }

            return false;
        }

        private static bool IsScheduler(IMethodSymbol method) =>
            method.ContainingType?.OriginalDefinition.ToDisplayString() is "System.Threading.Tasks.Task" or "System.Threading.Tasks.TaskFactory"
                or "System.Threading.Tasks.TaskFactory<TResult>" or "System.Threading.ThreadPool" &&
            method.Name is "Run" or "StartNew" or "QueueUserWorkItem" or "UnsafeQueueUserWorkItem";

        /// <summary>Nothing here waits for the work: the call is a statement, returned, discarded or stored in a member (an awaited, waited-for or local task is not).</summary>
        private static bool IsFireAndForget(IInvocationOperation invocation) => Parent(invocation) switch
        {
            null or IExpressionStatementOperation => true,
            ISimpleAssignmentOperation { Target: IDiscardOperation or IMemberReferenceOperation } => true,
            _ => false,
        };

        private static IOperation? Parent(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation)
                parent = parent.Parent;
            return parent;
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

        private bool IsTracked(ITypeSymbol? type) => _types.OwnsIsolate(type) || _types.IsContextBound(type);

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
