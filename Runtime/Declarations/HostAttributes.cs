namespace V8Host;

/// <summary>Exposes a static method as a global JS function; a dotted name (<c>"math.clamp"</c>) creates namespace objects.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class HostFunctionAttribute : Attribute
{
    /// <summary>Uses the method's name under the naming policy.</summary>
    public HostFunctionAttribute()
    {
    }

    /// <summary>Uses <paramref name="name"/> as the JS name.</summary>
    public HostFunctionAttribute(string name) => Name = name;

    /// <summary>The JS name, or <see langword="null"/> for the method's name under the naming policy.</summary>
    public string? Name { get; }
}

/// <summary>Exposes a partial class or struct as a JS class: constructor, prototype members and statics.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class HostClassAttribute : Attribute
{
    /// <summary>Uses the type's name.</summary>
    public HostClassAttribute()
    {
    }

    /// <summary>Uses <paramref name="name"/> as the JS class name.</summary>
    public HostClassAttribute(string name) => Name = name;

    /// <summary>The JS class name, or <see langword="null"/> for the type's name.</summary>
    public string? Name { get; }
}

/// <summary>Hides a public member of a host class from JavaScript.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Constructor | AttributeTargets.Event, AllowMultiple = false, Inherited = false)]
public sealed class HostIgnoreAttribute : Attribute
{
}

/// <summary>Gives one member its own JS name.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class HostNameAttribute : Attribute
{
    /// <summary>Uses <paramref name="name"/> as the member's JS name.</summary>
    public HostNameAttribute(string name) => Name = name;

    /// <summary>The JS name.</summary>
    public string Name { get; }
}

/// <summary>Makes a partial class a reusable <see cref="HostProfile"/> bundling the listed types.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class HostProfileAttribute : Attribute
{
    /// <summary>Bundles <paramref name="types"/>: host classes, static classes with host functions, other profiles.</summary>
    public HostProfileAttribute(params Type[] types) => Types = types;

    /// <summary>The bundled types.</summary>
    public IReadOnlyList<Type> Types { get; }
}

/// <summary>Makes a static partial class an ES module importable as <c>host:&lt;name&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class HostModuleAttribute : Attribute
{
    /// <summary>The module is importable as <c>host:<paramref name="name"/></c>.</summary>
    public HostModuleAttribute(string name) => Name = name;

    /// <summary>The module name (without the <c>host:</c> prefix).</summary>
    public string Name { get; }
}

/// <summary>Returns an enum to JavaScript as its member name instead of its number.</summary>
[AttributeUsage(AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
public sealed class HostEnumAsStringAttribute : Attribute
{
}

/// <summary>How C# member names become JS names.</summary>
public enum HostNamingPolicy
{
    /// <summary><c>DistanceTo</c> → <c>distanceTo</c> (the default).</summary>
    CamelCase,

    /// <summary>Names are used exactly as declared.</summary>
    AsDeclared,
}

/// <summary>Sets the naming policy for every host declaration in the assembly.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class HostNamingAttribute : Attribute
{
    /// <summary>Uses <paramref name="policy"/> for the assembly.</summary>
    public HostNamingAttribute(HostNamingPolicy policy) => Policy = policy;

    /// <summary>The policy.</summary>
    public HostNamingPolicy Policy { get; }
}

/// <summary>
/// Marks a class, struct or record as plain data (api.md §5): it crosses by value as a plain JS
/// object. Types used in host member signatures are plain data without it; the attribute makes the
/// source generator emit the type's converter even when no host member uses it (for
/// <c>Eval&lt;T&gt;</c>, <c>Get&lt;T&gt;</c>, <c>Invoke&lt;T&gt;</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class HostDataAttribute : Attribute
{
}

/// <summary>
/// Makes a <c>decimal</c> cross as a string in both directions (its invariant-culture text, exact
/// to the last digit) instead of a number, for values that have no exact JavaScript number.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false, Inherited = false)]
public sealed class HostDecimalAsStringAttribute : Attribute
{
}
