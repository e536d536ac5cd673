using System.Collections.Generic;
using System.Linq;

namespace V8Host.Shared.Binding
{
    /// <summary>
    /// TypeScript declarations of planned bindings: exactly what JavaScript sees. Generated bindings and
    /// run-time registrations describe themselves with the same text.
    /// </summary>
    internal static class TypeScriptDeclarations
    {
        public static string Class(ClassPlan plan)
        {
            var lines = new List<string> { "declare class " + plan.JsName + " {" };
            if (plan.Constructors is { } constructors)
            {
                foreach (var constructor in constructors.Overloads)
                    lines.Add("    constructor(" + Parameters(constructor) + ");");
            }
            else
            {
                lines.Add("    private constructor();");
            }

            foreach (var property in plan.Properties)
            {
                var prefix = "    " + (property.IsStatic ? "static " : string.Empty);
                if (property.WriteType is { } written && written.TypeScript != property.Type.TypeScript)
                {
                    // What the getter returns and what the setter accepts differ (an enum read as a number, set by number or name).
                    lines.Add(prefix + "get " + property.JsName + "(): " + property.Type.TypeScript + ";");
                    lines.Add(prefix + "set " + property.JsName + "(value: " + written.TypeScript + ");");
                }
                else
                {
                    lines.Add(prefix + (property.CanWrite ? string.Empty : "readonly ") + property.JsName + ": " + property.Type.TypeScript + ";");
                }
            }

            foreach (var set in plan.Methods)
            {
                foreach (var method in set.Overloads)
                    lines.Add("    " + (set.IsStatic ? "static " : string.Empty) + set.JsName + "(" + Parameters(method) + "): " + method.Return.TypeScript + ";");
            }

            if (!plan.Methods.Any(m => m.JsName == "toJSON" && !m.IsStatic))
                lines.Add("    toJSON(): { " + string.Join("; ", plan.Properties.Where(p => !p.IsStatic).Select(p => p.JsName + ": " + p.Type.TypeScript)) + (plan.Properties.Any(p => !p.IsStatic) ? " }" : "}") + ";");
            lines.Add("}");
            return string.Join("\n", lines);
        }

        /// <summary>A global function; dotted paths become namespace declarations.</summary>
        public static string Function(OverloadSetPlan set)
        {
            var path = set.JsName;
            var dot = path.LastIndexOf('.');
            var name = dot < 0 ? path : path.Substring(dot + 1);
            var signatures = set.Overloads.Select(m => "function " + name + "(" + Parameters(m) + "): " + m.Return.TypeScript + ";");
            return dot < 0
                ? string.Join("\n", signatures.Select(s => "declare " + s))
                : "declare namespace " + path.Substring(0, dot) + " {\n" + string.Join("\n", signatures.Select(s => "    " + s)) + "\n}";
        }

        /// <summary>The export declarations of one host-module function.</summary>
        public static string Export(OverloadSetPlan set) =>
            string.Join("\n", set.Overloads.Select(m => "export function " + set.JsName + "(" + Parameters(m) + "): " + m.Return.TypeScript + ";"));

        /// <summary>A host module: <c>declare module "host:name" { … }</c>.</summary>
        public static string Module(string name, IEnumerable<string> exports) =>
            "declare module \"" + BindingContract.ModulePrefix + name + "\" {\n" + string.Join("\n", exports.SelectMany(e => e.Split('\n')).Select(line => "    " + line)) + "\n}";

        /// <summary>The JS parameter list of one overload.</summary>
        public static string Parameters(MethodPlan method) => string.Join(", ", OverloadRules.JsArguments(method).Select(p =>
            p.Kind == ParameterKind.Rest ? "..." + p.Name + ": " + Wrap(p.Type.TypeScript) + "[]"
            : p.Name + (p.IsOptional ? "?" : string.Empty) + ": " + p.Type.TypeScript));

        private static string Wrap(string typeScript) => typeScript.Contains(" ") ? "(" + typeScript + ")" : typeScript;
    }
}
