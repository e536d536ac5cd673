using System.Runtime.CompilerServices;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;
using V8Host.Binding;

namespace V8Host.Engine;

/// <summary>
/// The host classes defined in one context and their instances. Each .NET instance that reaches JS
/// gets an id (its index in the instance table); the JS object keeps the id in a private field and
/// member calls pass it as a plain number, which costs nothing to marshal. One .NET instance has one
/// JS object per context. Instances live as long as the context.
/// </summary>
internal sealed class HostClassRegistry
{
    private readonly Context _context;
    private readonly Dictionary<Type, ScriptObject> _adopters = new();
    private readonly List<object> _instances = new();
    private readonly Dictionary<object, int> _ids = new(ReferenceEqualityComparer.Instance);
    private readonly ConditionalWeakTable<object, ScriptObject> _jsObjects = new();

    public HostClassRegistry(Context context) => _context = context;

    public bool IsEmpty => _adopters.Count == 0;

    public void Define(HostClassBinding binding)
    {
        if (_adopters.ContainsKey(binding.Type))
            throw new InvalidOperationException($"The host class {binding.Name} ({binding.Type.Name}) is already defined in this context.");
        var members = (IList<object>)_context.Bridge.NewArray();
        foreach (var member in binding.Members)
        {
            var entry = (IList<object?>)_context.Bridge.NewArray();
            entry.Add(member.Name);
            entry.Add(member.IsStatic);
            entry.Add(member.IsMethod);
            entry.Add(MemberFunction(binding, member, member.Invoke));
            entry.Add(member.Setter is { } setter ? MemberFunction(binding, member, setter) : null);
            entry.Add(member.Length);
            members.Add(entry);
        }

        var constructor = binding.Constructor;
        var construct = _context.HostCalls.CreateFastFunction(binding.Name, (in V8FastArgs args, in V8FastResult result) =>
        {
            if (constructor is null)
                throw new ConversionException(JsErrorKind.TypeError, $"{binding.Name} has no public constructor; instances come from .NET.");
            result.Set(Register(constructor(new HostArgs(_context, args, 0))));
        });

        var (jsClass, adopt) = _context.Bridge.DefineClass(binding.Name, binding.ConstructorLength, construct, (ScriptObject)members, _context.HostCalls.TakeError);
        _context.Bridge.DefineGlobal(binding.Name, jsClass);
        _adopters[binding.Type] = adopt;
    }

    /// <summary>The JS object for a .NET instance of a defined class, created on first use.</summary>
    public bool TryGetJsObject(object instance, out ScriptObject jsObject)
    {
        if (_jsObjects.TryGetValue(instance, out jsObject!))
            return true;
        if (_ids.TryGetValue(instance, out var id))
        {
            // Constructed by script: its JS object exists; fetch it once.
            jsObject = _context.Bridge.HostObjectOf(id);
        }
        else if (AdopterOf(instance.GetType()) is { } adopt)
        {
            jsObject = (ScriptObject)adopt.Invoke(false, Register(instance));
        }
        else
        {
            return false;
        }

        _jsObjects.AddOrUpdate(instance, jsObject);
        return true;
    }

    /// <summary>The .NET instance behind a JS object of a defined class, or null.</summary>
    public object? Unbox(ScriptObject value) => IsEmpty ? null : _context.Bridge.HostIdOf(value) is { } id ? _instances[id] : null;

    private ScriptObject? AdopterOf(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (_adopters.TryGetValue(type, out var adopt))
                return adopt;
        }

        return null;
    }

    private int Register(object instance)
    {
        if (_ids.TryGetValue(instance, out var existing))
            return existing;
        var id = _instances.Count;
        _instances.Add(instance);
        _ids[instance] = id;
        return id;
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
        var instances = _instances;
        return _context.HostCalls.CreateFastFunction(member.Name, (in V8FastArgs args, in V8FastResult result) =>
        {
            var instance = instances[args.GetInt32(0)];
            if (instance.GetType() != type && !type.IsInstanceOfType(instance))
                throw new ConversionException(JsErrorKind.TypeError, $"{binding.Name}.{member.Name} was called on an object that is not a {binding.Name}.");
            invoke(instance, new HostArgs(_context, args, 1), new HostResult(_context, result));
        });
    }
}
