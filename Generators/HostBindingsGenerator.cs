using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Emitting;
using V8Host.Generators.Model;
using V8Host.Generators.Parsing;

namespace V8Host.Generators
{
    /// <summary>
    /// Turns <c>[HostClass]</c>, <c>[HostFunction]</c>, <c>[HostModule]</c> and <c>[HostProfile]</c> declarations into V8Host
    /// bindings. Pipeline: attribute-driven syntax providers → parsers build equatable models (no
    /// symbols or syntax past this point) → combined with the naming policy → emitters write text.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class HostBindingsGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking names of the pipeline steps (used by the incremental-caching tests).</summary>
        public static class Steps
        {
            /// <summary>The assembly's naming policy.</summary>
            public const string Naming = nameof(Naming);

            /// <summary>One model per <c>[HostClass]</c> type.</summary>
            public const string Classes = nameof(Classes);

            /// <summary>One model per <c>[HostFunction]</c> method.</summary>
            public const string Functions = nameof(Functions);

            /// <summary>The functions grouped by declaring type.</summary>
            public const string FunctionSets = nameof(FunctionSets);

            /// <summary>One model per <c>[HostModule]</c> class.</summary>
            public const string Modules = nameof(Modules);

            /// <summary>One model per <c>[HostProfile]</c> class.</summary>
            public const string Profiles = nameof(Profiles);

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
                    static (syntax, cancellationToken) => Guard(syntax.TargetSymbol, () => ClassParser.Parse(syntax, cancellationToken), failure => new ClassModel(
                        MemberParser.Declaration((INamedTypeSymbol)syntax.TargetSymbol), null, false, EquatableArray<MethodModel>.Empty, EquatableArray<MethodModel>.Empty,
                        EquatableArray<PropertyModel>.Empty, LocationInfo.From(syntax.TargetSymbol), new[] { failure }.ToEquatableArray())))
                .WithTrackingName(Steps.Classes);

            var functions = context.SyntaxProvider.ForAttributeWithMetadataName(
                    FunctionParser.Attribute,
                    static (node, _) => node is MethodDeclarationSyntax,
                    static (syntax, _) => Guard(syntax.TargetSymbol, () => FunctionParser.Parse(syntax), failure => new FunctionSetModel(
                        MemberParser.Declaration(syntax.TargetSymbol.ContainingType), EquatableArray<MethodModel>.Empty, new[] { failure }.ToEquatableArray())))
                .Where(static set => set is not null)
                .Select(static (set, _) => set!)
                .WithTrackingName(Steps.Functions);

            // One binding list per declaring type: group the per-method models.
            var functionSets = functions.Collect()
                .Select(static (sets, _) => sets
                    .GroupBy(s => s.Declaration)
                    .Select(g => new FunctionSetModel(g.Key, g.SelectMany(s => s.Functions).ToEquatableArray(), g.SelectMany(s => s.Diagnostics).Distinct().ToEquatableArray(), g.All(s => s.CanEmit)))
                    .ToEquatableArray())
                .WithTrackingName(Steps.FunctionSets);

            var modules = context.SyntaxProvider.ForAttributeWithMetadataName(
                    ModuleParser.Attribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (syntax, _) => Guard(syntax.TargetSymbol, () => ModuleParser.Parse(syntax), failure => new FunctionSetModel(
                        MemberParser.Declaration((INamedTypeSymbol)syntax.TargetSymbol), EquatableArray<MethodModel>.Empty, new[] { failure }.ToEquatableArray(), CanEmit: false)))
                .WithTrackingName(Steps.Modules);

            var profiles = context.SyntaxProvider.ForAttributeWithMetadataName(
                    ProfileParser.Attribute,
                    static (node, _) => node is ClassDeclarationSyntax,
                    static (syntax, _) => Guard(syntax.TargetSymbol, () => ProfileParser.Parse(syntax), failure => new ProfileModel(
                        MemberParser.Declaration((INamedTypeSymbol)syntax.TargetSymbol), EquatableArray<ProfileEntry>.Empty, new[] { failure }.ToEquatableArray())))
                .WithTrackingName(Steps.Profiles);

            var classOutputs = classes.Combine(naming)
                .Select(static (input, _) => Emit(input.Left.Declaration.Name, input.Left.Location, () => ClassEmitter.Emit(input.Left, input.Right)));
            var functionOutputs = functionSets.Combine(naming)
                .Select(static (input, _) => input.Left
                    .Select(set => Emit(set.Declaration.Name, set.Functions.Count > 0 ? set.Functions[0].Location : set.Diagnostics.FirstOrDefault()?.Location, () => FunctionSetEmitter.Emit(set, input.Right)))
                    .ToEquatableArray());
            var moduleOutputs = modules.Combine(naming)
                .Select(static (input, _) => Emit(input.Left.Declaration.Name, input.Left.Diagnostics.FirstOrDefault()?.Location, () => FunctionSetEmitter.Emit(input.Left, input.Right)));
            var profileOutputs = profiles.Combine(naming)
                .Select(static (input, _) => Emit(input.Left.Declaration.Name, null, () => ProfileEmitter.Emit(input.Left, input.Right)));

            context.RegisterSourceOutput(classOutputs, static (output, result) => Report(output, result));
            context.RegisterSourceOutput(functionOutputs, static (output, results) =>
            {
                foreach (var result in results)
                    Report(output, result);
            });
            context.RegisterSourceOutput(moduleOutputs, static (output, result) => Report(output, result));
            context.RegisterSourceOutput(profileOutputs, static (output, result) => Report(output, result));

            var typeScript = classOutputs.Collect().Combine(functionOutputs).Combine(moduleOutputs.Collect())
                .Select(static (input, _) => TypeScriptFileEmitter.Emit(input.Left.Left.Concat(input.Left.Right).Concat(input.Right)))
                .WithTrackingName(Steps.TypeScript);
            context.RegisterSourceOutput(typeScript, static (output, text) =>
            {
                if (text is not null)
                    output.AddSource(TypeScriptFileEmitter.HintName, text);
            });
        }

        /// <summary>Parsing never throws into the compiler: a failure becomes one V8H0099 diagnostic on the declaration.</summary>
        private static T Guard<T>(ISymbol symbol, Func<T> parse, Func<DiagnosticInfo, T> onFailure)
        {
            try
            {
                return parse();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return onFailure(DiagnosticInfo.Create(Descriptors.GeneratorFailure, LocationInfo.From(symbol), symbol.ToDisplayString(), exception.GetType().Name + ": " + exception.Message));
            }
        }

        /// <summary>Emitting never throws into the compiler either: a failure is one V8H0099 diagnostic.</summary>
        private static EmitResult Emit(string declaration, LocationInfo? location, Func<EmitResult> emit)
        {
            try
            {
                return emit();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                var failure = DiagnosticInfo.Create(Descriptors.GeneratorFailure, location ?? new LocationInfo(string.Empty, default, default), declaration, exception.GetType().Name + ": " + exception.Message);
                return EmitResult.Failed(new[] { failure });
            }
        }

        private static void Report(SourceProductionContext output, EmitResult result)
        {
            foreach (var diagnostic in result.Diagnostics)
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            if (result.HintName is not null && result.Source is not null)
                output.AddSource(result.HintName, result.Source);
        }
    }
}
