using V8Host.Generators.Model;
using V8Host.Generators.Planning;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Emitting
{
    /// <summary>Emits a <c>[HostProfile]</c> class as a <c>HostProfile</c> subclass with a static <c>Instance</c>.</summary>
    internal static class ProfileEmitter
    {
        public static EmitResult Emit(ProfileBinding model)
        {
            var type = model.Declaration.FullName;
            var writer = TypeDeclarationWriter.Begin(model.Declaration, "global::V8Host.HostProfile");
            writer.Line("/// <summary>The shared instance of this profile.</summary>");
            writer.Line(TypeDeclarationWriter.GeneratedCode);
            writer.Line($"public static {type} {BindingContract.ProfileInstanceMember} {{ get; }} = __V8Host_Create();");
            writer.Line();
            writer.Open($"private static {type} __V8Host_Create()");
            writer.Line($"var profile = new {type}();");
            foreach (var entry in model.Entries)
            {
                switch (entry.Kind)
                {
                    case ProfileEntryKind.Class:
                        writer.Line($"profile.AddBinding({entry.FullName}.{BindingContract.ClassBindingMember});");
                        break;
                    case ProfileEntryKind.Functions:
                        writer.Line($"foreach (var function in {entry.FullName}.{BindingContract.FunctionsMember})");
                        writer.Line("    profile.AddBinding(function);");
                        break;
                    case ProfileEntryKind.Profile:
                        writer.Line($"profile.AddProfile({entry.FullName}.{BindingContract.ProfileInstanceMember});");
                        break;
                    case ProfileEntryKind.Module:
                        writer.Line($"profile.AddBinding({entry.FullName}.{BindingContract.ModuleMember});");
                        break;
                }
            }

            writer.Line("return profile;");
            writer.Close();
            return new EmitResult(TypeDeclarationWriter.HintName(model.Declaration, "V8HostProfile"), TypeDeclarationWriter.End(writer, model.Declaration), null);
        }
    }
}
