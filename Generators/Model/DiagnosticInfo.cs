using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Model
{
    /// <summary>A source location without the syntax tree, so models stay cacheable.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public static LocationInfo From(Location location) =>
            new(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);

        public static LocationInfo From(ISymbol symbol) =>
            From(symbol.Locations.FirstOrDefault() ?? Location.None);

        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
    }

    /// <summary>A diagnostic to report, as plain data.</summary>
    internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(ProblemDescriptor descriptor, LocationInfo location, params string[] arguments) =>
            new(descriptor.Id, location, arguments.ToEquatableArray());

        public bool IsError => BindingProblems.ById(Id).Severity == ProblemSeverity.Error;

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(Diagnostics.Descriptors.ById(Id), Location.ToLocation(), Arguments.Cast<object>().ToArray());
    }
}
