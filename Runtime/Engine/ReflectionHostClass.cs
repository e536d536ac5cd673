using System.Reflection;
using V8Host.Binding;

namespace V8Host.Engine;

/// <summary>
/// Builds a <see cref="HostClassBinding"/> by reflection for types registered at run time: the public
/// constructors, methods (overloads grouped by JS name, dispatched by arity), properties and fields of
/// the type and its bases, minus <c>[HostIgnore]</c> and <see cref="object"/>'s members.
/// </summary>
internal static class ReflectionHostClass
{
    private static readonly HashSet<string> s_objectMembers = new(StringComparer.Ordinal)
    {
        nameof(GetType), nameof(ToString), nameof(Equals), nameof(GetHashCode), "Finalize", "MemberwiseClone",
    };

    public static HostClassBinding Create(Type type)
    {
        if (type.IsGenericTypeDefinition)
            throw new ArgumentException($"{type} is an open generic type; register a constructed type instead.");
        var jsName = type.GetCustomAttribute<HostClassAttribute>()?.Name ?? type.Name;
        HostNames.ThrowIfInvalidPath(jsName, "T");
        var asDeclared = type.Assembly.GetCustomAttribute<HostNamingAttribute>()?.Policy == HostNamingPolicy.AsDeclared;

        var methods = new List<(string JsName, bool IsStatic, List<MethodInfo> Overloads)>();
        var members = new List<HostMemberBinding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var member in current.GetMembers(flags))
            {
                // A base type's statics are not this class's (the generator binds the same set).
                if (member.IsDefined(typeof(HostIgnoreAttribute)) || (current != type && IsStatic(member)))
                    continue;
                var name = member.GetCustomAttribute<HostNameAttribute>()?.Name ?? (asDeclared ? member.Name : HostNames.CamelCase(member.Name));
                switch (member)
                {
                    case MethodInfo method when !method.IsSpecialName && !method.IsGenericMethodDefinition && !s_objectMembers.Contains(method.Name)
                                                && !method.GetParameters().Any(p => p.ParameterType.IsByRef):
                        var group = methods.FirstOrDefault(m => m.JsName == name && m.IsStatic == method.IsStatic);
                        if (group.Overloads is null)
                            methods.Add((name, method.IsStatic, new List<MethodInfo> { method }));
                        else if (!group.Overloads.Any(o => o.GetBaseDefinition() == method.GetBaseDefinition()))
                            group.Overloads.Add(method);
                        break;
                    case PropertyInfo property when property.GetIndexParameters().Length == 0 && property.GetMethod is { IsPublic: true } && seen.Add(member.Name):
                        members.Add(Property(jsName, name, property.GetMethod.IsStatic, property.PropertyType, property.GetValue, property.SetMethod is { IsPublic: true } ? property.SetValue : null));
                        break;
                    case FieldInfo field when !field.IsSpecialName && seen.Add(member.Name):
                        members.Add(Property(jsName, name, field.IsStatic, field.FieldType, field.GetValue, field.IsInitOnly || field.IsLiteral ? null : field.SetValue));
                        break;
                }
            }
        }

        foreach (var (name, isStatic, overloads) in methods)
        {
            var displayName = $"{jsName}.{name}";
            var bindings = overloads.Select(m => new ReflectionBinding(displayName, m)).ToArray();
            members.Add(HostMemberBinding.Method(name, isStatic, bindings.Min(b => b.RequiredCount), (object? instance, in HostArgs args, in HostResult result) =>
                ReflectionBinding.Select(bindings, args.Count, displayName).Call(instance, args, result)));
        }

        var constructors = type.GetConstructors()
            .Where(c => !c.IsDefined(typeof(HostIgnoreAttribute)) && !c.GetParameters().Any(p => p.ParameterType.IsByRef))
            .Select(c => new ReflectionBinding($"new {jsName}", c))
            .ToArray();
        HostConstructorInvoker? construct = constructors.Length == 0
            ? null
            : (in HostArgs args) => ReflectionBinding.Select(constructors, args.Count, $"new {jsName}").Invoke(null, args)!;
        return new HostClassBinding(type, jsName, constructors.Length == 0 ? 0 : constructors.Min(c => c.RequiredCount), construct, members);
    }

    private static bool IsStatic(MemberInfo member) => member switch
    {
        MethodInfo method => method.IsStatic,
        PropertyInfo property => property.GetMethod?.IsStatic == true,
        FieldInfo field => field.IsStatic,
        _ => false,
    };

    private static HostMemberBinding Property(string className, string name, bool isStatic, Type valueType, Func<object?, object?> get, Action<object?, object?>? set)
    {
        var what = $"{className}.{name}: value";
        return HostMemberBinding.Property(
            name,
            isStatic,
            (object? instance, in HostArgs _, in HostResult result) => result.SetObject(get(instance)),
            set is null ? null : (object? instance, in HostArgs args, in HostResult result) =>
            {
                set(instance, args.Context.Values.ToClr(args.Raw(0), valueType, what));
                result.SetUndefined();
            });
    }
}
