using System.Collections.Generic;
using System.Linq;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;

namespace V8Host.Generators.Emitting
{
    /// <summary>
    /// Emits the <c>[HostFunction]</c> methods of one type as a static <c>V8HostFunctions</c> list of
    /// bindings (profiles add them); same-named methods become one overloaded JS function.
    /// </summary>
    internal static class FunctionSetEmitter
    {
        public static EmitResult Emit(FunctionSetModel set, NamingPolicy naming)
        {
            var declaration = set.Declaration;
            var diagnostics = set.Diagnostics.ToList();
            var groups = set.Functions
                .GroupBy(f => naming.Apply(f.ClrName, f.HostName))
                .Select(g => new OverloadGroup(g.Key, true, g.ToList()))
                .ToList();
            foreach (var group in groups)
            {
                if (!JsNames.IsPath(group.JsName))
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidJsName, group.Overloads[0].Location, group.JsName, "host function " + declaration.Name + "." + group.Overloads[0].ClrName));
                diagnostics.AddRange(group.Validate(group.JsName));
            }

            if (groups.Count == 0 || !set.CanEmit || diagnostics.Any(d => Descriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
                return EmitResult.Failed(diagnostics);

            var writer = TypeDeclarationWriter.Begin(declaration);
            writer.Line("/// <summary>The V8Host bindings of this type's [HostFunction] methods.</summary>");
            writer.Line(TypeDeclarationWriter.EditorHidden);
            writer.Line(TypeDeclarationWriter.GeneratedCode);
            writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::V8Host.Binding.HostFunctionBinding> V8HostFunctions { get; } = new global::V8Host.Binding.HostFunctionBinding[]");
            writer.Line("{");
            var declarations = groups.Select(g => TypeScriptWriter.Function(g.JsName, g)).ToList();
            for (var i = 0; i < groups.Count; i++)
                writer.Line($"    new global::V8Host.Binding.HostFunctionBinding({CodeWriter.Literal(groups[i].JsName)}, {groups[i].Length}, {InvokerName(groups[i])}, {CodeWriter.Literal(declarations[i])}),");

            writer.Line("};");
            var typeScript = string.Join("\n", declarations);
            foreach (var group in groups)
            {
                writer.Line();
                writer.Open($"private static void {InvokerName(group)}(in {InvokerEmitter.Args} args, in {InvokerEmitter.Result} result)");
                InvokerEmitter.WriteDispatch(writer, group, group.JsName, (m, a) => declaration.FullName + "." + m.ClrName + "(" + a + ")", isConstructor: false);
                writer.Close();
            }

            return new EmitResult(TypeDeclarationWriter.HintName(declaration, "V8HostFunctions"), TypeDeclarationWriter.End(writer, declaration), diagnostics.ToEquatableArray(), typeScript);
        }

        private static string InvokerName(OverloadGroup group) => "__V8Host_Function_" + JsNames.Mangle(group.JsName);
    }
}
