namespace V8Host.Generators.Emitting
{
    /// <summary>What an emitter produced, as plain data (so later steps cache): a source file and the TypeScript of what it bound.</summary>
    internal sealed record EmitResult(string HintName, string Source, string? TypeScript);
}
