using System.Collections.Generic;
using System.Linq;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;
using V8Host.Shared;

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
            var module = set.ModuleName;
            var diagnostics = set.Diagnostics.ToList();
            var groups = set.Functions
                .GroupBy(f => naming.Apply(f.ClrName, f.HostName))
                .Select(g => new OverloadGroup(g.Key, true, g.ToList()))
                .ToList();
            foreach (var group in groups)
            {
                // Module exports are bare names; global functions may be dotted paths.
                var valid = module is null ? JsNaming.IsPath(group.JsName) : JsNaming.IsIdentifier(group.JsName);
                if (!valid)
                    diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidJsName, group.Overloads[0].Location, group.JsName, (module is null ? "host function " : "export of host module " + module + ": ") + declaration.Name + "." + group.Overloads[0].ClrName));
                diagnostics.AddRange(group.Validate(module is null ? group.JsName : module + "." + group.JsName));
            }

            if ((groups.Count == 0 && module is null) || !set.CanEmit || diagnostics.Any(d => Descriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
                return EmitResult.Failed(diagnostics);

            var writer = TypeDeclarationWriter.Begin(declaration);
            var declarations = groups.Select(g => module is null ? TypeScriptWriter.Function(g.JsName, g) : TypeScriptWriter.Export(g)).ToList();
            var typeScript = module is null ? string.Join("\n", declarations) : TypeScriptWriter.Module(module, declarations);
            var bindings = "new global::V8Host.Binding.HostFunctionBinding[]";
            if (module is null)
            {
                writer.Line("/// <summary>The V8Host bindings of this type's [HostFunction] methods.</summary>");
                writer.Line(TypeDeclarationWriter.EditorHidden);
                writer.Line(TypeDeclarationWriter.GeneratedCode);
                writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::V8Host.Binding.HostFunctionBinding> V8HostFunctions { get; } = " + bindings);
            }
            else
            {
                writer.Line("/// <summary>The V8Host binding of this host module: <c>host:" + module + "</c>.</summary>");
                writer.Line(TypeDeclarationWriter.EditorHidden);
                writer.Line(TypeDeclarationWriter.GeneratedCode);
                writer.Line("public static global::V8Host.Binding.HostModuleBinding V8HostModule { get; } = new global::V8Host.Binding.HostModuleBinding(" + CodeWriter.Literal(module) + ", " + bindings);
            }

            writer.Line("{");
            for (var i = 0; i < groups.Count; i++)
                writer.Line($"    new global::V8Host.Binding.HostFunctionBinding({CodeWriter.Literal(groups[i].JsName)}, {groups[i].Length}, {InvokerName(groups[i])}, {CodeWriter.Literal(declarations[i])}),");
            writer.Line(module is null ? "};" : "}, " + CodeWriter.Literal(typeScript) + ");");

            foreach (var group in groups)
            {
                writer.Line();
                writer.Open($"private static void {InvokerName(group)}(in {InvokerEmitter.Args} args, in {InvokerEmitter.Result} result)");
                InvokerEmitter.WriteDispatch(writer, group, module is null ? group.JsName : module + "." + group.JsName, (m, a) => declaration.FullName + "." + m.ClrName + "(" + a + ")", isConstructor: false);
                writer.Close();
            }

            var hint = TypeDeclarationWriter.HintName(declaration, module is null ? "V8HostFunctions" : "V8HostModule");
            return new EmitResult(hint, TypeDeclarationWriter.End(writer, declaration), diagnostics.ToEquatableArray(), typeScript);
        }

        private static string InvokerName(OverloadGroup group) => "__V8Host_Function_" + JsNames.Mangle(group.JsName);
    }
}
