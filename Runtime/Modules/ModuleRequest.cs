namespace V8Host;

/// <summary>
/// One specifier to resolve, as a <see cref="ModuleLoader"/> sees it: the import map (if any) has
/// already been applied, so <see cref="Specifier"/> is either what the script wrote or the absolute
/// URL the map gave. A loader records what it looked at (<see cref="Tried"/>) and why it refused
/// (<see cref="Reject"/>): when no loader resolves the specifier, the error lists both.
/// </summary>
public sealed class ModuleRequest
{
    private readonly List<string> _tried = new();
    private readonly List<string> _rejections = new();

    internal ModuleRequest(string specifier, Uri? referrer, bool isRequire)
    {
        Specifier = specifier;
        Referrer = referrer;
        IsRequire = isRequire;
    }

    /// <summary>The specifier to resolve.</summary>
    public string Specifier { get; }

    /// <summary>The URL of the importing module, or null for a top-level request (<c>Context.Import</c>, <c>Context.Require</c>, a classic script).</summary>
    public Uri? Referrer { get; }

    /// <summary>Whether <c>require()</c> asks (package.json condition <c>"require"</c>) rather than <c>import</c> (condition <c>"import"</c>).</summary>
    public bool IsRequire { get; }

    /// <summary>The package.json <c>exports</c>/<c>imports</c> conditions that apply, in the order V8Host matches them against a conditions object's keys.</summary>
    public IReadOnlyList<string> Conditions => IsRequire ? s_require : s_import;

    /// <summary>Candidates looked at, in order.</summary>
    public IReadOnlyList<string> Tried => _tried;

    /// <summary>Why candidates were refused (outside the root, not exported …).</summary>
    public IReadOnlyList<string> Rejections => _rejections;

    /// <summary>Records a candidate the loader looked at.</summary>
    public void Consider(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        _tried.Add(candidate);
    }

    /// <summary>Records why the loader refused the specifier or a candidate.</summary>
    public void Reject(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        _rejections.Add(reason);
    }

    private static readonly string[] s_import = ["import", "default"];
    private static readonly string[] s_require = ["require", "default"];
}
