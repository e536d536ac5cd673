using System.Collections.Generic;
using System.Linq;
using V8Host.Generators.Model;

namespace V8Host.Generators.Emitting
{
    /// <summary>TypeScript declarations describing exactly what JavaScript sees of the bindings.</summary>
    internal static class TypeScriptWriter
    {
        public static string Class(string jsName, OverloadGroup? constructors, IEnumerable<(OverloadGroup Group, bool IsStatic)> methods, IEnumerable<(string JsName, PropertyModel Property)> properties)
        {
            var lines = new List<string> { "declare class " + jsName + " {" };
            if (constructors is not null)
            {
                foreach (var constructor in constructors.Overloads)
                    lines.Add("    constructor(" + Parameters(constructor) + ");");
            }
            else
            {
                lines.Add("    private constructor();");
            }

            foreach (var (name, property) in properties)
                lines.Add("    " + (property.IsStatic ? "static " : string.Empty) + (property.CanWrite ? string.Empty : "readonly ") + name + ": " + property.Type.TypeScript + ";");
            foreach (var (group, isStatic) in methods)
            {
                foreach (var method in group.Overloads)
                    lines.Add("    " + (isStatic ? "static " : string.Empty) + group.JsName + "(" + Parameters(method) + "): " + method.Return.TypeScript + ";");
            }

            lines.Add("}");
            return string.Join("\n", lines);
        }

        /// <summary>A global function; dotted paths become namespace declarations.</summary>
        public static string Function(string path, OverloadGroup group)
        {
            var dot = path.LastIndexOf('.');
            var name = dot < 0 ? path : path.Substring(dot + 1);
            var signatures = group.Overloads.Select(m => "function " + name + "(" + Parameters(m) + "): " + m.Return.TypeScript + ";");
            return dot < 0
                ? string.Join("\n", signatures.Select(s => "declare " + s))
                : "declare namespace " + path.Substring(0, dot) + " {\n" + string.Join("\n", signatures.Select(s => "    " + s)) + "\n}";
        }

        /// <summary>The export declarations of one host-module function.</summary>
        public static string Export(OverloadGroup group) =>
            string.Join("\n", group.Overloads.Select(m => "export function " + group.JsName + "(" + Parameters(m) + "): " + m.Return.TypeScript + ";"));

        /// <summary>A host module: <c>declare module "host:name" { … }</c>.</summary>
        public static string Module(string name, IEnumerable<string> exports) =>
            "declare module \"host:" + name + "\" {\n" + string.Join("\n", exports.SelectMany(e => e.Split('\n')).Select(line => "    " + line)) + "\n}";

        private static string Parameters(MethodModel method) => string.Join(", ", OverloadGroup.JsArguments(method).Select(p =>
            p.IsParams ? "..." + p.Name + ": " + Wrap(p.ElementTypeScript ?? "unknown") + "[]"
            : p.Name + (p.IsOptional ? "?" : string.Empty) + ": " + p.Type.TypeScript));

        private static string Wrap(string typeScript) => typeScript.Contains(" ") ? "(" + typeScript + ")" : typeScript;
    }
}
