using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using V8Host.Analyzers.Diagnostics;

namespace V8Host.Analyzers.Ownership
{
    /// <summary>V8H1006: a static field or auto-property whose type is a JS handle: it outlives every context.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StaticHandleAnalyzer : V8HostAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.StaticHandle);

        private protected override void Register(CompilationStartAnalysisContext context, KnownTypes types) =>
            context.RegisterSymbolAction(symbol => Analyze(symbol, types), SymbolKind.Field, SymbolKind.Property);

        private static void Analyze(SymbolAnalysisContext context, KnownTypes types)
        {
            var (type, isStatic) = context.Symbol switch
            {
                IFieldSymbol { IsImplicitlyDeclared: false } field => (field.Type, field.IsStatic),
                IPropertySymbol property when IsAutoProperty(property) => (property.Type, property.IsStatic),
                _ => (null, false),
            };
            if (!isStatic || !types.IsHandle(type))
                return;
            foreach (var location in context.Symbol.Locations)
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.StaticHandle, location, context.Symbol.Name, type!.Name));
        }

        private static bool IsAutoProperty(IPropertySymbol property)
        {
            foreach (var member in property.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, property))
                    return true;
            }

            return false;
        }
    }
}
