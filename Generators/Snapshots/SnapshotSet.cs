using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Snapshots
{
    /// <summary>
    /// The project's baked snapshots as the build targets announce them (the compiler-visible properties
    /// <c>V8HostSnapshotNames</c>, comma-separated, and <c>RootNamespace</c>): plain data, so the output caches.
    /// </summary>
    internal sealed record SnapshotSet(string RootNamespace, EquatableArray<string> Names, EquatableArray<DiagnosticInfo> Diagnostics)
    {
        public static SnapshotSet Read(AnalyzerConfigOptions options)
        {
            options.TryGetValue("build_property.V8HostSnapshotNames", out var list);
            options.TryGetValue("build_property.RootNamespace", out var rootNamespace);
            var names = (list ?? string.Empty)
                .Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(name => name.Trim())
                .Where(name => name.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
            // The targets already refuse such names with V8H2007; a hand-set property must still not break the build's C#.
            var invalid = names.Where(name => !SyntaxFacts.IsValidIdentifier(name)).ToList();
            var diagnostics = invalid.Select(name => DiagnosticInfo.Create(BindingProblems.InvalidSnapshotName, LocationInfo.From(Location.None), name));
            return new SnapshotSet(
                IsNamespace(rootNamespace) ? rootNamespace!.Trim() : string.Empty,
                names.Except(invalid).ToEquatableArray(),
                diagnostics.ToEquatableArray());
        }

        /// <summary>A dotted name of identifiers; anything else (empty, "My-App") puts the class in the global namespace.</summary>
        private static bool IsNamespace(string? name) =>
            !string.IsNullOrWhiteSpace(name) && name!.Trim().Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None);
    }
}
