using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using V8Host.Analyzers.Diagnostics;

namespace V8Host.Analyzers.Lifetime
{
    /// <summary>
    /// V8H1001–V8H1004, V8H1009, V8H1010: a consumed isolate, a built builder, a disposed object or a handle,
    /// script or JS function of a disposed context used again; a handle returned from the method that disposes
    /// its context; a lambda capturing a handle that runs, or can run, after its context is gone. A must-analysis over each method's control-flow graph: it reports only what
    /// holds on every path, so correct code (conditional disposal, re-assignment in loops) stays silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LifetimeAnalyzer : V8HostAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.IsolateConsumed, Descriptors.BuilderConsumed, Descriptors.UsedAfterDispose, Descriptors.HandleOutlivesContext,
            Descriptors.HandleReturnedFromDisposingMethod, Descriptors.CapturedHandleOutlivesContext);

        private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types) =>
            context.RegisterOperationBlockAction(block =>
            {
                foreach (var root in block.OperationBlocks)
                {
                    if (root is IMethodBodyOperation or IConstructorBodyOperation or IBlockOperation)
                        Analyze(block.GetControlFlowGraph(root), types, Describe(block.OwningSymbol), block.ReportDiagnostic);
                }
            });

        /// <summary>A graph, then the graphs of its lambdas and local functions (each starts knowing nothing about captured locals).</summary>
        private static void Analyze(ControlFlowGraph graph, KnownTypes types, string function, System.Action<Diagnostic> report)
        {
            foreach (var diagnostic in new LifetimeFlow(graph, types, function).Run())
                report(diagnostic);
            foreach (var localFunction in graph.LocalFunctions)
                Analyze(graph.GetLocalFunctionControlFlowGraph(localFunction), types, "'" + localFunction.Name + "'", report);
            foreach (var lambda in graph.Blocks.SelectMany(b => b.Operations.Concat(b.BranchValue is null ? Enumerable.Empty<IOperation>() : new[] { b.BranchValue }))
                         .SelectMany(o => o.DescendantsAndSelf()).OfType<IFlowAnonymousFunctionOperation>())
                Analyze(graph.GetAnonymousFunctionControlFlowGraph(lambda), types, "The lambda", report);
        }

        /// <summary>The function as messages name it: <c>'Load'</c>, the property for an accessor, the type for a constructor.</summary>
        private static string Describe(ISymbol owner) => owner switch
        {
            IMethodSymbol { AssociatedSymbol: { } property } => "'" + property.Name + "'",
            IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor => "The constructor of '" + constructor.ContainingType.Name + "'",
            _ => "'" + owner.Name + "'",
        };
    }
}
