using System.Collections.Generic;
using System.Linq;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;
using V8Host.Shared;

namespace V8Host.Generators.Emitting
{
    /// <summary>
    /// Emits a <c>[HostClass]</c>'s binding: a static <c>V8HostBinding</c> property describing the JS class,
    /// and one invoker per constructor set, method group and accessor.
    /// </summary>
    internal static class ClassEmitter
    {
        public static EmitResult Emit(ClassModel model, NamingPolicy naming)
        {
            var diagnostics = model.Diagnostics.ToList();
            var jsName = model.HostName ?? model.Declaration.Name;
            var display = model.Declaration.Name;
            if (!JsNaming.IsIdentifier(jsName))
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidJsName, model.Location, jsName, "class " + display));

            var groups = model.Methods
                .GroupBy(m => (Name: naming.Apply(m.ClrName, m.HostName), m.IsStatic))
                .Select(g => new OverloadGroup(g.Key.Name, g.Key.IsStatic, g.ToList()))
                .ToList();
            var properties = model.Properties.Select(p => (JsName: naming.Apply(p.ClrName, p.HostName), Property: p)).ToList();
            var constructors = model.Constructors.Count == 0 ? null : new OverloadGroup("constructor", false, model.Constructors.ToList());

            foreach (var group in groups)
            {
                ValidateName(group.JsName, display + "." + group.JsName, group.Overloads[0].Location, diagnostics);
                diagnostics.AddRange(group.Validate(display + "." + group.JsName));
            }

            foreach (var (name, property) in properties)
                ValidateName(name, display + "." + name, property.Location, diagnostics);
            if (constructors is not null)
                diagnostics.AddRange(constructors.Validate("new " + jsName));

            var names = groups.Select(g => (g.JsName, g.IsStatic, g.Overloads[0].Location)).Concat(properties.Select(p => (p.JsName, p.Property.IsStatic, p.Property.Location)));
            foreach (var duplicate in names.GroupBy(n => (n.JsName, n.IsStatic)).Where(g => g.Count() > 1))
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.DuplicateJsName, duplicate.Skip(1).First().Location, duplicate.Key.JsName, "class " + jsName));

            if (diagnostics.Any(d => Descriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
                return EmitResult.Failed(diagnostics);

            var typeScript = TypeScriptWriter.Class(jsName, constructors, groups.Select(g => (g, g.IsStatic)), properties);
            var writer = TypeDeclarationWriter.Begin(model.Declaration);
            var type = model.Declaration.FullName;

            writer.Line("/// <summary>The V8Host binding of this type: the JS class <c>" + jsName + "</c>.</summary>");
            writer.Line(TypeDeclarationWriter.EditorHidden);
            writer.Line(TypeDeclarationWriter.GeneratedCode);
            writer.Line("public static global::V8Host.Binding.HostClassBinding V8HostBinding { get; } = new global::V8Host.Binding.HostClassBinding(");
            writer.Line("    typeof(" + type + "),");
            writer.Line("    " + CodeWriter.Literal(jsName) + ",");
            writer.Line("    " + (constructors?.Length ?? 0) + ",");
            writer.Line("    " + (constructors is null ? "null" : "__V8Host_Construct") + ",");
            writer.Line("    new global::V8Host.Binding.HostMemberBinding[]");
            writer.Line("    {");
            foreach (var (name, property) in properties)
            {
                var setter = property.CanWrite ? "__V8Host_Set_" + JsNames.Mangle(name) : "null";
                writer.Line($"        global::V8Host.Binding.HostMemberBinding.Property({CodeWriter.Literal(name)}, {Bool(property.IsStatic)}, __V8Host_Get_{JsNames.Mangle(name)}, {setter}),");
            }

            foreach (var group in groups)
                writer.Line($"        global::V8Host.Binding.HostMemberBinding.Method({CodeWriter.Literal(group.JsName)}, {Bool(group.IsStatic)}, {group.Length}, {InvokerName(group)}),");
            writer.Line("    },");
            writer.Line("    " + CodeWriter.Literal(typeScript) + ");");

            if (constructors is not null)
            {
                writer.Line();
                writer.Open($"private static object __V8Host_Construct(in {InvokerEmitter.Args} args)");
                InvokerEmitter.WriteDispatch(writer, constructors, "new " + jsName, (m, a) => "new " + type + "(" + a + ")", isConstructor: true);
                writer.Close();
            }

            foreach (var (name, property) in properties)
            {
                var target = property.IsStatic ? type : "self";
                writer.Line();
                writer.Open($"private static void __V8Host_Get_{JsNames.Mangle(name)}(object? instance, in {InvokerEmitter.Args} args, in {InvokerEmitter.Result} result)");
                WriteSelf(writer, model, type, property.IsStatic);
                InvokerEmitter.WriteResult(writer, property.Type, target + "." + property.ClrName);
                writer.Close();
                if (!property.CanWrite)
                    continue;
                writer.Line();
                writer.Open($"private static void __V8Host_Set_{JsNames.Mangle(name)}(object? instance, in {InvokerEmitter.Args} args, in {InvokerEmitter.Result} result)");
                WriteSelf(writer, model, type, property.IsStatic);
                writer.Line($"{target}.{property.ClrName} = {InvokerEmitter.Read(property.Type, "0", CodeWriter.Literal(jsName + "." + name), "\"value\"")};");
                writer.Line("result.SetUndefined();");
                writer.Close();
            }

            foreach (var group in groups)
            {
                writer.Line();
                writer.Open($"private static void {InvokerName(group)}(object? instance, in {InvokerEmitter.Args} args, in {InvokerEmitter.Result} result)");
                WriteSelf(writer, model, type, group.IsStatic);
                var target = group.IsStatic ? type : "self";
                InvokerEmitter.WriteDispatch(writer, group, jsName + "." + group.JsName, (m, a) => target + "." + m.ClrName + "(" + a + ")", isConstructor: false);
                writer.Close();
            }

            return new EmitResult(TypeDeclarationWriter.HintName(model.Declaration, "V8HostClass"), TypeDeclarationWriter.End(writer, model.Declaration), diagnostics.ToEquatableArray(), typeScript);
        }

        private static void WriteSelf(CodeWriter writer, ClassModel model, string type, bool isStatic)
        {
            if (isStatic)
                return;
            // Structs are boxed inside the binding: mutate the box, not a copy.
            writer.Line(model.IsStruct
                ? $"ref var self = ref global::System.Runtime.CompilerServices.Unsafe.Unbox<{type}>(instance!);"
                : $"var self = ({type})instance!;");
        }

        private static void ValidateName(string name, string what, LocationInfo location, List<DiagnosticInfo> diagnostics)
        {
            if (!JsNaming.IsPropertyName(name))
                diagnostics.Add(DiagnosticInfo.Create(Descriptors.InvalidJsName, location, name, what));
        }

        private static string InvokerName(OverloadGroup group) => (group.IsStatic ? "__V8Host_Static_" : "__V8Host_") + JsNames.Mangle(group.JsName);

        private static string Bool(bool value) => value ? "true" : "false";
    }
}
