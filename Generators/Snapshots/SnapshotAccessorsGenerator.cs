using Microsoft.CodeAnalysis;

namespace V8Host.Generators.Snapshots
{
    /// <summary>
    /// Gives code a typed handle on the snapshots the build baked: <c>V8Snapshots.App</c> for
    /// <c>&lt;V8Snapshot SnapshotName="App" /&gt;</c>. It reads only build properties, so editing C# never re-runs it.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class SnapshotAccessorsGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking name of the step that reads the snapshot names (used by the incremental-caching tests).</summary>
        public const string ReadStep = "SnapshotNames";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var set = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => SnapshotSet.Read(options.GlobalOptions))
                .WithTrackingName(ReadStep);

            context.RegisterSourceOutput(set.Select(static (s, _) => s.Diagnostics), static (output, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
            });
            context.RegisterSourceOutput(set, static (output, s) =>
            {
                if (s.Names.Count > 0)
                    output.AddSource(SnapshotAccessorsEmitter.HintName, SnapshotAccessorsEmitter.Emit(s));
            });
        }
    }
}
