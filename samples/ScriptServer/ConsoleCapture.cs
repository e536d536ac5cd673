namespace ScriptServer;

/// <summary>
/// One request's console output: one entry per console call, capped in entries and characters.
/// Whatever the caps drop is counted and reported in a last entry, never dropped silently.
/// </summary>
public sealed class ConsoleCapture
{
    // Console calls run synchronously on the thread running Eval, so the request that set this is the
    // one whose script is writing. Work the script leaves for later (a timer) inherits the value too,
    // and finds the capture sealed once the response was built.
    private static readonly AsyncLocal<ConsoleCapture?> s_current = new();

    private readonly object _gate = new();
    private readonly List<string> _entries = [];
    private readonly int _maxEntries;
    private int _charactersLeft;
    private int _droppedEntries;
    private long _droppedCharacters;
    private bool _sealed;

    public ConsoleCapture(int maxEntries, int maxCharacters)
    {
        _maxEntries = maxEntries;
        _charactersLeft = maxCharacters;
    }

    /// <summary>The capture of the request running on this flow, or null outside a request.</summary>
    public static ConsoleCapture? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    public void Add(string entry)
    {
        lock (_gate)
        {
            if (_sealed)
                return;
            if (_entries.Count >= _maxEntries || _charactersLeft == 0)
            {
                _droppedEntries++;
                _droppedCharacters += entry.Length;
                return;
            }

            if (entry.Length > _charactersLeft)
            {
                // The cut entry says itself what it lost; the final entry counts whole entries only.
                var cut = _charactersLeft;
                entry = $"{entry[..cut]}… ({entry.Length - cut:N0} more characters dropped)";
                _charactersLeft = 0;
            }
            else
            {
                _charactersLeft -= entry.Length;
            }

            _entries.Add(entry);
        }
    }

    /// <summary>Ends the capture: later writes are ignored. The last entry says what the caps dropped.</summary>
    public IReadOnlyList<string> Seal()
    {
        lock (_gate)
        {
            _sealed = true;
            var entries = new List<string>(_entries);
            if (_droppedEntries > 0)
                entries.Add($"… {_droppedEntries:N0} more console {(_droppedEntries == 1 ? "entry" : "entries")} ({_droppedCharacters:N0} characters) dropped: a request keeps at most {_maxEntries:N0} entries and the character limit");
            return entries;
        }
    }
}
