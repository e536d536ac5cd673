namespace V8Host;

/// <summary>
/// What an instance of a <see cref="WasmModule"/> gets for its imports: host functions (typed
/// delegates, checked against the import's signature at instantiation), the functions of a
/// <see cref="HostProfile"/>, memories and globals. Entries the module does not import are ignored.
/// One <see cref="WasmImports"/> may serve any number of instantiations.
/// </summary>
public sealed class WasmImports
{
    private readonly Dictionary<(string Module, string Name), object> _entries = new();
    private readonly Dictionary<string, HostProfile> _profiles = new(StringComparer.Ordinal);

    /// <summary>
    /// Provides import <c><paramref name="module"/>.<paramref name="name"/></c> as a host function. Its
    /// parameters and result must carry the import's value types exactly: <c>int</c> for i32,
    /// <c>long</c> for i64, <c>float</c> for f32, <c>double</c> for f64, <c>void</c> for no result
    /// (<c>Func&lt;int, int, int&gt;</c> for <c>(i32, i32) -> i32</c>); a leading <see cref="Context"/>
    /// and a trailing <see cref="CancellationToken"/> are injected as for any host function. An exception it throws
    /// surfaces from the wasm call that reached it as a <see cref="JavaScriptException"/> whose
    /// <see cref="Exception.InnerException"/> is the original.
    /// </summary>
    /// <exception cref="ArgumentException">The import is already provided.</exception>
    public WasmImports Add(string module, string name, Delegate function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return AddEntry(module, name, function);
    }

    /// <summary>
    /// Provides every function of <paramref name="profile"/> as an import of <paramref name="module"/>,
    /// under the function's name (<c>env.log</c> for a profile function <c>log</c>). Entries added with
    /// the other overloads take precedence. Functions added with <see cref="HostProfile.AddFunction"/>
    /// are checked like delegates; a generated profile's bindings carry no .NET types, so only their
    /// parameter count is checked, and their arguments and results convert as for calls from JS (docs/types.md).
    /// </summary>
    /// <exception cref="ArgumentException">A profile is already given for <paramref name="module"/>.</exception>
    public WasmImports Add(string module, HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(profile);
        if (!_profiles.TryAdd(module, profile))
            throw new ArgumentException($"WasmImports already has a profile for module '{module}'.", nameof(module));
        return this;
    }

    /// <summary>Provides import <c><paramref name="module"/>.<paramref name="name"/></c> as a memory (of the same context as the instance).</summary>
    /// <exception cref="ArgumentException">The import is already provided.</exception>
    public WasmImports Add(string module, string name, WasmMemory memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return AddEntry(module, name, memory);
    }

    /// <summary>Provides import <c><paramref name="module"/>.<paramref name="name"/></c> as a global (of the same context as the instance); its type and mutability must match the import's.</summary>
    /// <exception cref="ArgumentException">The import is already provided.</exception>
    public WasmImports Add(string module, string name, WasmGlobal global)
    {
        ArgumentNullException.ThrowIfNull(global);
        return AddEntry(module, name, global);
    }

    /// <summary>The entry for an import (a delegate, memory or global), or null.</summary>
    internal object? Find(string module, string name) => _entries.GetValueOrDefault((module, name));

    internal HostProfile? ProfileFor(string module) => _profiles.GetValueOrDefault(module);

    private WasmImports AddEntry(string module, string name, object value)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        if (!_entries.TryAdd((module, name), value))
            throw new ArgumentException($"WasmImports already provides {module}.{name}.", nameof(name));
        return this;
    }
}
