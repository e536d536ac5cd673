using V8Host.Binding;
using V8Host.Engine;
using V8Host.Engine.Reflection;

namespace V8Host;

/// <summary>
/// Configures a context before it exists: host functions, host classes, globals, profiles, snapshot.
/// <see cref="Build"/> consumes the builder; the context then owns the isolate.
/// </summary>
public sealed class ContextBuilder : IDisposable, IAsyncDisposable
{
    private readonly ContextSetup _setup = new();
    private EngineCore? _core;
    private bool _built;
    private bool _hasLoader;
    private bool _hasImportMap;

    internal ContextBuilder(EngineCore core) => _core = core;

    /// <summary>Whether the builder can still build a context.</summary>
    public bool IsAlive => _core is not null;

    /// <summary>
    /// Adds a global JS function backed by <paramref name="function"/> (the run-time, reflection path; the
    /// source generator emits faster bindings). A dotted <paramref name="name"/> creates namespace objects.
    /// Arguments convert per types.md; a leading <see cref="Context"/> or trailing <see cref="CancellationToken"/> parameter is supplied by the runtime.
    /// </summary>
    public ContextBuilder AddHostFunction(string name, Delegate function)
    {
        HostNames.ThrowIfInvalidPath(name, nameof(name));
        ArgumentNullException.ThrowIfNull(function);
        Live("AddHostFunction");
        var binding = ReflectionBinding.ForDelegate(name, function);
        _setup.Add(context => context.DefineHostFunction(binding));
        return this;
    }

    /// <summary>
    /// Adds <typeparamref name="T"/> as a JS class (constructor, prototype members, statics): its
    /// generated binding when it is a <c>[HostClass]</c>, else one built by reflection.
    /// </summary>
    public ContextBuilder AddHostClass<T>()
    {
        Live("AddHostClass");
        var binding = HostClassBinding.For(typeof(T));
        _setup.Add(context => context.DefineHostClass(binding));
        return this;
    }

    /// <summary>Sets a global value when the context is built.</summary>
    public ContextBuilder SetGlobal(string name, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Live("SetGlobal");
        _setup.Add(context => context.SetGlobal(name, value));
        return this;
    }

    /// <summary>Adds everything in <paramref name="profile"/>: its functions, classes and host APIs.</summary>
    public ContextBuilder UseProfile(HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Live("UseProfile");
        _setup.Add(profile.InstallInto);
        return this;
    }

    /// <summary>
    /// Installs host APIs (<c>TimersApi</c>, <c>ConsoleApi</c> …) into the context: the
    /// same as <c>UseProfile(new HostProfile().Install(apis))</c>.
    /// </summary>
    public ContextBuilder Install(params IHostApi[] apis)
    {
        ArgumentNullException.ThrowIfNull(apis);
        Live("Install");
        return UseProfile(new HostProfile().Install(apis));
    }

    /// <summary>
    /// Installs the Web platform: <see cref="TimersApi"/> and <see cref="WebApis"/> (<c>URL</c>,
    /// <c>TextEncoder</c>, <c>AbortController</c>, <c>crypto</c> …), the same as
    /// <c>Install(new TimersApi(), new WebApis())</c>. <c>fetch</c> is not part of it.
    /// </summary>
    public ContextBuilder UseWebPlatform()
    {
        Live("UseWebPlatform");
        return Install(new TimersApi(), new WebApis());
    }

    /// <summary>
    /// Lets the context load modules through <paramref name="loader"/>: static and dynamic imports,
    /// <see cref="Context.ImportAsync"/>, <see cref="Context.Import"/> and <see cref="Context.Require"/>.
    /// Host modules (<c>host:name</c>) and modules compiled in the context still resolve first. Once per
    /// builder; combine loaders with <see cref="ModuleLoader.Combine"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A loader was already set.</exception>
    public ContextBuilder UseModules(ModuleLoader loader)
    {
        ArgumentNullException.ThrowIfNull(loader);
        Live("UseModules");
        if (_hasLoader)
            throw new InvalidOperationException("ContextBuilder.UseModules was already called: pass several loaders through ModuleLoader.Combine.");
        _hasLoader = true;
        _setup.Add(context => context.Modules.Loaded.UseLoader(loader));
        return this;
    }

    /// <summary>
    /// Applies an import map (the WICG/HTML format: <c>imports</c>, <c>scopes</c>) to every specifier before
    /// the loader sees it. Relative addresses resolve against the loader's base URL; an address may
    /// also be a <c>host:</c> module. Once per builder.
    /// </summary>
    /// <exception cref="ArgumentException">The JSON is not a valid import map; the message names the entry.</exception>
    /// <exception cref="InvalidOperationException">An import map was already set.</exception>
    public ContextBuilder UseImportMap(string importMapJson)
    {
        ArgumentNullException.ThrowIfNull(importMapJson);
        Live("UseImportMap");
        if (_hasImportMap)
            throw new InvalidOperationException("ContextBuilder.UseImportMap was already called: a context has one import map.");

        // Checked now, so a malformed map fails here rather than at the first import.
        Modules.ImportMap.Parse(importMapJson, new Uri("v8host-modules:///"));
        _hasImportMap = true;
        _setup.Add(context => context.Modules.Loaded.UseImportMap(importMapJson));
        return this;
    }

    /// <summary>Starts the context from context <paramref name="index"/> of the isolate's snapshot.</summary>
    public ContextBuilder UseSnapshot(int index = 0)
    {
        var core = Live("UseSnapshot");
        var snapshot = core.Snapshot ?? throw new InvalidOperationException("ContextBuilder.UseSnapshot needs an isolate created from StartupData.");
        snapshot.CheckContextIndex(index);
        _setup.UseSnapshot(index);
        return this;
    }

    /// <summary>Builds the context, consuming the builder.</summary>
    public Context Build()
    {
        var core = Interlocked.Exchange(ref _core, null) ?? throw Unusable("Build");
        _built = true;
        return new Context(core, _setup);
    }

    /// <summary>Disposes the isolate if no context was built.</summary>
    public void Dispose() => Interlocked.Exchange(ref _core, null)?.Dispose();

    private EngineCore Live(string operation) => _core ?? throw Unusable(operation);

    private Exception Unusable(string operation) => _built
        ? new InvalidOperationException($"ContextBuilder.{operation}: the builder was already consumed by Build().")
        : new ObjectDisposedException(nameof(ContextBuilder), $"ContextBuilder.{operation} was called after the builder was disposed.");

    /// <summary>Disposes synchronously (V8 teardown does not block on I/O); lets <c>await using</c> own the object.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
