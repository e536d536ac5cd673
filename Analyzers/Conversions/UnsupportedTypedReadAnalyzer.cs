using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using V8Host.Analyzers.Diagnostics;

namespace V8Host.Analyzers.Conversions
{
    /// <summary>
    /// V8H1008: <c>Eval&lt;T&gt;</c>, <c>Get&lt;T&gt;</c> or <c>Invoke&lt;T&gt;</c> with a <c>T</c> no JavaScript value
    /// converts to (types.md and api.md §5): it can only ever throw. See <see cref="TypedReadTarget"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnsupportedTypedReadAnalyzer : V8HostAnalyzer
    {
        private static readonly ImmutableHashSet<string> s_typedReads = ImmutableHashSet.Create("Eval", "Get", "Invoke");

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnsupportedTypedRead);

        private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types) =>
            context.RegisterOperationAction(operation => Analyze(operation, types), OperationKind.Invocation);

        private static void Analyze(OperationAnalysisContext context, KnownTypes types)
        {
            var method = ((IInvocationOperation)context.Operation).TargetMethod;
            if (!method.IsGenericMethod || method.TypeArguments.Length != 1 || !s_typedReads.Contains(method.Name))
                return;
            var owner = method.ContainingType;
            if (!KnownTypes.Is(owner, types.Context) && !types.IsHandle(owner))
                return;
            var target = method.TypeArguments[0];
            if (!TypedReadTarget.IsReadable(target, context.Compilation, out var suggestion))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedTypedRead, context.Operation.Syntax.GetLocation(),
                    method.Name, target.ToDisplayString(), suggestion));
            }
        }
    }
}
