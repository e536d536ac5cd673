using Microsoft.CodeAnalysis.Diagnostics;

namespace V8Host.Analyzers
{
    /// <summary>
    /// Common set-up of the V8Host analyzers: no generated code, concurrent, and nothing at all in
    /// compilations that do not reference V8Host.
    /// </summary>
    public abstract class V8HostAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (KnownTypes.Create(start.Compilation) is { } types)
                    Register(start, types);
            });
        }

        /// <summary>Registers the analyzer's actions for a compilation that references V8Host.</summary>
        private protected abstract void Register(CompilationStartAnalysisContext context, KnownTypes types);
    }
}
