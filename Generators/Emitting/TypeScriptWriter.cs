using System.Linq;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Emitting
{
    /// <summary>TypeScript in generated C#: summary comments over invokers and declarations as constants (the declarations themselves are <see cref="TypeScriptDeclarations"/>).</summary>
    internal static class TypeScriptWriter
    {
        /// <summary>A one-line comment per overload above an invoker, so generated code says what JS calls it with.</summary>
        public static void WriteSummary(CodeWriter writer, OverloadSetPlan set, string name)
        {
            foreach (var method in set.Overloads)
                writer.Line("// " + name + "(" + TypeScriptDeclarations.Parameters(method) + ")" + (set.JsName == BindingContract.ConstructorName ? string.Empty : ": " + method.Return.TypeScript));
        }

        /// <summary>Writes TypeScript as a verbatim string constant, so it reads as the declaration it is.</summary>
        public static void WriteConstant(CodeWriter writer, string name, string typeScript)
        {
            var lines = ("@\"" + typeScript.Replace("\"", "\"\"") + "\";").Split('\n');
            writer.Line($"private const string {name} = {lines[0]}");
            foreach (var line in lines.Skip(1))
                writer.Raw(line);
        }
    }
}
