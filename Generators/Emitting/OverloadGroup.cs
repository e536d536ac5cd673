using System.Collections.Generic;
using System.Linq;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;

namespace V8Host.Generators.Emitting
{
    /// <summary>
    /// Methods sharing one JS name. JS has no overloads, so a call is dispatched by argument count,
    /// then by the JS types of the arguments; sets that neither can tell apart are diagnosed.
    /// </summary>
    internal sealed class OverloadGroup
    {
        public OverloadGroup(string jsName, bool isStatic, IReadOnlyList<MethodModel> overloads)
        {
            JsName = jsName;
            IsStatic = isStatic;
            // Specific signatures first: an overload taking `object` must not shadow one taking `string`.
            Overloads = overloads.OrderBy(m => Required(m)).ThenByDescending(m => JsArguments(m).Count(p => p.Type.Category != JsCategory.Any)).ToList();
        }

        public string JsName { get; }

        public bool IsStatic { get; }

        public IReadOnlyList<MethodModel> Overloads { get; }

        public int Length => Overloads.Min(Required);

        public static IReadOnlyList<ParameterModel> JsArguments(MethodModel method) =>
            method.Parameters.Where(p => p.Type.Kind is not ValueKind.Context and not ValueKind.CancellationToken).ToList();

        public static int Required(MethodModel method) => JsArguments(method).Count(p => !p.IsOptional && !p.IsParams);

        public static int Maximum(MethodModel method) => JsArguments(method).Any(p => p.IsParams) ? int.MaxValue : JsArguments(method).Count;

        /// <summary>Whether dispatching needs JS type checks (two overloads accept the same argument count).</summary>
        public bool NeedsTypeChecks(MethodModel method) =>
            Overloads.Any(other => !ReferenceEquals(other, method) && Overlap(method, other));

        public IEnumerable<DiagnosticInfo> Validate(string displayName)
        {
            for (var i = 0; i < Overloads.Count; i++)
            {
                for (var j = i + 1; j < Overloads.Count; j++)
                {
                    var a = Overloads[i];
                    var b = Overloads[j];
                    if (!Overlap(a, b))
                        continue;
                    var aArgs = JsArguments(a);
                    var bArgs = JsArguments(b);
                    var common = System.Math.Min(aArgs.Count, bArgs.Count);
                    var distinguishable = Enumerable.Range(0, common).Any(k => aArgs[k].Type.Category != bArgs[k].Type.Category);
                    if (!distinguishable)
                    {
                        var count = System.Math.Max(Required(a), Required(b));
                        var types = string.Join(" vs ", new[] { a, b }.Select(m => "(" + string.Join(", ", JsArguments(m).Select(p => p.Type.TypeScript)) + ")"));
                        yield return DiagnosticInfo.Create(Descriptors.AmbiguousOverloads, b.Location, displayName, count.ToString(System.Globalization.CultureInfo.InvariantCulture), types);
                    }
                }
            }
        }

        /// <summary>Human-readable accepted argument counts, for the runtime's arity error.</summary>
        public string Arities() => string.Join(" or ", Overloads.Select(m =>
            Maximum(m) == int.MaxValue ? Required(m) + "+" : Required(m) == Maximum(m) ? Required(m).ToString(System.Globalization.CultureInfo.InvariantCulture) : Required(m) + "-" + Maximum(m)).Distinct());

        private static bool Overlap(MethodModel a, MethodModel b) => Required(a) <= Maximum(b) && Required(b) <= Maximum(a);
    }
}
