using System.Linq;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Emitting
{
    /// <summary>
    /// Emits a type's <c>[HostFunction]</c> methods as a static <c>V8HostFunctions</c> list (profiles add them),
    /// or a <c>[HostModule]</c>'s exports as its <c>V8HostModule</c>, from the plan.
    /// </summary>
    internal static class FunctionSetEmitter
    {
        public static EmitResult Emit(BindingModel model)
        {
            var plan = model.Functions!;
            var declaration = model.Declaration;
            var module = plan.ModuleName;
            var writer = TypeDeclarationWriter.Begin(declaration);
            var declarations = plan.Functions.Select(f => module is null ? TypeScriptDeclarations.Function(f) : TypeScriptDeclarations.Export(f)).ToList();
            var typeScript = module is null ? string.Join("\n", declarations) : TypeScriptDeclarations.Module(module, declarations);
            const string bindings = "new global::V8Host.Binding.HostFunctionBinding[]";
            if (module is null)
            {
                writer.Line("/// <summary>The V8Host bindings of this type's [HostFunction] methods.</summary>");
                writer.Line(TypeDeclarationWriter.EditorHidden);
                writer.Line(TypeDeclarationWriter.GeneratedCode);
                writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<global::V8Host.Binding.HostFunctionBinding> {BindingContract.FunctionsMember} {{ get; }} = " + bindings);
            }
            else
            {
                writer.Line("/// <summary>The V8Host binding of this host module: <c>" + BindingContract.ModulePrefix + module + "</c>.</summary>");
                writer.Line(TypeDeclarationWriter.EditorHidden);
                writer.Line(TypeDeclarationWriter.GeneratedCode);
                writer.Line($"public static global::V8Host.Binding.HostModuleBinding {BindingContract.ModuleMember} {{ get; }} = new global::V8Host.Binding.HostModuleBinding(name: {CodeWriter.Literal(module)}, exports: {bindings}");
            }

            writer.Line("{");
            for (var i = 0; i < plan.Functions.Count; i++)
            {
                var function = plan.Functions[i];
                var byteArguments = function.ByteArguments == 0 ? "" : $" {{ ByteArguments = {function.ByteArguments} }}";
                writer.Line($"    new global::V8Host.Binding.HostFunctionBinding(name: {CodeWriter.Literal(function.JsName)}, length: {function.Length}, invoke: {InvokerName(function)}, typeScript: {CodeWriter.Literal(declarations[i])}){byteArguments},");
            }

            writer.Line(module is null ? "};" : "}, typeScript: __V8Host_TypeScript);");
            if (module is not null)
            {
                writer.Line();
                TypeScriptWriter.WriteConstant(writer, "__V8Host_TypeScript", typeScript);
            }

            foreach (var function in plan.Functions)
            {
                writer.Line();
                TypeScriptWriter.WriteSummary(writer, function, function.JsName);
                writer.Open($"private static void {InvokerName(function)}(in {InvokerEmitter.Args} args, in {InvokerEmitter.Result} result)");
                InvokerEmitter.WriteDispatch(writer, function, (m, a) => declaration.FullName + "." + m.ClrName + "(" + a + ")", isConstructor: false);
                writer.Close();
            }

            var hint = TypeDeclarationWriter.HintName(declaration, module is null ? "V8HostFunctions" : "V8HostModule");
            return new EmitResult(hint, TypeDeclarationWriter.End(writer, declaration), typeScript);
        }

        private static string InvokerName(OverloadSetPlan function) => "__V8Host_Function_" + JsNames.Mangle(function.JsName);
    }
}
