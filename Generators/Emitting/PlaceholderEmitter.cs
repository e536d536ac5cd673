using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Emitting
{
    /// <summary>
    /// For a binding with errors: the binding member alone, so that code naming it (a profile, the user's
    /// own) still compiles and the build shows the V8Host error, not a cascade of CS0117 errors.
    /// The build fails on the error, so the member never runs.
    /// </summary>
    internal static class PlaceholderEmitter
    {
        public static EmitResult Emit(BindingModel model)
        {
            var writer = TypeDeclarationWriter.Begin(model.Declaration);
            var (member, type) = model.Kind switch
            {
                BindingKind.Class => (BindingContract.ClassBindingMember, "global::V8Host.Binding.HostClassBinding"),
                BindingKind.Module => (BindingContract.ModuleMember, "global::V8Host.Binding.HostModuleBinding"),
                _ => (BindingContract.FunctionsMember, "global::System.Collections.Generic.IReadOnlyList<global::V8Host.Binding.HostFunctionBinding>"),
            };
            writer.Line("/// <summary>Not generated: this type's V8Host declarations have errors (see the V8H diagnostics).</summary>");
            writer.Line(TypeDeclarationWriter.EditorHidden);
            writer.Line($"public static {type} {member} => throw new global::System.InvalidOperationException({CodeWriter.Literal(model.Declaration.Name + " has V8Host binding errors; fix the V8H diagnostics reported at build time.")});");
            var suffix = model.Kind switch { BindingKind.Class => "V8HostClass", BindingKind.Module => "V8HostModule", _ => "V8HostFunctions" };
            return new EmitResult(TypeDeclarationWriter.HintName(model.Declaration, suffix), TypeDeclarationWriter.End(writer, model.Declaration), null);
        }
    }
}
