using System.Reflection;

namespace V8Host.Engine;

/// <summary>What a JS class exposes of a .NET type: found by reflection for run-time registration.</summary>
internal sealed record HostClassDescriptor(Type Type, string JsName, IReadOnlyList<ConstructorInfo> Constructors, IReadOnlyList<HostMemberDescriptor> Members)
{
    private static readonly HashSet<string> s_objectMembers = new(StringComparer.Ordinal)
    {
        nameof(GetType), nameof(ToString), nameof(Equals), nameof(GetHashCode), "Finalize", "MemberwiseClone",
    };

    public static HostClassDescriptor For(Type type)
    {
        if (type.IsGenericTypeDefinition)
            throw new ArgumentException($"{type} is an open generic type; register a constructed type instead.");
        var jsName = type.GetCustomAttribute<HostClassAttribute>()?.Name ?? type.Name;
        HostNames.ThrowIfInvalidPath(jsName, "T");

        var asDeclared = type.Assembly.GetCustomAttribute<HostNamingAttribute>()?.Policy == HostNamingPolicy.AsDeclared;
        var members = new List<HostMemberDescriptor>();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var member in current.GetMembers(flags))
            {
                if (member.IsDefined(typeof(HostIgnoreAttribute)) || members.Any(m => m.ClrName == member.Name && !(member is MethodInfo && m.Kind == HostMemberKind.Method)))
                    continue;
                var name = member.GetCustomAttribute<HostNameAttribute>()?.Name ?? (asDeclared ? member.Name : HostNames.CamelCase(member.Name));
                switch (member)
                {
                    case MethodInfo method when !method.IsSpecialName && !method.IsGenericMethodDefinition && !s_objectMembers.Contains(method.Name)
                                                && !method.GetParameters().Any(p => p.ParameterType.IsByRef):
                        var group = members.FirstOrDefault(m => m.Kind == HostMemberKind.Method && m.JsName == name && m.IsStatic == method.IsStatic);
                        if (group is null)
                            members.Add(new HostMemberDescriptor(name, member.Name, HostMemberKind.Method, method.IsStatic, new List<MethodInfo> { method }, null, null));
                        else if (!group.Overloads!.Any(o => o.GetBaseDefinition() == method.GetBaseDefinition()))
                            ((List<MethodInfo>)group.Overloads!).Add(method);
                        break;
                    case PropertyInfo property when property.GetIndexParameters().Length == 0 && property.GetMethod is { IsPublic: true }:
                        members.Add(new HostMemberDescriptor(name, member.Name, HostMemberKind.Property, property.GetMethod.IsStatic, null, property, null));
                        break;
                    case FieldInfo field when !field.IsSpecialName:
                        members.Add(new HostMemberDescriptor(name, member.Name, HostMemberKind.Property, field.IsStatic, null, null, field));
                        break;
                }
            }
        }

        var constructors = type.GetConstructors().Where(c => !c.IsDefined(typeof(HostIgnoreAttribute)) && !c.GetParameters().Any(p => p.ParameterType.IsByRef)).ToArray();
        return new HostClassDescriptor(type, jsName, constructors, members);
    }
}

internal enum HostMemberKind
{
    Method,
    Property,
}

internal sealed record HostMemberDescriptor(
    string JsName,
    string ClrName,
    HostMemberKind Kind,
    bool IsStatic,
    IReadOnlyList<MethodInfo>? Overloads,
    PropertyInfo? Property,
    FieldInfo? Field)
{
    public bool IsWritable => Property is { SetMethod.IsPublic: true } || Field is { IsInitOnly: false, IsLiteral: false };
}
