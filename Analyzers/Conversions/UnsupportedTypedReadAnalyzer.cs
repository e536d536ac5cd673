using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using V8Host.Analyzers.Diagnostics;
using V8Host.Generators.Parsing;
using V8Host.Shared.Binding;

namespace V8Host.Analyzers.Conversions
{
    /// <summary>
    /// V8H1008: <c>Eval&lt;T&gt;</c>, <c>Get&lt;T&gt;</c> or <c>Invoke&lt;T&gt;</c> with a <c>T</c> no JavaScript value
    /// converts to (types.md): it can only ever throw. Uses the generator's own classifier.
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
            // Type parameters are unknown; any delegate type wraps a JS function.
            if (target is ITypeParameterSymbol || target.TypeKind == TypeKind.Delegate)
                return;
            var classified = TypeRules.Classify(new RoslynTypeView(target, Generators.Parsing.KnownTypes.For(context.Compilation)), TypePosition.Parameter);

            // Only library types are certain: a user type may be a host class registered at run time.
            if ((!classified.IsSupported && IsLibraryType(target)) || classified.Kind is ValueKind.Context or ValueKind.CancellationToken)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedTypedRead, context.Operation.Syntax.GetLocation(),
                    method.Name, target.ToDisplayString(), classified.Suggestion ?? "a value type from types.md"));
            }
        }

        private static bool IsLibraryType(ITypeSymbol type) => type switch
        {
            IArrayTypeSymbol array => IsLibraryType(array.ElementType),
            INamedTypeSymbol { IsTupleType: true } => true,
            _ => type.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal)),
        };
    }
}
