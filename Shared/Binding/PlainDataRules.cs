using System;
using System.Collections.Generic;
using System.Linq;

namespace V8Host.Shared.Binding
{
    /// <summary>
    /// What counts as plain data (api.md §5: records, POCOs and structs that cross as copies), which of
    /// its members cross, and how a copy is constructed from a JS object. Shared by the generator's
    /// converters and the runtime's cached converter.
    /// </summary>
    internal static class PlainDataRules
    {
        /// <summary>
        /// A concrete, non-generic class or struct of the user's own that is not a host class and not a
        /// collection. Library types (System.*, Microsoft.*) are not guessed at: they are rows of the type
        /// table or unsupported.
        /// </summary>
        public static bool IsPlainData(ITypeView type) =>
            type.Known == WellKnownType.None
            && type.Shape is TypeShape.Class or TypeShape.Struct
            && !type.IsAbstract
            && !type.IsGeneric
            && !type.IsEnumerable
            && !IsLibraryNamespace(type.Namespace)
            && !type.HasAttribute(BindingContract.HostClassAttribute);

        /// <summary>Namespaces whose types are never plain data.</summary>
        public static bool IsLibraryNamespace(string? ns) =>
            ns is not null && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal));

        /// <summary>Public readable instance properties and public instance fields cross; indexers, [HostIgnore] and compiler-made members do not.</summary>
        public static bool IsDataMember(bool isPublic, bool isStatic, bool isIndexer, bool isIgnored, bool isCompilerGenerated, bool isReadable) =>
            isPublic && !isStatic && !isIndexer && !isIgnored && !isCompilerGenerated && isReadable;

        /// <summary>
        /// The constructor a copy is made with: among public constructors whose parameters all name a data
        /// member (case-insensitively, as positional records do), the one with the most parameters; a
        /// parameterless one otherwise. Returns its index, or -1 when none fits (the type cannot be read back).
        /// </summary>
        public static int ChooseConstructor(IReadOnlyList<IReadOnlyList<string>> constructorParameters, IEnumerable<string> memberNames)
        {
            var members = new HashSet<string>(memberNames, StringComparer.OrdinalIgnoreCase);
            var best = -1;
            for (var i = 0; i < constructorParameters.Count; i++)
            {
                var parameters = constructorParameters[i];
                if (!parameters.All(members.Contains))
                    continue;
                if (best < 0 || parameters.Count > constructorParameters[best].Count)
                    best = i;
            }

            return best;
        }
    }
}
