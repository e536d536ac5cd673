namespace V8Host;

/// <summary>Drops everything: <see cref="ConsoleApi.Discard"/>.</summary>
internal sealed class DiscardSink : ConsoleSink
{
    public override void Write(in ConsoleEntry entry)
    {
    }

    public override void WriteUncaught(string text)
    {
    }
}
