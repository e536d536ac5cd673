using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Diagnostics
{
    /// <summary>
    /// The generator's diagnostics. Text comes from the shared <see cref="BindingProblems"/> (run-time
    /// registration throws the same words); IDs, category and severity are literals here so that
    /// release tracking (AnalyzerReleases.*.md) can see them, and a test checks both tables agree.
    /// Each has a page under docs/diagnostics/.
    /// </summary>
    internal static class Descriptors
    {
        private const string Category = "V8Host.Bindings";
        private const string HelpRoot = "https://github.com/v8host/v8host/blob/main/docs/diagnostics/";

        public static readonly DiagnosticDescriptor TypeNotPartial = new(
            "V8H0001", BindingProblems.TypeNotPartial.Title, BindingProblems.TypeNotPartial.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0001.md");

        public static readonly DiagnosticDescriptor InstanceHostFunction = new(
            "V8H0002", BindingProblems.InstanceHostFunction.Title, BindingProblems.InstanceHostFunction.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0002.md");

        public static readonly DiagnosticDescriptor UnsupportedParameterType = new(
            "V8H0003", BindingProblems.UnsupportedParameterType.Title, BindingProblems.UnsupportedParameterType.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0003.md");

        public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
            "V8H0004", BindingProblems.UnsupportedReturnType.Title, BindingProblems.UnsupportedReturnType.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0004.md");

        public static readonly DiagnosticDescriptor DuplicateJsName = new(
            "V8H0005", BindingProblems.DuplicateJsName.Title, BindingProblems.DuplicateJsName.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0005.md");

        public static readonly DiagnosticDescriptor InvalidJsName = new(
            "V8H0006", BindingProblems.InvalidJsName.Title, BindingProblems.InvalidJsName.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0006.md");

        public static readonly DiagnosticDescriptor GenericMember = new(
            "V8H0007", BindingProblems.GenericMember.Title, BindingProblems.GenericMember.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0007.md");

        public static readonly DiagnosticDescriptor ByRefParameter = new(
            "V8H0008", BindingProblems.ByRefParameter.Title, BindingProblems.ByRefParameter.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0008.md");

        public static readonly DiagnosticDescriptor AsyncVoid = new(
            "V8H0009", BindingProblems.AsyncVoid.Title, BindingProblems.AsyncVoid.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0009.md");

        public static readonly DiagnosticDescriptor AmbiguousOverloads = new(
            "V8H0010", BindingProblems.AmbiguousOverloads.Title, BindingProblems.AmbiguousOverloads.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0010.md");

        public static readonly DiagnosticDescriptor NothingToExpose = new(
            "V8H0011", BindingProblems.NothingToExpose.Title, BindingProblems.NothingToExpose.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0011.md");

        public static readonly DiagnosticDescriptor UnsupportedMember = new(
            "V8H0012", BindingProblems.UnsupportedMember.Title, BindingProblems.UnsupportedMember.Message, Category, DiagnosticSeverity.Warning,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0012.md");

        public static readonly DiagnosticDescriptor GenericHostType = new(
            "V8H0013", BindingProblems.GenericHostType.Title, BindingProblems.GenericHostType.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0013.md");

        public static readonly DiagnosticDescriptor ProfileBaseClass = new(
            "V8H0014", BindingProblems.ProfileBaseClass.Title, BindingProblems.ProfileBaseClass.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0014.md");

        public static readonly DiagnosticDescriptor StaticProfile = new(
            "V8H0015", BindingProblems.StaticProfile.Title, BindingProblems.StaticProfile.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0015.md");

        public static readonly DiagnosticDescriptor RequiredMembers = new(
            "V8H0016", BindingProblems.RequiredMembers.Title, BindingProblems.RequiredMembers.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0016.md");

        public static readonly DiagnosticDescriptor PlainDataNotConstructible = new(
            "V8H0017", BindingProblems.PlainDataNotConstructible.Title, BindingProblems.PlainDataNotConstructible.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0017.md");

        public static readonly DiagnosticDescriptor NotPlainData = new(
            "V8H0018", BindingProblems.NotPlainData.Title, BindingProblems.NotPlainData.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0018.md");

        public static readonly DiagnosticDescriptor InvalidSnapshotName = new(
            "V8H0019", BindingProblems.InvalidSnapshotName.Title, BindingProblems.InvalidSnapshotName.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0019.md");

        public static readonly DiagnosticDescriptor GeneratorFailure = new(
            "V8H0099", BindingProblems.GeneratorFailure.Title, BindingProblems.GeneratorFailure.Message, Category, DiagnosticSeverity.Error,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + "V8H0099.md");

        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
        {
            TypeNotPartial, InstanceHostFunction, UnsupportedParameterType, UnsupportedReturnType, DuplicateJsName, InvalidJsName, GenericMember, ByRefParameter, AsyncVoid, AmbiguousOverloads, NothingToExpose, UnsupportedMember, GenericHostType, ProfileBaseClass, StaticProfile, RequiredMembers, PlainDataNotConstructible, NotPlainData, InvalidSnapshotName, GeneratorFailure,
        }.ToDictionary(d => d.Id);

        public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

        public static DiagnosticDescriptor ById(string id) => s_byId[id];
    }
}
