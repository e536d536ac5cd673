using System.Runtime.CompilerServices;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;
using V8Host.Binding;

namespace V8Host.Engine;

/// <summary>
/// The host classes defined in one context, and the identity map that gives one .NET instance one JS
/// object. The map lives as long as the context (a JS wrapper keeps its .NET instance alive and vice
/// versa), which is the price of identity across the boundary.
/// </summary>
internal sealed class HostClassRegistry
{
    private readonly Context _context;
    private readonly Dictionary<Type, ScriptObject> _adopters = new();
    private readonly ConditionalWeakTable<object, ScriptObject> _wrappers = new();

    public HostClassRegistry(Context context) => _context = context;

    public bool IsEmpty => _adopters.Count == 0;

    public void Define(HostClassBinding binding)
    {
        if (_adopters.ContainsKey(binding.Type))
            throw new InvalidOperationException($"The host class {binding.Name} ({binding.Type.Name}) is already defined in this context.");
        var calls = _context.HostCalls;
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
        var construct = calls.CreateFastFunction(binding.Name, (in V8FastArgs args, in V8FastResult result) =>
        {
            if (constructor is null)
                throw new ConversionException(JsErrorKind.TypeError, $"{binding.Name} has no public constructor; instances come from .NET.");
            var instance = constructor(new HostArgs(_context, args, 1));
            _wrappers.AddOrUpdate(instance, (ScriptObject)args.Get<object>(0));
            result.Set(new HostBox(instance));
        });

        var (jsClass, adopt) = _context.Bridge.DefineClass(binding.Name, binding.ConstructorLength, construct, (ScriptObject)members, calls.TakeError);
        _context.Bridge.DefineGlobal(binding.Name, jsClass);
        _adopters[binding.Type] = adopt;
    }

    /// <summary>The JS object for a .NET instance of a defined class, created on first use.</summary>
    public bool TryGetJsObject(object instance, out ScriptObject jsObject)
    {
        if (_wrappers.TryGetValue(instance, out jsObject!))
            return true;
        for (var type = instance.GetType(); type is not null; type = type.BaseType)
        {
            if (_adopters.TryGetValue(type, out var adopt))
            {
                jsObject = (ScriptObject)adopt.Invoke(false, new HostBox(instance));
                _wrappers.AddOrUpdate(instance, jsObject);
                return true;
            }
        }

        return false;
    }

    /// <summary>The .NET instance behind a JS object of a defined class, or null.</summary>
    public object? Unbox(ScriptObject value) => IsEmpty ? null : (_context.Bridge.Unbox(value) as HostBox)?.Instance;

    /// <summary>
    /// One fast host function per member: statics receive the JS arguments as they are; instance
    /// members receive the instance's box first, which the <see cref="HostArgs"/> offset hides.
    /// </summary>
    private V8FastHostFunction MemberFunction(HostClassBinding binding, HostMemberBinding member, HostMemberInvoker invoke)
    {
        if (member.IsStatic)
        {
            return _context.HostCalls.CreateFastFunction(member.Name, (in V8FastArgs args, in V8FastResult result) =>
                invoke(null, new HostArgs(_context, args, 0), new HostResult(_context, result)));
        }

        var type = binding.Type;
        var displayName = $"{binding.Name}.{member.Name}";
        return _context.HostCalls.CreateFastFunction(member.Name, (in V8FastArgs args, in V8FastResult result) =>
        {
            var instance = args.Get<object>(0) is HostBox box && type.IsInstanceOfType(box.Instance)
                ? box.Instance
                : throw new ConversionException(JsErrorKind.TypeError, $"{displayName} was called on an object that is not a {binding.Name}.");
            invoke(instance, new HostArgs(_context, args, 1), new HostResult(_context, result));
        });
    }
}
