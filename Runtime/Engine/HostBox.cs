using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Engine;

/// <summary>
/// What a host-class instance looks like inside V8: an opaque fast host object with no members, so a
/// script that digs out the box sees nothing of the .NET object (no reflection surface).
/// </summary>
internal sealed class HostBox : V8FastHostObject<HostBox>
{
    public HostBox(object instance) => Instance = instance;

    public object Instance { get; }
}
