using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;
using V8Host.Binding;

namespace V8Host.Engine;

/// <summary>
/// The host classes defined in one context and their instances. Each .NET instance that reaches JS
/// gets an id (its index in the instance table); the JS object keeps the id in a private field and
/// member calls pass it as a plain number, which costs nothing to marshal. One live .NET instance has
/// one JS object per context.
/// </summary>
/// <remarks>
/// The table holds an instance only while its JS object is alive: the glue keeps JS objects weakly
/// and reports collected ones through a FinalizationRegistry, and the id is released. Ids are never
/// reused, so a late release cannot remove an instance that was handed to JS again under a new id.
/// The release arrives from V8's own task runner, hence the lock.
/// </remarks>
internal sealed class HostClassRegistry
{
    private readonly Context _context;
    private readonly Dictionary<Type, ScriptObject> _adopters = new();
    private readonly Dictionary<int, object> _instances = new();
    private readonly Dictionary<object, int> _ids = new(ReferenceEqualityComparer.Instance);
    private int _nextId;

    public HostClassRegistry(Context context) => _context = context;

    /// <summary>Number of .NET instances currently reachable from JS (for leak tests).</summary>
    internal int LiveInstanceCount
    {
        get
        {
            lock (_instances)
                return _instances.Count;
        }
    }

    public bool IsEmpty => _adopters.Count == 0;

    public void Define(HostClassBinding binding)
    {
        if (_adopters.ContainsKey(binding.Type))
            throw new InvalidOperationException($"The host class {binding.Name} ({binding.Type.Name}) is already defined in this context.");
        if (_adopters.Count == 0)
            _context.Bridge.SetHostObjectRelease(new V8FastHostFunction("release", (bool _, in V8FastArgs args, in V8FastResult _) => Release(args.GetInt32(0))));
        var members = _context.Bridge.NewArray();
        foreach (var member in binding.Members)
        {
            var entry = _context.Bridge.NewArray();
            _context.Bridge.Append(entry, member.Name);
            _context.Bridge.Append(entry, member.IsStatic);
            _context.Bridge.Append(entry, member.IsMethod);
            _context.Bridge.Append(entry, MemberFunction(binding, member, member.Invoke));
            _context.Bridge.Append(entry, member.Setter is { } setter ? MemberFunction(binding, member, setter) : null);
            _context.Bridge.Append(entry, member.Length);
            _context.Bridge.Append(members, entry);
        }

        var constructor = binding.Constructor;
        var construct = _context.HostCalls.CreateFastFunction(binding.Name, (in V8FastArgs args, in V8FastResult result) =>
        {
            if (constructor is null)
                throw new ConversionException(JsErrorKind.TypeError, $"{binding.Name} has no public constructor; instances come from .NET.");
            result.Set(Register(constructor(new HostArgs(_context, args, 0))));
        });

        var (jsClass, adopt) = _context.Bridge.DefineClass(binding.Name, binding.ConstructorLength, construct, members, _context.HostCalls.TakeError);
        _context.Bridge.DefineGlobal(binding.Name, jsClass);
        _adopters[binding.Type] = adopt;
    }

    /// <summary>The JS object for a .NET instance of a defined class, created on first use.</summary>
    public bool TryGetJsObject(object instance, out ScriptObject jsObject)
    {
        int? known;
        lock (_instances)
            known = _ids.TryGetValue(instance, out var id) ? id : null;

        // Alive in JS: the same object. Collected but not yet released: a new object under a new id.
        if (known is { } liveId && _context.Bridge.HostObjectOf(liveId) is { } existing)
        {
            jsObject = existing;
            return true;
        }

        if (AdopterOf(instance.GetType()) is not { } adopt)
        {
            jsObject = null!;
            return false;
        }

        jsObject = (ScriptObject)adopt.Invoke(false, Register(instance));
        return true;
    }

    /// <summary>Whether <paramref name="type"/> (or a base type) is a host class of this context: it crosses by reference, never as plain data.</summary>
    public bool IsDefined(Type type) => AdopterOf(type) is not null;

    /// <summary>The .NET instance behind a JS object of a defined class, or null.</summary>
    public object? Unbox(ScriptObject value) =>
        IsEmpty || _context.Bridge.HostIdOf(value) is not { } id ? null : InstanceOf(id);

    private object? InstanceOf(int id)
    {
        lock (_instances)
            return _instances.TryGetValue(id, out var instance) ? instance : null;
    }

    private ScriptObject? AdopterOf(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (_adopters.TryGetValue(type, out var adopt))
                return adopt;
        }

        return null;
    }

    /// <summary>A fresh id for a JS object about to be created for <paramref name="instance"/>.</summary>
    private int Register(object instance)
    {
        lock (_instances)
        {
            var id = checked(++_nextId);
            _instances[id] = instance;
            _ids[instance] = id;
            return id;
        }
    }

    private void Release(int id)
    {
        lock (_instances)
        {
            if (_instances.Remove(id, out var instance) && _ids.TryGetValue(instance, out var current) && current == id)
                _ids.Remove(instance);
        }
    }

    /// <summary>
    /// One fast host function per member: statics receive the JS arguments as they are; instance
    /// members receive the instance id first, which the <see cref="HostArgs"/> offset hides.
    /// </summary>
    private V8FastHostFunction MemberFunction(HostClassBinding binding, HostMemberBinding member, HostMemberInvoker invoke)
    {
        if (member.IsStatic)
        {
            return _context.HostCalls.CreateFastFunction(member.Name, (in V8FastArgs args, in V8FastResult result) =>
                invoke(null, new HostArgs(_context, args, 0), new HostResult(_context, result)));
        }

        var type = binding.Type;
        return _context.HostCalls.CreateFastFunction(member.Name, (in V8FastArgs args, in V8FastResult result) =>
        {
            var instance = InstanceOf(args.GetInt32(0));
            if (instance is null || (instance.GetType() != type && !type.IsInstanceOfType(instance)))
                throw new ConversionException(JsErrorKind.TypeError, $"{binding.Name}.{member.Name} was called on an object that is not a {binding.Name}.");
            invoke(instance, new HostArgs(_context, args, 1), new HostResult(_context, result));
        });
    }
}
