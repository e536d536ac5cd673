using System.Text;
using V8Host.Binding;
using V8Host.Engine;
using V8Host.Engine.Reflection;

namespace V8Host;

/// <summary>
/// A reusable bundle of host functions, host classes and host APIs that contexts adopt with
/// <see cref="ContextBuilder.UseProfile"/>. Build one at run time
/// (<c>new HostProfile().AddFunction(...).AddClass&lt;T&gt;().Install(...)</c>), or let the source
/// generator derive one from a <c>[HostProfile]</c> class.
/// </summary>
public class HostProfile
{
    private readonly List<HostFunctionBinding> _functions = new();
    private readonly List<HostClassBinding> _classes = new();
    private readonly List<HostModuleBinding> _modules = new();
    private readonly List<(string Name, string Source)> _setupScripts = new();
    private readonly List<IHostApi> _apis = new();
    private readonly List<Action<Context>> _installers = new();

    /// <summary>Number of host functions in the profile (including those added by installed APIs).</summary>
    public int HostFunctionCount => _functions.Count;

    /// <summary>Number of host classes in the profile.</summary>
    public int HostClassCount => _classes.Count;

    /// <summary>The host APIs installed into the profile.</summary>
    public IReadOnlyList<IHostApi> Apis => _apis;

    /// <summary>
    /// TypeScript declarations of everything in the profile that has them (generated bindings do;
    /// delegates and classes added at run time do not).
    /// </summary>
    public virtual string TypeScriptDeclarations
    {
        get
        {
            var text = new StringBuilder();
            foreach (var declaration in _classes.Select(c => c.TypeScript).Concat(_functions.Select(f => f.TypeScript)).Concat(_modules.Select(m => m.TypeScript)))
            {
                if (!string.IsNullOrEmpty(declaration))
                    text.Append(declaration).Append('\n');
            }

            return text.ToString();
        }
    }

    /// <summary>Adds a global JS function backed by <paramref name="function"/> (the reflection path); a dotted name creates namespace objects.</summary>
    /// <exception cref="ArgumentException">The name is not a valid JS name or is already used in this profile.</exception>
    public HostProfile AddFunction(string name, Delegate function)
    {
        HostNames.ThrowIfInvalidPath(name, nameof(name));
        ArgumentNullException.ThrowIfNull(function);
        return AddBinding(ReflectionBinding.ForDelegate(name, function));
    }

    /// <summary>Adds <typeparamref name="T"/> as a JS class: its generated binding when it is a <c>[HostClass]</c>, else one built by reflection.</summary>
    /// <exception cref="ArgumentException">The class's JS name is already used in this profile.</exception>
    public HostProfile AddClass<T>() => AddBinding(HostClassBinding.For(typeof(T)));

    /// <summary>
    /// Adds a host module importable as <c>host:<paramref name="name"/></c> whose exports are
    /// <paramref name="exports"/> (export name → delegate, the reflection path).
    /// </summary>
    public HostProfile AddModule(string name, IEnumerable<KeyValuePair<string, Delegate>> exports)
    {
        ArgumentNullException.ThrowIfNull(exports);
        return AddBinding(ReflectionBinding.ForModule(name, exports));
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

    /// <summary>
    /// Adds a step that built-in host APIs use to install their glue into each new context. Installers
    /// run before the profile's classes, functions and setup scripts, so that those can use them.
    /// </summary>
    internal HostProfile AddInstaller(Action<Context> install)
    {
        _installers.Add(install);
        return this;
    }

    /// <summary>Adds a host function binding (generated profiles call this).</summary>
    /// <exception cref="ArgumentException">The name is already used in this profile.</exception>
    protected internal HostProfile AddBinding(HostFunctionBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ThrowIfNameTaken(binding.Name);
        _functions.Add(binding);
        return this;
    }

    /// <summary>Adds a host class binding (generated profiles call this).</summary>
    /// <exception cref="ArgumentException">The name is already used in this profile.</exception>
    protected internal HostProfile AddBinding(HostClassBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        ThrowIfNameTaken(binding.Name);
        _classes.Add(binding);
        return this;
    }

    /// <summary>Adds a host module binding (generated profiles call this).</summary>
    /// <exception cref="ArgumentException">A module with that name is already in this profile.</exception>
    protected internal HostProfile AddBinding(HostModuleBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        if (_modules.Any(m => m.Name == binding.Name))
            throw new ArgumentException($"The profile already defines the module '{binding.Specifier}'.", nameof(binding));
        _modules.Add(binding);
        return this;
    }

    /// <summary>Adds everything in <paramref name="other"/> (generated profiles that list other profiles call this).</summary>
    protected internal HostProfile AddProfile(HostProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var binding in other._classes)
            AddBinding(binding);
        foreach (var binding in other._functions)
            AddBinding(binding);
        foreach (var binding in other._modules)
            AddBinding(binding);
        _installers.AddRange(other._installers);
        _setupScripts.AddRange(other._setupScripts);
        _apis.AddRange(other._apis);
        return this;
    }

    /// <summary>The function named <paramref name="name"/> (its full, possibly dotted, name), or null; wasm imports use this.</summary>
    internal HostFunctionBinding? FindFunction(string name) => _functions.FirstOrDefault(f => f.Name == name);

    internal void InstallInto(Context context)
    {
        foreach (var install in _installers)
            install(context);
        foreach (var binding in _classes)
            context.DefineHostClass(binding);
        foreach (var binding in _functions)
            context.DefineHostFunction(binding);
        foreach (var binding in _modules)
            context.DefineHostModule(binding);
        foreach (var (name, source) in _setupScripts)
            context.RunSetupScript(name, source);
    }

    private void ThrowIfNameTaken(string name)
    {
        if (_functions.Any(f => f.Name == name) || _classes.Any(c => c.Name == name))
            throw new ArgumentException($"The profile already defines '{name}'.", nameof(name));
    }
}
