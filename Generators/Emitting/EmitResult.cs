using System.Collections.Generic;
using V8Host.Generators.Model;

namespace V8Host.Generators.Emitting
{
    /// <summary>
    /// What an emitter produced, as plain data (so later steps cache): a source file unless errors
    /// prevent it, the diagnostics, and the TypeScript declaration of what it bound.
    /// </summary>
    internal sealed record EmitResult(string? HintName, string? Source, EquatableArray<DiagnosticInfo> Diagnostics, string? TypeScript)
    {
        public static EmitResult Failed(IEnumerable<DiagnosticInfo> diagnostics) => new(null, null, diagnostics.ToEquatableArray(), null);
    }
}
