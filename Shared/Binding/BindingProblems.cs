using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace V8Host.Shared.Binding
{
    /// <summary>How serious a binding problem is. Errors stop a binding: the generator emits nothing for it, the runtime throws.</summary>
    internal enum ProblemSeverity
    {
        Warning,
        Error,
    }

    /// <summary>One kind of binding problem: the generator reports it as a diagnostic, run-time registration as an exception, with the same text.</summary>
    internal sealed class ProblemDescriptor
    {
        public ProblemDescriptor(string id, string title, string message, ProblemSeverity severity)
        {
            Id = id;
            Title = title;
            Message = message;
            Severity = severity;
        }

        public string Id { get; }

        public string Title { get; }

        /// <summary>A composite format string over the problem's arguments.</summary>
        public string Message { get; }

        public ProblemSeverity Severity { get; }

        public string Format(IEnumerable<string> arguments) => string.Format(CultureInfo.InvariantCulture, Message, arguments.Cast<object>().ToArray());
    }

    /// <summary>
    /// A problem found while planning a binding. <see cref="Member"/> and <see cref="Parameter"/> point into
    /// the declarations the planner was given (-1: the type itself / the member itself), so each path
    /// can place it: the generator at a source location, the runtime in an exception message.
    /// </summary>
    internal sealed record BindingProblem(string Id, EquatableArray<string> Arguments, int Member = -1, int Parameter = -1)
    {
        public static BindingProblem Create(ProblemDescriptor descriptor, int member, int parameter, params string[] arguments) =>
            new(descriptor.Id, arguments.ToEquatableArray(), member, parameter);

        public ProblemDescriptor Descriptor => BindingProblems.ById(Id);

        public bool IsError => Descriptor.Severity == ProblemSeverity.Error;

        public string Message => Descriptor.Format(Arguments);
    }

    /// <summary>Every binding problem, in one place. Each has a page under docs/diagnostics/.</summary>
    internal static class BindingProblems
    {
        public static readonly ProblemDescriptor TypeNotPartial = new(
            "V8H0001", "Host type must be partial",
            "'{0}' must be declared partial (and so must every type that contains it) so that V8Host can generate its bindings",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor InstanceHostFunction = new(
            "V8H0002", "[HostFunction] needs a static method",
            "[HostFunction] method '{0}' is an instance method outside a [HostClass]: make it static, or expose it as a member of a [HostClass] type",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor UnsupportedParameterType = new(
            "V8H0003", "Unsupported parameter type",
            "Parameter '{0}' of '{1}' has type '{2}', which JavaScript values cannot convert to; use {3}",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor UnsupportedReturnType = new(
            "V8H0004", "Unsupported return or member type",
            "'{0}' returns '{1}', which cannot be passed to JavaScript; use {2}",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor DuplicateJsName = new(
            "V8H0005", "Duplicate JavaScript name",
            "The JavaScript name '{0}' is defined twice in {1}; rename one with [HostName] or [HostFunction(\"…\")], or [HostIgnore] it",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor InvalidJsName = new(
            "V8H0006", "Invalid JavaScript name",
            "'{0}' is not a valid JavaScript name for {1}: it is not an identifier or it is a reserved word; choose another with [HostName] or the attribute's name argument",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor GenericMember = new(
            "V8H0007", "Generic members cannot be bound",
            "'{0}' is generic; JavaScript cannot supply type arguments: add a non-generic overload or [HostIgnore] it",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor ByRefParameter = new(
            "V8H0008", "ref/out/in parameters cannot be bound",
            "Parameter '{0}' of '{1}' is passed by reference ({2}); JavaScript passes values: return a result (or a [HostClass] object) instead, or [HostIgnore] the method",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor AsyncVoid = new(
            "V8H0009", "async void cannot be bound",
            "'{0}' is async void: its errors and completion are lost to JavaScript; return Task instead (JS receives a Promise)",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor AmbiguousOverloads = new(
            "V8H0010", "Ambiguous overloads",
            "Overloads of '{0}' taking {1} argument(s) cannot be told apart by JavaScript argument types ({2}); rename one with [HostName] or [HostIgnore] it",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor NothingToExpose = new(
            "V8H0011", "Profile lists a type with nothing to expose",
            "Profile '{0}' lists '{1}', which is neither a [HostClass], a type with static [HostFunction] methods, a [HostModule], nor a [HostProfile]",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor UnsupportedMember = new(
            "V8H0012", "Member kind not supported",
            "'{0}' is {1}, which V8Host does not expose to JavaScript; mark it [HostIgnore] to acknowledge",
            ProblemSeverity.Warning);

        public static readonly ProblemDescriptor GenericHostType = new(
            "V8H0013", "Generic host types cannot be bound",
            "'{0}' is generic; a JavaScript class has no type arguments: bind a non-generic type",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor ProfileBaseClass = new(
            "V8H0014", "Profile must not declare a base class",
            "[HostProfile] class '{0}' derives from '{1}'; the generated part derives from V8Host.HostProfile: remove the base class",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor StaticProfile = new(
            "V8H0015", "Profile must not be static",
            "[HostProfile] class '{0}' is static; a profile is an instance of V8Host.HostProfile: remove 'static'",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor RequiredMembers = new(
            "V8H0016", "Constructor does not set required members",
            "'{0}' has required members, so JavaScript cannot construct it through '{1}': add [SetsRequiredMembers] to that constructor or [HostIgnore] it",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor PlainDataNotConstructible = new(
            "V8H0017", "Plain data cannot be built from JavaScript",
            "'{0}' takes plain data '{1}' from JavaScript, but '{1}' has no public parameterless constructor and no public constructor whose parameters all name its public properties; add one, or take JsObject",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor NotPlainData = new(
            "V8H0018", "[HostData] type is not plain data",
            "[HostData] type '{0}' cannot cross as plain data: {1}",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor InvalidSnapshotName = new(
            "V8H0019", "V8Snapshot name is not an identifier",
            "The V8Snapshot name '{0}' is not a C# identifier, so V8Snapshots has no property for it",
            ProblemSeverity.Error);

        public static readonly ProblemDescriptor GeneratorFailure = new(
            "V8H0099", "V8Host generator failed",
            "V8Host could not generate bindings for '{0}': {1}. Please report this with the declaration.",
            ProblemSeverity.Error);

        private static readonly Dictionary<string, ProblemDescriptor> s_byId = new[]
        {
            TypeNotPartial, InstanceHostFunction, UnsupportedParameterType, UnsupportedReturnType, DuplicateJsName, InvalidJsName,
            GenericMember, ByRefParameter, AsyncVoid, AmbiguousOverloads, NothingToExpose, UnsupportedMember, GenericHostType,
            ProfileBaseClass, StaticProfile, RequiredMembers, PlainDataNotConstructible, NotPlainData, InvalidSnapshotName, GeneratorFailure,
        }.ToDictionary(d => d.Id);

        public static IEnumerable<ProblemDescriptor> All => s_byId.Values;

        public static ProblemDescriptor ById(string id) => s_byId[id];
    }
}
