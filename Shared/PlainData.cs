// Compiled into the runtime (net8.0) and the generator and analyzers (netstandard2.0): the one
// definition of "plain data" (api.md §5), so a type crosses the same way whether its converter was
// generated from Roslyn symbols or built at run time from System.Reflection. Every rule is a pure
// function over simple facts; each side gathers the facts from its own symbol model.
using System;
using System.Collections.Generic;

namespace V8Host.Shared
{
    /// <summary>The rules deciding which types cross by value as plain JS objects, and how.</summary>
    internal static class PlainData
    {
        // Types of V8Host's own API that have a types.md row outside the System namespaces.
        private static readonly HashSet<string> s_knownV8HostTypes = new(StringComparer.Ordinal)
        {
            "V8Host.Context", "V8Host.JsHandle", "V8Host.JsObject", "V8Host.JsArray", "V8Host.JsFunction", "V8Host.JsPromise",
            "V8Host.JsArrayBuffer", "V8Host.JsTypedArray", "V8Host.JsUndefined", "V8Host.Isolate", "V8Host.Script", "V8Host.Module",
        };

        /// <summary>
        /// Whether a type is plain data: a concrete, closed class or struct (records included) that
        /// is not a host class, not a collection, not a delegate, and not one of the platform's own
        /// types (System.*, Microsoft.*: those have a types.md row or are not supported at all).
        /// </summary>
        /// <param name="namespace">The type's namespace (null or empty for the global namespace).</param>
        /// <param name="fullName">The type's full metadata name without generic arguments ("Shop.Order").</param>
        /// <param name="isClassOrStruct">A class or struct (not an interface, enum, pointer or array).</param>
        /// <param name="isAbstract">Abstract or static.</param>
        /// <param name="isGenericDefinition">An open generic type (<c>List&lt;&gt;</c>, or <c>T</c> itself).</param>
        /// <param name="isEnumerable">Implements <c>IEnumerable</c>: it crosses as a collection, if at all.</param>
        /// <param name="isDelegate">A delegate type: it crosses as a function.</param>
        /// <param name="isHostClass">Has <c>[HostClass]</c>: it crosses by reference.</param>
        public static bool IsPlainDataCandidate(
            string? @namespace, string fullName, bool isClassOrStruct, bool isAbstract, bool isGenericDefinition,
            bool isEnumerable, bool isDelegate, bool isHostClass)
        {
            if (!isClassOrStruct || isAbstract || isGenericDefinition || isEnumerable || isDelegate || isHostClass)
                return false;
            if (IsPlatformNamespace(@namespace))
                return false;
            return !s_knownV8HostTypes.Contains(fullName);
        }

        /// <summary>
        /// Whether a member of a plain-data type is one of its data members (a key of the JS object):
        /// public instance fields and readable public instance properties, minus indexers,
        /// <c>[HostIgnore]</c> members and compiler-generated ones (a record's <c>EqualityContract</c>).
        /// </summary>
        /// <param name="isPublic">Public (for a property: its getter is public).</param>
        /// <param name="isStatic">A static member.</param>
        /// <param name="isFieldOrReadableProperty">A field, or a property with a getter.</param>
        /// <param name="isIndexer">A property with parameters.</param>
        /// <param name="isIgnored">Has <c>[HostIgnore]</c>.</param>
        /// <param name="isCompilerGenerated">Has <c>[CompilerGenerated]</c> on the member itself.</param>
        public static bool IsDataMember(bool isPublic, bool isStatic, bool isFieldOrReadableProperty, bool isIndexer, bool isIgnored, bool isCompilerGenerated) =>
            isPublic && !isStatic && isFieldOrReadableProperty && !isIndexer && !isIgnored && !isCompilerGenerated;

        /// <summary>
        /// The JS key of a data member: <c>[HostName]</c> when present, else the declared name under the
        /// assembly's naming policy (camelCase unless <c>[assembly: HostNaming(HostNamingPolicy.AsDeclared)]</c>).
        /// </summary>
        public static string JsName(string declaredName, string? hostName, bool asDeclared) =>
            hostName ?? (asDeclared ? declaredName : JsNaming.CamelCase(declaredName));

        /// <summary>
        /// The constructor used to read a plain-data type back from JS: among the public constructors
        /// whose parameters all match data members by name (ignoring case), the one with the most
        /// parameters (the first declared on a tie); a parameterless constructor matches trivially.
        /// Returns its index in <paramref name="constructors"/>, or -1 when none matches (a struct is
        /// then created as <c>default</c>; a class cannot be read back).
        /// Members not bound to a parameter are then set, when present in the JS object, if they are
        /// writable (<see cref="IsWritableMember"/>).
        /// </summary>
        /// <param name="constructors">Each public constructor's parameter names, in declaration order.</param>
        /// <param name="memberNames">The declared (C#) names of the type's data members.</param>
        public static int SelectConstructor(IReadOnlyList<IReadOnlyList<string>> constructors, IReadOnlyCollection<string> memberNames)
        {
            var members = new HashSet<string>(memberNames, StringComparer.OrdinalIgnoreCase);
            var best = -1;
            for (var i = 0; i < constructors.Count; i++)
            {
                var parameters = constructors[i];
                var matches = true;
                for (var p = 0; p < parameters.Count && matches; p++)
                    matches = members.Contains(parameters[p]);
                if (matches && (best < 0 || parameters.Count > constructors[best].Count))
                    best = i;
            }

            return best;
        }

        /// <summary>The data member a constructor parameter binds to: same name, ignoring case.</summary>
        public static bool BindsTo(string parameterName, string memberName) =>
            string.Equals(parameterName, memberName, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Whether a data member not bound to a constructor parameter is set from the JS object:
        /// a property with a public setter or <c>init</c> accessor, or a public non-readonly field.
        /// </summary>
        public static bool IsWritableMember(bool hasPublicSetterOrInit, bool isReadOnlyField, bool isField) =>
            isField ? !isReadOnlyField : hasPublicSetterOrInit;

        /// <summary>
        /// Whether a member absent from the JS object (or <c>undefined</c>) is an error when reading back:
        /// a constructor parameter without a default value whose type is not nullable, or a <c>required</c> member.
        /// Other absent members keep their default (constructor default value, initializer, or null).
        /// </summary>
        public static bool IsRequired(bool isConstructorParameter, bool hasDefaultValue, bool isNullable, bool isRequiredMember) =>
            isRequiredMember || (isConstructorParameter && !hasDefaultValue && !isNullable);

        /// <summary>The error text for a required member missing from the JS object: <c>Order.total: missing property 'total'</c>.</summary>
        public static string MissingMessage(string typeName, string jsName) => $"{typeName}.{jsName}: missing property '{jsName}'.";

        /// <summary>Whether a type of this namespace belongs to the platform (System.*, Microsoft.*), whose types are never plain data.</summary>
        public static bool IsPlatformType(string? @namespace) => IsPlatformNamespace(@namespace);

        private static bool IsPlatformNamespace(string? @namespace) =>
            @namespace is not null
            && (@namespace == "System" || @namespace.StartsWith("System.", StringComparison.Ordinal)
                || @namespace == "Microsoft" || @namespace.StartsWith("Microsoft.", StringComparison.Ordinal));
    }
}
