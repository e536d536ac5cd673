using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace V8Host.Analyzers.Lifetime
{
    /// <summary>
    /// The locals each lambda and local function of a graph refers to (its own included; only captured ones
    /// have facts in the enclosing flow), read from their own control-flow graphs and cached.
    /// </summary>
    internal sealed class CapturedLocals
    {
        private readonly ControlFlowGraph _graph;
        private readonly Dictionary<IFlowAnonymousFunctionOperation, ImmutableArray<ILocalSymbol>> _lambdas = new();
        private readonly Dictionary<IMethodSymbol, ImmutableArray<ILocalSymbol>> _localFunctions = new(SymbolEqualityComparer.Default);

        public CapturedLocals(ControlFlowGraph graph) => _graph = graph;

        public ImmutableArray<ILocalSymbol> Of(IFlowAnonymousFunctionOperation lambda)
        {
            if (!_lambdas.TryGetValue(lambda, out var locals))
                _lambdas[lambda] = locals = Referenced(_graph.GetAnonymousFunctionControlFlowGraph(lambda));
            return locals;
        }

        /// <summary>Empty for a local function declared outside this graph (in an enclosing function).</summary>
        public ImmutableArray<ILocalSymbol> Of(IMethodSymbol localFunction)
        {
            if (!_localFunctions.TryGetValue(localFunction, out var locals))
            {
                _localFunctions[localFunction] = locals = _graph.LocalFunctions.Contains(localFunction, SymbolEqualityComparer.Default)
                    ? Referenced(_graph.GetLocalFunctionControlFlowGraph(localFunction))
                    : ImmutableArray<ILocalSymbol>.Empty;
            }

            return locals;
        }

        /// <summary>Every local referenced in <paramref name="graph"/> and the lambdas and local functions nested in it, in order of appearance.</summary>
        private static ImmutableArray<ILocalSymbol> Referenced(ControlFlowGraph graph)
        {
            var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var result = ImmutableArray.CreateBuilder<ILocalSymbol>();
            Collect(graph, seen, result);
            return result.ToImmutable();
        }

        private static void Collect(ControlFlowGraph graph, HashSet<ILocalSymbol> seen, ImmutableArray<ILocalSymbol>.Builder result)
        {
            foreach (var block in graph.Blocks)
            {
                var roots = block.BranchValue is null ? block.Operations : block.Operations.Add(block.BranchValue);
                foreach (var operation in roots.SelectMany(o => o.DescendantsAndSelf()))
                {
                    if (operation is ILocalReferenceOperation reference && seen.Add(reference.Local))
                        result.Add(reference.Local);
                    else if (operation is IFlowAnonymousFunctionOperation nested)
                        Collect(graph.GetAnonymousFunctionControlFlowGraph(nested), seen, result);
                }
            }

            foreach (var localFunction in graph.LocalFunctions)
                Collect(graph.GetLocalFunctionControlFlowGraph(localFunction), seen, result);
        }
    }
}
