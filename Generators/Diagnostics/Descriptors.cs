using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Diagnostics
{
    /// <summary>
    /// The generator's diagnostics: the shared <see cref="BindingProblems"/> (whose text run-time
    /// registration throws too) as Roslyn descriptors. Each has a page under docs/diagnostics/.
    /// </summary>
    internal static class Descriptors
    {
        private const string Category = "V8Host.Bindings";
        private const string HelpRoot = "https://github.com/v8host/v8host/blob/main/docs/diagnostics/";

        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = BindingProblems.All.ToDictionary(p => p.Id, p => new DiagnosticDescriptor(
            p.Id, p.Title, p.Message, Category, p.Severity == ProblemSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            isEnabledByDefault: true, helpLinkUri: HelpRoot + p.Id + ".md"));

        public static IEnumerable<DiagnosticDescriptor> All => s_byId.Values;

        public static DiagnosticDescriptor ById(string id) => s_byId[id];
    }
}
