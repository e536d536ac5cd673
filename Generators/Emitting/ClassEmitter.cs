using System.Linq;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Emitting
{
    /// <summary>
    /// Emits a <c>[HostClass]</c>'s binding from its plan: a static <c>V8HostBinding</c> property describing
    /// the JS class, and one invoker per constructor set, method set and accessor.
    /// </summary>
    internal static class ClassEmitter
    {
        public static EmitResult Emit(BindingModel model)
        {
            var plan = model.Class!;
            var typeScript = TypeScriptDeclarations.Class(plan);
            var writer = TypeDeclarationWriter.Begin(model.Declaration);
            var type = model.Declaration.FullName;

            writer.Line("/// <summary>The V8Host binding of this type: the JS class <c>" + plan.JsName + "</c>.</summary>");
            writer.Line(TypeDeclarationWriter.EditorHidden);
            writer.Line(TypeDeclarationWriter.GeneratedCode);
            writer.Line($"public static global::V8Host.Binding.HostClassBinding {BindingContract.ClassBindingMember} {{ get; }} = new global::V8Host.Binding.HostClassBinding(");
            writer.Line("    type: typeof(" + type + "),");
            writer.Line("    name: " + CodeWriter.Literal(plan.JsName) + ",");
            writer.Line("    constructorLength: " + (plan.Constructors?.Length ?? 0) + ",");
            writer.Line("    constructor: " + (plan.Constructors is null ? "null" : "__V8Host_Construct") + ",");
            writer.Line("    members: new global::V8Host.Binding.HostMemberBinding[]");
            writer.Line("    {");
            foreach (var property in plan.Properties)
            {
                var setter = property.CanWrite ? "__V8Host_Set_" + JsNames.Mangle(property.JsName) : "null";
                writer.Line($"        global::V8Host.Binding.HostMemberBinding.Property(name: {CodeWriter.Literal(property.JsName)}, isStatic: {Bool(property.IsStatic)}, getter: __V8Host_Get_{JsNames.Mangle(property.JsName)}, setter: {setter}),");
            }

            foreach (var set in plan.Methods)
            {
                var byteArguments = set.ByteArguments == 0 ? "" : $", byteArguments: {set.ByteArguments}";
                writer.Line($"        global::V8Host.Binding.HostMemberBinding.Method(name: {CodeWriter.Literal(set.JsName)}, isStatic: {Bool(set.IsStatic)}, length: {set.Length}, invoke: {InvokerName(set)}{byteArguments}),");
            }

            writer.Line("    },");
            writer.Line("    typeScript: __V8Host_TypeScript);");
            writer.Line();
            TypeScriptWriter.WriteConstant(writer, "__V8Host_TypeScript", typeScript);

            if (plan.Constructors is { } constructors)
            {
                writer.Line();
                TypeScriptWriter.WriteSummary(writer, constructors, "new " + plan.JsName);
                writer.Open($"private static object __V8Host_Construct(in {InvokerEmitter.Args} args)");
                InvokerEmitter.WriteDispatch(writer, constructors, (m, a) => "new " + type + "(" + a + ")", isConstructor: true);
                writer.Close();
            }

            foreach (var property in plan.Properties)
            {
                var target = property.IsStatic ? type : "self";
                writer.Line();
                writer.Line($"// {(property.IsStatic ? "static " : string.Empty)}{property.JsName}: {property.Type.TypeScript}{(property.CanWrite ? string.Empty : " (read-only)")}");
                writer.Open($"private static void __V8Host_Get_{JsNames.Mangle(property.JsName)}(object? instance, in {InvokerEmitter.Args} args, in {InvokerEmitter.Result} result)");
                WriteSelf(writer, model, type, property.IsStatic);
                InvokerEmitter.WriteResult(writer, property.Type, target + "." + property.ClrName, property.DisplayName);
                writer.Close();
                if (property.WriteType is not { } written)
                    continue;
                writer.Line();
                writer.Open($"private static void __V8Host_Set_{JsNames.Mangle(property.JsName)}(object? instance, in {InvokerEmitter.Args} args, in {InvokerEmitter.Result} result)");
                WriteSelf(writer, model, type, property.IsStatic);
                writer.Line($"{target}.{property.ClrName} = {InvokerEmitter.Read(written, property.TypeName, "0", CodeWriter.Literal(property.DisplayName), "\"value\"")};");
                writer.Line("result.SetUndefined();");
                writer.Close();
            }

            foreach (var set in plan.Methods)
            {
                writer.Line();
                TypeScriptWriter.WriteSummary(writer, set, (set.IsStatic ? "static " : string.Empty) + set.JsName);
                writer.Open($"private static void {InvokerName(set)}(object? instance, in {InvokerEmitter.Args} args, in {InvokerEmitter.Result} result)");
                WriteSelf(writer, model, type, set.IsStatic);
                var target = set.IsStatic ? type : "self";
                InvokerEmitter.WriteDispatch(writer, set, (m, a) => target + "." + m.ClrName + "(" + a + ")", isConstructor: false);
                writer.Close();
            }

            return new EmitResult(TypeDeclarationWriter.HintName(model.Declaration, "V8HostClass"), TypeDeclarationWriter.End(writer, model.Declaration), typeScript);
        }

        private static void WriteSelf(CodeWriter writer, BindingModel model, string type, bool isStatic)
        {
            if (isStatic)
                return;
            // Structs are boxed inside the binding: mutate the box, not a copy.
            writer.Line(model.IsStruct
                ? $"ref var self = ref global::System.Runtime.CompilerServices.Unsafe.Unbox<{type}>(instance!);"
                : $"var self = ({type})instance!;");
        }

        private static string InvokerName(OverloadSetPlan set) => (set.IsStatic ? "__V8Host_Static_" : "__V8Host_") + JsNames.Mangle(set.JsName);

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
