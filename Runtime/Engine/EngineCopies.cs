using Microsoft.ClearScript;

namespace V8Host.Engine;

/// <summary>
/// The state of one .NET → JS conversion: collections already copied (so shared references and
/// cycles inside collections stay shared in JS), the plain-data values being written (a value met
/// again while it is still being written is a cycle, which a copy cannot represent), and the depth.
/// </summary>
internal sealed class EngineCopies
{
    /// <summary>Deeper values are an error rather than a stack overflow.</summary>
    public const int MaxDepth = 128;

    public Dictionary<object, ScriptObject> Collections { get; } = new(ReferenceEqualityComparer.Instance);

    public HashSet<object> Writing { get; } = new(ReferenceEqualityComparer.Instance);

    public int Depth { get; set; }
}
