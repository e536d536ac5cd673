using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace V8Host.Generators.Diagnostics
{
    /// <summary>Every diagnostic the generator reports, in one place. Each has a page under docs/diagnostics/.</summary>
    internal static class Descriptors
    {
        private const string Category = "V8Host.Bindings";
        private const string HelpRoot = "https://github.com/v8host/v8host/blob/main/docs/diagnostics/";

        public static readonly DiagnosticDescriptor TypeNotPartial = Create(
            "V8H0001", "Host type must be partial",
            "'{0}' must be declared partial (and so must every type that contains it) so that V8Host can generate its bindings",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InstanceHostFunction = Create(
            "V8H0002", "[HostFunction] needs a static method",
            "[HostFunction] method '{0}' is an instance method outside a [HostClass]: make it static, or expose it as a member of a [HostClass] type",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnsupportedParameterType = Create(
            "V8H0003", "Unsupported parameter type",
            "Parameter '{0}' of '{1}' has type '{2}', which JavaScript values cannot convert to; use {3}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnsupportedReturnType = Create(
            "V8H0004", "Unsupported return or member type",
            "'{0}' returns '{1}', which cannot be passed to JavaScript; use {2}",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor DuplicateJsName = Create(
            "V8H0005", "Duplicate JavaScript name",
            "The JavaScript name '{0}' is defined twice in {1}; rename one with [HostName] or [HostFunction(\"…\")], or [HostIgnore] it",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InvalidJsName = Create(
            "V8H0006", "Invalid JavaScript name",
            "'{0}' is not a valid JavaScript name for {1}: it is not an identifier or it is a reserved word; choose another with [HostName] or the attribute's name argument",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor GenericMember = Create(
            "V8H0007", "Generic members cannot be bound",
            "'{0}' is generic; JavaScript cannot supply type arguments: add a non-generic overload or [HostIgnore] it",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ByRefParameter = Create(
            "V8H0008", "ref/out/in parameters cannot be bound",
            "Parameter '{0}' of '{1}' is passed by reference ({2}); JavaScript passes values: return a result (or a [HostClass] object) instead",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor AsyncVoid = Create(
            "V8H0009", "async void cannot be bound",
            "'{0}' is async void: its errors and completion are lost to JavaScript; return Task instead (JS receives a Promise)",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor AmbiguousOverloads = Create(
            "V8H0010", "Ambiguous overloads",
            "Overloads of '{0}' taking {1} argument(s) cannot be told apart by JavaScript argument types ({2}); rename one with [HostName] or [HostIgnore] it",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor NothingToExpose = Create(
            "V8H0011", "Profile lists a type with nothing to expose",
            "Profile '{0}' lists '{1}', which is neither a [HostClass], a type with static [HostFunction] methods, a [HostModule], nor a [HostProfile]",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnsupportedMember = Create(
            "V8H0012", "Member kind not supported",
            "'{0}' is {1}, which V8Host does not expose to JavaScript; mark it [HostIgnore] to acknowledge",
            DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor GenericHostType = Create(
            "V8H0013", "Generic host types cannot be bound",
            "'{0}' is generic; a JavaScript class has no type arguments: bind a non-generic type",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor ProfileBaseClass = Create(
            "V8H0014", "Profile must not declare a base class",
            "[HostProfile] class '{0}' derives from '{1}'; the generated part derives from V8Host.HostProfile: remove the base class",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor StaticProfile = Create(
            "V8H0015", "Profile must not be static",
            "[HostProfile] class '{0}' is static; a profile is an instance of V8Host.HostProfile: remove 'static'",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor RequiredMembers = Create(
            "V8H0016", "Constructor does not set required members",
            "'{0}' has required members, so JavaScript cannot construct it through '{1}': add [SetsRequiredMembers] to that constructor or [HostIgnore] it",
            DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor GeneratorFailure = Create(
            "V8H0099", "V8Host generator failed",
            "V8Host could not generate bindings for '{0}': {1}. Please report this with the declaration.",
            DiagnosticSeverity.Error);

        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = new[]
        {
            TypeNotPartial, InstanceHostFunction, UnsupportedParameterType, UnsupportedReturnType, DuplicateJsName, InvalidJsName,
            GenericMember, ByRefParameter, AsyncVoid, AmbiguousOverloads, NothingToExpose, UnsupportedMember, GenericHostType,
            ProfileBaseClass, StaticProfile, RequiredMembers, GeneratorFailure,
        }.ToDictionary(d => d.Id);

        public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

        public static DiagnosticDescriptor ById(string id) => s_byId[id];

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
            new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");
    }
}
