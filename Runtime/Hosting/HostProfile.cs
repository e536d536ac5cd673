using V8Host.Engine;

namespace V8Host;

/// <summary>
/// A reusable bundle of host functions, host classes and host APIs that contexts adopt with
/// <see cref="ContextBuilder.UseProfile"/>. Build one at run time
/// (<c>new HostProfile().AddFunction(...).AddClass&lt;T&gt;().Install(...)</c>), or let the source
/// generator derive one from a <c>[HostProfile]</c> class.
/// </summary>
public class HostProfile
{
    private readonly List<(string Name, Delegate Function)> _functions = new();
    private readonly List<HostClassDescriptor> _classes = new();
    private readonly List<(string Name, string Source)> _setupScripts = new();
    private readonly List<IHostApi> _apis = new();

    /// <summary>Number of host functions in the profile (including those added by installed APIs).</summary>
    public int HostFunctionCount => _functions.Count;

    /// <summary>Number of host classes in the profile.</summary>
    public int HostClassCount => _classes.Count;

    /// <summary>The host APIs installed into the profile.</summary>
    public IReadOnlyList<IHostApi> Apis => _apis;

    /// <summary>Adds a global JS function backed by <paramref name="function"/>; a dotted name creates namespace objects.</summary>
    /// <exception cref="ArgumentException">The name is not a valid JS name or is already used in this profile.</exception>
    public HostProfile AddFunction(string name, Delegate function)
    {
        HostNames.ThrowIfInvalidPath(name, nameof(name));
        ArgumentNullException.ThrowIfNull(function);
        if (_functions.Any(f => f.Name == name) || _classes.Any(c => c.JsName == name))
            throw new ArgumentException($"The profile already defines '{name}'.", nameof(name));
        _functions.Add((name, function));
        return this;
    }

    /// <summary>Adds <typeparamref name="T"/> as a JS class.</summary>
    /// <exception cref="ArgumentException">The class's JS name is already used in this profile.</exception>
    public HostProfile AddClass<T>()
        where T : class
    {
        var descriptor = HostClassDescriptor.For(typeof(T));
        if (_functions.Any(f => f.Name == descriptor.JsName) || _classes.Any(c => c.JsName == descriptor.JsName))
            throw new ArgumentException($"The profile already defines '{descriptor.JsName}'.", nameof(T));
        _classes.Add(descriptor);
        return this;
    }

    /// <summary>Adds a script that runs, in order, in every context using the profile, after its functions and classes exist.</summary>
    public HostProfile AddSetupScript(string name, string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(source);
        _setupScripts.Add((name, source));
        return this;
    }

    /// <summary>Installs host APIs: each registers its functions, classes and scripts into this profile.</summary>
    public HostProfile Install(params IHostApi[] apis)
    {
        ArgumentNullException.ThrowIfNull(apis);
        foreach (var api in apis)
        {
            ArgumentNullException.ThrowIfNull(api, nameof(apis));
            api.Register(this);
            _apis.Add(api);
        }

        return this;
    }

    internal void InstallInto(Context context)
    {
        foreach (var descriptor in _classes)
            context.DefineHostClass(descriptor);
        foreach (var (name, function) in _functions)
            context.DefineHostFunction(name, function);
        foreach (var (name, source) in _setupScripts)
            context.RunSetupScript(name, source);
    }
}
