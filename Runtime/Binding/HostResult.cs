using System.ComponentModel;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Binding;

/// <summary>The JavaScript return value of one host call, written by generated bindings.</summary>
/// <remarks>Used by code the V8Host source generator emits; not meant to be called by hand.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct HostResult
{
    private readonly V8FastResult _result;
    private readonly Context _context;

    internal HostResult(Context context, V8FastResult result)
    {
        _context = context;
        _result = result;
    }

    /// <summary>Returns <c>undefined</c>.</summary>
    public void SetUndefined() => _result.SetUndefined();

    /// <summary>Returns a boolean.</summary>
    public void Set(bool value) => _result.Set(value);

    /// <summary>Returns a number.</summary>
    public void Set(int value) => _result.Set(value);

    /// <summary>Returns a number.</summary>
    public void Set(double value) => _result.Set(value);

    /// <summary>Returns a string, or <c>null</c>.</summary>
    public void Set(string? value)
    {
        if (value is null)
            _result.SetNull();
        else
            _result.Set(value);
    }

    /// <summary>Returns any other types.md row (collections are copied, tasks become promises, host-class instances keep identity).</summary>
    public void SetObject(object? value) => _context.HostCalls.SetResult(_result, value);
}
