using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using V8Host.Analyzers.Diagnostics;

namespace V8Host.Analyzers.HostCode
{
    /// <summary>
    /// V8H1007: a [HostFunction] method or a [HostClass] member blocks on a JS promise
    /// (<c>JsPromise.Wait()</c>, or <c>.Result</c>, <c>.Wait()</c>, <c>GetAwaiter().GetResult()</c> on a task from
    /// <c>AsTask()</c>/<c>EvalAsync</c>/<c>RunUntilIdleAsync</c>). Host members run on the engine thread,
    /// which is the thread that would settle the promise.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BlockingInHostCodeAnalyzer : V8HostAnalyzer
    {
        private static readonly ImmutableHashSet<string> s_promiseTasks = ImmutableHashSet.Create("AsTask", "EvalAsync", "RunUntilIdleAsync");

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BlockingInHostCode);

        private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types) =>
            context.RegisterOperationAction(operation => Analyze(operation, types), OperationKind.Invocation, OperationKind.PropertyReference);

        private static void Analyze(OperationAnalysisContext context, KnownTypes types)
        {
            if (!IsHostCode(context.ContainingSymbol, types))
                return;
            var blocking = context.Operation switch
            {
                IInvocationOperation { TargetMethod.Name: "Wait", Instance: { } instance } when KnownTypes.Is(instance.Type, types.JsPromise) => "JsPromise.Wait()",
                IInvocationOperation { TargetMethod.Name: "Wait" or "GetResult", Instance: { } instance } when FromPromise(instance, types) => context.Operation.Syntax.ToString(),
                IPropertyReferenceOperation { Property.Name: "Result", Instance: { } instance } when FromPromise(instance, types) => context.Operation.Syntax.ToString(),
                _ => null,
            };
            if (blocking is not null)
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.BlockingInHostCode, context.Operation.Syntax.GetLocation(), context.ContainingSymbol.Name, blocking));
        }

        /// <summary>Whether the task comes from a JS promise: directly, through GetAwaiter(), or through a local initialized that way.</summary>
        private static bool FromPromise(IOperation instance, KnownTypes types)
        {
            while (instance is IConversionOperation conversion)
                instance = conversion.Operand;
            if (KnownTypes.Is(instance.Type, types.JsPromise))
                return true; // promise.GetAwaiter().GetResult()
            switch (instance)
            {
                case IInvocationOperation { TargetMethod.Name: "GetAwaiter" or "ConfigureAwait", Instance: { } inner }:
                    return FromPromise(inner, types);
                case IInvocationOperation invocation:
                    return s_promiseTasks.Contains(invocation.TargetMethod.Name) && invocation.TargetMethod.ContainingNamespace?.ToDisplayString() == "V8Host";
                case ILocalReferenceOperation local:
                    var declarator = local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                    var initializer = declarator is null ? null : instance.SemanticModel?.GetOperation(declarator) as IVariableDeclaratorOperation;
                    return initializer?.Initializer?.Value is { } value && FromPromise(value, types);
                default:
                    return false;
            }
        }

        private static bool IsHostCode(ISymbol symbol, KnownTypes types)
        {
            var method = symbol as IMethodSymbol;
            while (method?.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction)
                method = method.ContainingSymbol as IMethodSymbol;
            if (method is null)
                return false;
            if (method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.HostFunctionAttribute)))
                return true;
            return method.DeclaredAccessibility == Accessibility.Public &&
                   method.ContainingType.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.HostClassAttribute));
        }
    }
}
