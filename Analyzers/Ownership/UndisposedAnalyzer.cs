using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using V8Host.Analyzers.Diagnostics;

namespace V8Host.Analyzers.Ownership
{
    /// <summary>
    /// V8H1005: a Context, Isolate, SnapshotCreator, ContextBuilder or Scope created in a method and never
    /// disposed, returned, stored, passed on or consumed. Ownership moves with any of those, so
    /// factories, disposable owners and builder chains stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UndisposedAnalyzer : V8HostAnalyzer
    {
        private static readonly ImmutableHashSet<string> s_ownershipTransfers = ImmutableHashSet.Create(
            "Dispose", "DisposeAsync", "CreateContext", "CreateContextBuilder", "CreateContextFromSnapshot", "CreateScope", "Build", "CreateBlob");

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NotDisposed);

        private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types) =>
            context.RegisterOperationAction(operation => AnalyzeCreation(operation, types), OperationKind.ObjectCreation, OperationKind.Invocation);

        private static void AnalyzeCreation(OperationAnalysisContext context, KnownTypes types)
        {
            var creation = context.Operation;
            var type = creation switch
            {
                IObjectCreationOperation objectCreation => objectCreation.Type,
                IInvocationOperation invocation => invocation.TargetMethod.ReturnType,
                _ => null,
            };
            if (!types.OwnsIsolate(type) || creation is IInvocationOperation { TargetMethod.Name: not ("CreateContext" or "CreateContextBuilder" or "CreateContextFromSnapshot" or "CreateScope" or "Build") })
                return;
            if (creation is IInvocationOperation { TargetMethod: var method } && !SymbolEqualityComparer.Default.Equals(method.ContainingType.ContainingNamespace, types.Context!.ContainingNamespace))
                return;
            if (IsOwned(creation, types))
                return;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotDisposed, creation.Syntax.GetLocation(), type!.Name));
        }

        /// <summary>Whether the created value is handed to something that takes care of it.</summary>
        private static bool IsOwned(IOperation value, KnownTypes types)
        {
            var parent = Parent(value);
            switch (parent)
            {
                case IUsingOperation:
                case IUsingDeclarationOperation:
                case IReturnOperation:
                case IArgumentOperation:
                case IAwaitOperation:
                case IFieldInitializerOperation:
                case IPropertyInitializerOperation:
                case IArrayInitializerOperation:
                case IAnonymousObjectCreationOperation:
                case ITupleOperation:
                case IDelegateCreationOperation:
                    return true;
                case IInvocationOperation invocation when IsReceiver(invocation.Instance, value):
                    // A call on the value: consuming calls (CreateContext, Build …) move ownership on,
                    // fluent builder calls keep it in the chain.
                    return s_ownershipTransfers.Contains(invocation.TargetMethod.Name) || IsFluentReturn(invocation, types);
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                    return Parent(assignment) is IUsingOperation || LocalIsOwned(local.Local, value, types);
                case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation local }:
                    return LocalIsOwned(local.Local, value, types);
                case ICoalesceAssignmentOperation:
                    return true; // lazily stored in a field, property or parameter
                case ISimpleAssignmentOperation:
                    return true; // stored in a field, property, array element or out parameter
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return InUsing(declarator) || LocalIsOwned(declarator.Symbol, value, types);
                case IConditionalOperation:
                case ICoalesceOperation:
                case ISwitchExpressionArmOperation:
                case ISwitchExpressionOperation:
                    return IsOwned(parent, types);
                case IConditionalAccessOperation { WhenNotNull: IInvocationOperation invocation } access when ReferenceEquals(Unwrap(access.Operation), value):
                    return s_ownershipTransfers.Contains(invocation.TargetMethod.Name); // ctx?.Dispose()
                default:
                    return false;
            }
        }

        private static bool InUsing(IOperation declarator)
        {
            for (var current = declarator.Parent; current is IVariableDeclarationOperation or IVariableDeclarationGroupOperation or IUsingDeclarationOperation or IUsingOperation; current = current.Parent)
            {
                if (current is IUsingDeclarationOperation or IUsingOperation)
                    return true;
            }

            return false;
        }

        private static bool IsReceiver(IOperation? instance, IOperation value) => instance is not null && ReferenceEquals(Unwrap(instance), value);

        /// <summary>A builder method returning the builder itself (AddHostFunction …): ownership stays with the chain.</summary>
        private static bool IsFluentReturn(IInvocationOperation invocation, KnownTypes types) =>
            SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ReturnType, invocation.TargetMethod.ContainingType) && IsOwned(invocation, types);

        /// <summary>Every use of the local: any disposal, escape or ownership transfer counts.</summary>
        private static bool LocalIsOwned(ILocalSymbol local, IOperation creation, KnownTypes types)
        {
            var body = creation.Syntax.Ancestors().FirstOrDefault(a => a is Microsoft.CodeAnalysis.CSharp.Syntax.BaseMethodDeclarationSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.AccessorDeclarationSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.AnonymousFunctionExpressionSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax);
            var root = body is null ? null : creation.SemanticModel?.GetOperation(body);
            if (root is null)
                return true; // cannot see all uses: stay silent
            foreach (var reference in root.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
            {
                // Uses inside the creation itself (builder = c ? builder.AddX() : builder.AddY()) are the old value's,
                // and following them back into this method would never end.
                if (!SymbolEqualityComparer.Default.Equals(reference.Local, local) || reference.Syntax.SpanStart < creation.Syntax.Span.End)
                    continue;
                if (Parent(reference) is ISimpleAssignmentOperation { Target: var target } && ReferenceEquals(target, reference))
                    continue; // overwritten, not used
                if (IsOwned(reference, types) || IsCapturedByLambda(reference))
                    return true;
            }

            return false;
        }

        /// <summary>Whether the reference sits in a lambda or local function other than the one declaring the local.</summary>
        private static bool IsCapturedByLambda(ILocalReferenceOperation reference)
        {
            var enclosing = reference.SemanticModel?.GetEnclosingSymbol(reference.Syntax.SpanStart);
            return enclosing is not null && !SymbolEqualityComparer.Default.Equals(enclosing, reference.Local.ContainingSymbol);
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation or IParenthesizedOperation)
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            return operation;
        }

        /// <summary>The parent, skipping implicit conversions and parentheses.</summary>
        private static IOperation? Parent(IOperation operation)
        {
            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
                parent = parent.Parent;
            return parent;
        }
    }
}
