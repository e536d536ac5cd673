namespace V8Host.Engine.Bulk;

/// <summary>
/// Thrown inside a bulk conversion when the value needs what only the per-value path does (a
/// collection met twice, which must stay one shared JS object; a cycle or depth overflow, whose
/// error the per-value path words; a converter that reads a member the schema did not name). The
/// conversion that started the bulk path catches it and converts the value the per-value way.
/// </summary>
internal sealed class BulkFallback : Exception
{
    public BulkFallback()
        : base("The bulk conversion hands this value to the per-value conversion.")
    {
    }
}
