using System.Collections.Generic;
using System.Linq;
using V8Host.Generators.Diagnostics;
using V8Host.Generators.Model;
using V8Host.Generators.Parsing;

namespace V8Host.Generators.Emitting
{
    /// <summary>Emits a <c>[HostProfile]</c> class as a <c>HostProfile</c> subclass with a static <c>Instance</c>.</summary>
    internal static class ProfileEmitter
    {
        public static EmitResult Emit(ProfileModel model, NamingPolicy naming)
        {
            var diagnostics = model.Diagnostics.ToList();
            var seen = new Dictionary<string, ProfileEntry>();
            foreach (var entry in model.Entries)
            {
                foreach (var marker in entry.JsNames)
                {
                    var name = marker[0] == ProfileParser.PolicyMarker ? naming.Apply(marker.Substring(1), null) : marker;
                    if (seen.ContainsKey(name))
                        diagnostics.Add(DiagnosticInfo.Create(Descriptors.DuplicateJsName, entry.Location, name, "profile " + model.Declaration.Name));
                    else
                        seen[name] = entry;
                }
            }

            if (diagnostics.Any(d => Descriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
                return EmitResult.Failed(diagnostics);

            var type = model.Declaration.FullName;
            var writer = TypeDeclarationWriter.Begin(model.Declaration, "global::V8Host.HostProfile");
            writer.Line("/// <summary>The shared instance of this profile.</summary>");
            writer.Line(TypeDeclarationWriter.GeneratedCode);
            writer.Line($"public static {type} Instance {{ get; }} = __V8Host_Create();");
            writer.Line();
            writer.Open($"private static {type} __V8Host_Create()");
            writer.Line($"var profile = new {type}();");
            foreach (var entry in model.Entries)
            {
                switch (entry.Kind)
                {
                    case ProfileEntryKind.Class:
                        writer.Line($"profile.AddBinding({entry.FullName}.V8HostBinding);");
                        break;
                    case ProfileEntryKind.Functions:
                        writer.Line($"foreach (var function in {entry.FullName}.V8HostFunctions)");
                        writer.Line("    profile.AddBinding(function);");
                        break;
                    case ProfileEntryKind.Profile:
                        writer.Line($"profile.AddProfile({entry.FullName}.Instance);");
                        break;
                    case ProfileEntryKind.Module:
                        writer.Line($"profile.AddBinding({entry.FullName}.V8HostModule);");
                        break;
                }
            }

            writer.Line("return profile;");
            writer.Close();
            return new EmitResult(TypeDeclarationWriter.HintName(model.Declaration, "V8HostProfile"), TypeDeclarationWriter.End(writer, model.Declaration), diagnostics.ToEquatableArray(), null);
        }
    }
}
