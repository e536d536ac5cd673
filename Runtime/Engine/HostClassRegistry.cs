using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;

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

    public void Define(HostClassDescriptor descriptor)
    {
        if (_adopters.ContainsKey(descriptor.Type))
            throw new InvalidOperationException($"The host class {descriptor.Type.Name} is already defined in this context.");
        var calls = _context.HostCalls;
        var members = _context.Bridge.NewArray();
        foreach (var member in descriptor.Members)
        {
            var displayName = $"{descriptor.JsName}.{member.JsName}";
            V8FastHostFunction function;
            object? setter = null;
            var length = 0;
            if (member.Kind == HostMemberKind.Method)
            {
                var overloads = member.Overloads!.Select(m => new ReflectionBinding(_context, displayName, m)).ToArray();
                length = overloads.Min(o => o.RequiredCount);
                function = calls.CreateFastFunction(member.JsName, (in V8FastArgs args, in V8FastResult result) =>
                {
                    var first = member.IsStatic ? 0 : 1;
                    var target = member.IsStatic ? null : Instance(args, displayName);
                    var binding = SelectOverload(overloads, args.Count - first, displayName);
                    var returned = binding.Invoke(target, args, first);
                    if (binding.ReturnsVoid)
                        result.SetUndefined();
                    else
                        calls.SetResult(result, returned);
                });
            }
            else
            {
                var valueType = member.Property?.PropertyType ?? member.Field!.FieldType;
                function = calls.CreateFastFunction(member.JsName, (in V8FastArgs args, in V8FastResult result) =>
                {
                    var target = member.IsStatic ? null : Instance(args, displayName);
                    calls.SetResult(result, member.Property is { } p ? p.GetValue(target) : member.Field!.GetValue(target));
                });
                if (member.IsWritable)
                {
                    setter = calls.CreateFastFunction(member.JsName, (in V8FastArgs args, in V8FastResult result) =>
                    {
                        var first = member.IsStatic ? 0 : 1;
                        var target = member.IsStatic ? null : Instance(args, displayName);
                        var value = _context.Values.ToClr(args.Get<object>(first), valueType, $"{displayName}: value");
                        if (member.Property is { } p)
                            p.SetValue(target, value);
                        else
                            member.Field!.SetValue(target, value);
                        result.SetUndefined();
                    });
                }
            }

            var entry = _context.Bridge.NewArray();
            var list = (IList<object?>)entry;
            list.Add(member.JsName);
            list.Add(member.IsStatic);
            list.Add(member.Kind == HostMemberKind.Method);
            list.Add(function);
            list.Add(setter);
            list.Add(length);
            ((IList<object>)members).Add(entry);
        }

        var constructors = descriptor.Constructors.Select(c => new ReflectionBinding(_context, $"new {descriptor.JsName}", c)).ToArray();
        var construct = calls.CreateFastFunction(descriptor.JsName, (in V8FastArgs args, in V8FastResult result) =>
        {
            if (constructors.Length == 0)
                throw new ConversionException(JsErrorKind.TypeError, $"{descriptor.JsName} has no public constructor; instances come from .NET.");
            var binding = SelectOverload(constructors, args.Count - 1, $"new {descriptor.JsName}");
            var instance = binding.Invoke(null, args, 1)!;
            _wrappers.AddOrUpdate(instance, (ScriptObject)args.Get<object>(0));
            result.Set(new HostBox(instance));
        });

        var (jsClass, adopt) = _context.Bridge.DefineClass(descriptor.JsName, construct, members, calls.TakeError);
        _context.Bridge.DefineGlobal(descriptor.JsName, jsClass);
        _adopters[descriptor.Type] = adopt;
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

    private static object Instance(in V8FastArgs args, string member) =>
        args.Get<object>(0) is HostBox box ? box.Instance : throw new ConversionException(JsErrorKind.TypeError, $"{member} was called on an object that is not an instance of its class.");

    private static ReflectionBinding SelectOverload(ReflectionBinding[] overloads, int count, string name)
    {
        foreach (var binding in overloads)
        {
            if (binding.Accepts(count))
                return binding;
        }

        var arities = string.Join(" or ", overloads.Select(o => o.MaxCount == int.MaxValue ? $"{o.RequiredCount}+" : o.RequiredCount == o.MaxCount ? $"{o.RequiredCount}" : $"{o.RequiredCount}-{o.MaxCount}").Distinct());
        throw new ConversionException(JsErrorKind.TypeError, $"{name} takes {arities} argument(s); got {count}.");
    }
}
