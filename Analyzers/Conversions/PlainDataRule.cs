using System;

namespace V8Host.Analyzers.Conversions
{
    /// <summary>
    /// The plain-data rule of api.md §5, with the same signature and semantics as
    /// <c>V8Host.Shared.PlainData.IsPlainDataCandidate</c> (Shared/PlainData.cs), so the analyzer can link
    /// that file instead once it is in the tree; until then this copy must follow it.
    /// </summary>
    internal static class PlainDataRule
    {
        private static readonly string[] s_knownV8HostTypes =
        {
            "V8Host.Context", "V8Host.JsHandle", "V8Host.JsObject", "V8Host.JsArray", "V8Host.JsFunction", "V8Host.JsPromise",
            "V8Host.JsArrayBuffer", "V8Host.JsTypedArray", "V8Host.JsUndefined", "V8Host.Isolate", "V8Host.Script", "V8Host.Module",
        };

        /// <summary>
        /// A concrete, closed class or struct (records included) that is not a host class, a collection or
        /// a delegate, and not a platform type (System.*, Microsoft.*) or one of V8Host's own value types.
        /// </summary>
        public static bool IsPlainDataCandidate(
            string? @namespace, string fullName, bool isClassOrStruct, bool isAbstract, bool isGenericDefinition,
            bool isEnumerable, bool isDelegate, bool isHostClass)
        {
            if (!isClassOrStruct || isAbstract || isGenericDefinition || isEnumerable || isDelegate || isHostClass)
                return false;
            if (IsPlatformNamespace(@namespace))
                return false;
            return Array.IndexOf(s_knownV8HostTypes, fullName) < 0;
        }

        /// <summary>System.* and Microsoft.*: the platform's own types, which have a types.md row or do not convert.</summary>
        public static bool IsPlatformNamespace(string? @namespace) =>
            @namespace is not null
            && (@namespace == "System" || @namespace.StartsWith("System.", StringComparison.Ordinal)
                || @namespace == "Microsoft" || @namespace.StartsWith("Microsoft.", StringComparison.Ordinal));
    }
}
