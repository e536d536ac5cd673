using System.Collections.Generic;
using System.Linq;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Planning
{
    /// <summary>The entries a profile adds, location-free (what the emitter needs).</summary>
    internal sealed record ProfileBinding(TypeDeclaration Declaration, EquatableArray<ProfileBindingEntry> Entries);

    internal sealed record ProfileBindingEntry(string FullName, ProfileEntryKind Kind);

    internal sealed record PlannedProfile(ProfileBinding? Binding, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>Checks a profile's global names under the naming policy: two entries must not define the same one.</summary>
    internal static class ProfilePlanning
    {
        public static PlannedProfile Plan(ProfileModel model, NamingPolicy naming)
        {
            var diagnostics = model.Diagnostics.ToList();
            var seen = new HashSet<string>();
            foreach (var entry in model.Entries)
            {
                foreach (var name in entry.Names.Select(n => naming.Apply(n.ClrName, n.ExplicitName)))
                {
                    if (!seen.Add(name))
                        diagnostics.Add(DiagnosticInfo.Create(BindingProblems.DuplicateJsName, entry.Location, name, "profile " + model.Declaration.Name));
                }
            }

            var binding = diagnostics.Any(d => d.IsError)
                ? null
                : new ProfileBinding(model.Declaration, model.Entries.Select(e => new ProfileBindingEntry(e.FullName, e.Kind)).ToEquatableArray());
            return new PlannedProfile(binding, diagnostics.ToEquatableArray());
        }
    }
}
