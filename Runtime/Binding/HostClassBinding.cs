using System.ComponentModel;
using System.Reflection;
using V8Host.Engine;
using V8Host.Engine.Reflection;

namespace V8Host.Binding;

/// <summary>One member of a host class as JS sees it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HostMemberBinding
{
    private HostMemberBinding(string name, bool isStatic, bool isMethod, int length, HostMemberInvoker invoke, HostMemberInvoker? setter, int byteArguments)
    {
        Name = name;
        IsStatic = isStatic;
        IsMethod = isMethod;
        Length = length;
        Invoke = invoke ?? throw new ArgumentNullException(nameof(invoke));
        Setter = setter;
        ByteArguments = byteArguments;
    }

    /// <summary>The JS name.</summary>
    public string Name { get; }

    /// <summary>Whether the member lives on the constructor rather than the prototype.</summary>
    public bool IsStatic { get; }

    /// <summary>Method (<see langword="true"/>) or accessor property.</summary>
    public bool IsMethod { get; }

    /// <summary>A method's <c>length</c>.</summary>
    public int Length { get; }

    /// <summary>The method call, or the property getter.</summary>
    public HostMemberInvoker Invoke { get; }

    /// <summary>The property setter; <see langword="null"/> for read-only properties and methods.</summary>
    public HostMemberInvoker? Setter { get; }

    /// <summary>A method's arguments always read as bytes (see <see cref="HostFunctionBinding.ByteArguments"/>).</summary>
    public int ByteArguments { get; }

    /// <summary>A method.</summary>
    public static HostMemberBinding Method(string name, bool isStatic, int length, HostMemberInvoker invoke) => new(name, isStatic, true, length, invoke, null, 0);

    /// <summary>A method some of whose arguments are always read as bytes (see <see cref="HostFunctionBinding.ByteArguments"/>).</summary>
    public static HostMemberBinding Method(string name, bool isStatic, int length, HostMemberInvoker invoke, int byteArguments) => new(name, isStatic, true, length, invoke, null, byteArguments);

    /// <summary>An accessor property; read-only without <paramref name="setter"/>.</summary>
    public static HostMemberBinding Property(string name, bool isStatic, HostMemberInvoker getter, HostMemberInvoker? setter) => new(name, isStatic, false, 0, getter, setter, 0);
}

/// <summary>
/// A .NET type bound as a JS class: constructor, prototype members, statics. The source generator
/// emits one per <c>[HostClass]</c> type (no reflection on the call path);
/// <see cref="For(Type)"/> builds one by reflection for types registered at run time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HostClassBinding
{
    /// <summary>The name of the static property a generated host class exposes its binding through.</summary>
    public const string GeneratedPropertyName = "V8HostBinding";

    /// <summary>Describes a class.</summary>
    public HostClassBinding(Type type, string name, int constructorLength, HostConstructorInvoker? constructor, IReadOnlyList<HostMemberBinding> members, string? typeScript = null)
    {
        HostNames.ThrowIfInvalidPath(name, nameof(name));
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Name = name;
        ConstructorLength = constructorLength;
        Constructor = constructor;
        Members = members ?? throw new ArgumentNullException(nameof(members));
        TypeScript = typeScript;
    }

    /// <summary>The .NET type.</summary>
    public Type Type { get; }

    /// <summary>The JS class name.</summary>
    public string Name { get; }

    /// <summary>The constructor's <c>length</c>.</summary>
    public int ConstructorLength { get; }

    /// <summary>Creates instances for <c>new</c>; <see langword="null"/> when JS cannot construct the class.</summary>
    public HostConstructorInvoker? Constructor { get; }

    /// <summary>Methods and properties.</summary>
    public IReadOnlyList<HostMemberBinding> Members { get; }

    /// <summary>The TypeScript declaration of the class, when known.</summary>
    public string? TypeScript { get; }

    /// <summary>The generated binding of <paramref name="type"/> if it has one, else one built by reflection.</summary>
    public static HostClassBinding For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var generated = type.GetProperty(GeneratedPropertyName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly);
        if (generated?.PropertyType == typeof(HostClassBinding))
            return (HostClassBinding)generated.GetValue(null)!;
        return ReflectionHostClass.Create(type);
    }
}
