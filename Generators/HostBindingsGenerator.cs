using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using V8Host.Generators.Emitting;
using V8Host.Generators.Model;
using V8Host.Generators.Parsing;
using V8Host.Generators.Planning;
using V8Host.Shared.Binding;

namespace V8Host.Generators
{
    /// <summary>
    /// Turns <c>[HostClass]</c>, <c>[HostFunction]</c>, <c>[HostModule]</c>, <c>[HostProfile]</c> and <c>[HostData]</c>
    /// declarations into V8Host bindings. Pipeline: Parsing (symbols → the shared neutral declarations,
    /// with locations) → Planning (the shared planner: a location-free plan, and every diagnostic on its
    /// own output) → Emitting (C# and TypeScript text only). Moving code changes locations, not plans,
    /// so it re-emits nothing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class HostBindingsGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps (used by the incremental-caching tests).</summary>
        public static class Steps
        {
            /// <summary>The assembly's naming policy.</summary>
            public const string Naming = nameof(Naming);

            /// <summary>One declaration model per <c>[HostClass]</c> type.</summary>
            public const string Classes = nameof(Classes);

            /// <summary>One declaration model per <c>[HostFunction]</c> method.</summary>
            public const string Functions = nameof(Functions);

            /// <summary>The functions grouped by declaring type, one item per type.</summary>
            public const string FunctionSets = nameof(FunctionSets);

            /// <summary>One declaration model per <c>[HostModule]</c> class.</summary>
            public const string Modules = nameof(Modules);

            /// <summary>One model per <c>[HostProfile]</c> class.</summary>
            public const string Profiles = nameof(Profiles);

            /// <summary>Planned bindings: location-free plans (what source output depends on).</summary>
            public const string Bindings = nameof(Bindings);

            /// <summary>The plain-data types the bindings use or <c>[HostData]</c> marks, one item per type.</summary>
            public const string PlainData = nameof(PlainData);

            /// <summary>The assembly's TypeScript declarations.</summary>
            public const string TypeScript = nameof(TypeScript);
        }

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var naming = context.CompilationProvider
                .Select((compilation, _) => NamingParser.Read(compilation))
                .WithTrackingName(Steps.Naming);

            var classes = context.SyntaxProvider.ForAttributeWithMetadataName(
                    ClassParser.Attribute,
                    static (node, _) => node is TypeDeclarationSyntax,
                    static (syntax, cancellationToken) => Guard(syntax.TargetSymbol, BindingKind.Class, () => ClassParser.Parse(syntax, cancellationToken)))
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(Steps.Classes);

            var functions = context.SyntaxProvider.ForAttributeWithMetadataName(
                    FunctionParser.Attribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (syntax, _) => Guard(syntax.TargetSymbol.ContainingType, BindingKind.Functions, () => FunctionParser.Parse(syntax)))
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(Steps.Functions);

            // One item per declaring type, so that each set caches on its own.
            var functionSets = functions.Collect()
                .SelectMany(static (models, _) => models
                    .GroupBy(m => m.Declaration)
                    .Select(BindingPlanning.Merge)
                    .ToList())
                .WithTrackingName(Steps.FunctionSets);

            var modules = context.SyntaxProvider.ForAttributeWithMetadataName(
                    ModuleParser.Attribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (syntax, _) => Guard(syntax.TargetSymbol, BindingKind.Module, () => ModuleParser.Parse(syntax)))
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(Steps.Modules);

            var profiles = context.SyntaxProvider.ForAttributeWithMetadataName(
                    ProfileParser.Attribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (syntax, _) => GuardProfile(syntax.TargetSymbol, () => ProfileParser.Parse(syntax)))
                .WithTrackingName(Steps.Profiles);

            var declarations = classes.Collect().Combine(functionSets.Collect()).Combine(modules.Collect())
                .SelectMany(static (input, _) => input.Left.Left.Concat(input.Left.Right).Concat(input.Right).ToList());
            var planned = declarations.Combine(naming)
                .Select(static (input, _) => BindingPlanning.Plan(input.Left, input.Right));

            // Diagnostics on their own output; source depends only on the location-free plans.
            context.RegisterSourceOutput(planned.Select(static (p, _) => p.Diagnostics), static (output, diagnostics) => Report(output, diagnostics));
            var bindings = planned
                .Select(static (p, _) => p.Binding ?? p.Placeholder)
                .Where(static b => b is not null)
                .Select(static (b, _) => b!)
                .WithTrackingName(Steps.Bindings);
            var outputs = bindings.Select(static (binding, _) => binding.Class is null && binding.Functions is null
                ? PlaceholderEmitter.Emit(binding)
                : binding.Kind == BindingKind.Class ? ClassEmitter.Emit(binding) : FunctionSetEmitter.Emit(binding));
            context.RegisterSourceOutput(outputs, static (output, result) => output.AddSource(result.HintName, result.Source));

            var plannedProfiles = profiles.Combine(naming).Select(static (input, _) => ProfilePlanning.Plan(input.Left, input.Right));
            context.RegisterSourceOutput(plannedProfiles.Select(static (p, _) => p.Diagnostics), static (output, diagnostics) => Report(output, diagnostics));
            var profileOutputs = plannedProfiles.Select(static (p, _) => p.Binding).Where(static b => b is not null).Select(static (b, _) => ProfileEmitter.Emit(b!));
            context.RegisterSourceOutput(profileOutputs, static (output, result) => output.AddSource(result.HintName, result.Source));

            var marked = context.SyntaxProvider.ForAttributeWithMetadataName(
                    BindingContract.HostDataAttribute,
                    static (node, _) => node is TypeDeclarationSyntax,
                    static (syntax, _) => PlainDataParser.ParseMarked(syntax));
            context.RegisterSourceOutput(marked.Select(static (m, _) => m.Diagnostics), static (output, diagnostics) => Report(output, diagnostics));
            var plainData = declarations.SelectMany(static (d, _) => d.PlainData)
                .Collect()
                .Combine(marked.SelectMany(static (m, _) => m.PlainData).Collect())
                .SelectMany(static (input, _) => input.Left.Concat(input.Right).GroupBy(p => p.FullName).Select(g => g.First()).OrderBy(p => p.FullName, StringComparer.Ordinal).ToList())
                .WithTrackingName(Steps.PlainData);
            var plainDataOutputs = plainData.Combine(naming).Select(static (input, _) => PlainDataEmitter.Emit(input.Left, input.Right));
            context.RegisterSourceOutput(plainDataOutputs, static (output, result) => output.AddSource(result.HintName, result.Source));

            var typeScript = outputs.Collect().Combine(plainDataOutputs.Collect())
                .Select(static (input, _) => TypeScriptFileEmitter.Emit(input.Left.Concat(input.Right)))
                .WithTrackingName(Steps.TypeScript);
            context.RegisterSourceOutput(typeScript, static (output, text) =>
            {
                if (text is not null)
                    output.AddSource(TypeScriptFileEmitter.HintName, text);
            });
        }

        /// <summary>Parsing never throws into the compiler: a failure becomes one V8H0099 diagnostic on the declaration.</summary>
        private static DeclarationModel? Guard(ISymbol symbol, BindingKind kind, Func<DeclarationModel?> parse)
        {
            try
            {
                return parse();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
                return new DeclarationModel(kind, DeclarationParser.Declaration(type), type.Name, false, EquatableArray<DeclaredMember>.Empty, EquatableArray<MemberLocations>.Empty,
                    LocationInfo.From(symbol), new[] { Failure(symbol, exception) }.ToEquatableArray(), false, EquatableArray<PlainDataModel>.Empty);
            }
        }

        private static ProfileModel GuardProfile(ISymbol symbol, Func<ProfileModel> parse)
        {
            try
            {
                return parse();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return new ProfileModel(DeclarationParser.Declaration((INamedTypeSymbol)symbol), EquatableArray<ProfileEntry>.Empty, new[] { Failure(symbol, exception) }.ToEquatableArray());
            }
        }

        private static DiagnosticInfo Failure(ISymbol symbol, Exception exception) =>
            DiagnosticInfo.Create(BindingProblems.GeneratorFailure, LocationInfo.From(symbol), symbol.ToDisplayString(), exception.GetType().Name + ": " + exception.Message);

        private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (var diagnostic in diagnostics)
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}
