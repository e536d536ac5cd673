using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace V8Host.Shared.Binding
{
    /// <summary>
    /// Overload sets: JS has no overloads, so methods sharing a name are dispatched by argument count,
    /// then by the JS types of the arguments. Sets that neither can tell apart are a problem.
    /// </summary>
    internal static class OverloadRules
    {
        public static IEnumerable<ParameterPlan> JsArguments(MethodPlan method) =>
            method.Parameters.Where(p => p.Kind is ParameterKind.Argument or ParameterKind.Rest);

        /// <summary>Specific signatures first, so that an overload taking <c>object</c> does not shadow one taking <c>string</c>.</summary>
        public static List<MethodPlan> Order(IEnumerable<MethodPlan> overloads) =>
            overloads.OrderBy(m => m.Required).ThenByDescending(m => JsArguments(m).Count(p => p.Type.Category != JsCategory.Any)).ToList();

        public static bool Overlap(MethodPlan a, MethodPlan b) => a.Required <= b.Maximum && b.Required <= a.Maximum;

        /// <summary>Whether some JS argument position has different JS types in the two overloads.</summary>
        public static bool Distinguishable(MethodPlan a, MethodPlan b)
        {
            var aArgs = JsArguments(a).Where(p => p.Kind == ParameterKind.Argument).ToList();
            var bArgs = JsArguments(b).Where(p => p.Kind == ParameterKind.Argument).ToList();
            var common = System.Math.Min(aArgs.Count, bArgs.Count);
            return Enumerable.Range(0, common).Any(k => aArgs[k].Type.Category != bArgs[k].Type.Category);
        }

        /// <summary>Human-readable accepted argument counts ("1 or 2", "0-2", "1+").</summary>
        public static string Arities(IEnumerable<MethodPlan> overloads) => string.Join(" or ", overloads.Select(m =>
            m.Maximum == int.MaxValue ? m.Required.ToString(CultureInfo.InvariantCulture) + "+"
            : m.Required == m.Maximum ? m.Required.ToString(CultureInfo.InvariantCulture)
            : m.Required.ToString(CultureInfo.InvariantCulture) + "-" + m.Maximum.ToString(CultureInfo.InvariantCulture)).Distinct());

        /// <summary>The JS signatures of a set, for the error a call matching none of them gets.</summary>
        public static string Signatures(IEnumerable<MethodPlan> overloads) =>
            string.Join(" or ", overloads.Select(m => "(" + string.Join(", ", JsArguments(m).Select(p => p.Name + ": " + p.Type.TypeScript)) + ")"));

        /// <summary>The JS arguments whose type a dispatch checks: typed, non-rest ones.</summary>
        public static IEnumerable<ParameterPlan> CheckedArguments(MethodPlan method) =>
            JsArguments(method).Where(p => p.Kind == ParameterKind.Argument && p.Type.Category != JsCategory.Any);
    }
}
