using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using V8Host.Binding;
using V8Host.Shared;

namespace V8Host.Engine;

/// <summary>
/// The run-time path of plain data (api.md §5): for a type no generated binding was registered for,
/// builds a <see cref="HostDataBinding"/> from reflection once, following the rules of
/// <see cref="PlainData"/>, and caches it. Conversions then only run cached delegates.
/// </summary>
internal static class PlainDataConverter
{
    private static readonly ConcurrentDictionary<Type, HostDataBinding?> s_reflected = new();

    /// <summary>The converter of <paramref name="type"/>: the registered one, else the reflection one; null when it is not plain data.</summary>
    public static HostDataBinding? For(Type type) => HostDataBinding.Registered(type) ?? Reflected(type);

    /// <summary>The converter built from reflection (cached per type); null when the type is not plain data.</summary>
    public static HostDataBinding? Reflected(Type type) => s_reflected.GetOrAdd(type, static t => IsPlainData(t) ? Build(t) : null);

    /// <summary>Whether <paramref name="type"/> is plain data, from its reflection facts.</summary>
    public static bool IsPlainData(Type type) =>
        PlainData.IsPlainDataCandidate(
            type.Namespace,
            type.IsGenericType ? type.GetGenericTypeDefinition().FullName ?? type.Name : type.FullName ?? type.Name,
            isClassOrStruct: (type.IsClass || (type.IsValueType && !type.IsEnum && !type.IsPrimitive)) && !type.IsArray && !type.IsPointer && !type.IsByRef,
            isAbstract: type.IsAbstract,
            isGenericDefinition: type.ContainsGenericParameters,
            isEnumerable: typeof(IEnumerable).IsAssignableFrom(type),
            isDelegate: typeof(Delegate).IsAssignableFrom(type),
            isHostClass: type.IsDefined(typeof(HostClassAttribute), inherit: false));

    /// <summary>How error messages name a type: its name without generic arity ("Order", "Pair").</summary>
    public static string DisplayNameOf(Type type)
    {
        var name = type.Name;
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name[..tick];
    }

    private static HostDataBinding Build(Type type)
    {
        var asDeclared = type.Assembly.GetCustomAttribute<HostNamingAttribute>()?.Policy == HostNamingPolicy.AsDeclared;
        var nullability = new NullabilityInfoContext();
        var members = new List<Member>();
        foreach (var info in InOrder(type))
        {
            var (memberType, isData, writable) = info switch
            {
                PropertyInfo p => (p.PropertyType, PlainData.IsDataMember(p.GetMethod?.IsPublic == true, false, p.GetMethod is not null, p.GetIndexParameters().Length > 0, IsIgnored(p), p.IsDefined(typeof(CompilerGeneratedAttribute))),
                    PlainData.IsWritableMember(p.SetMethod?.IsPublic == true, false, false)),
                FieldInfo f => (f.FieldType, PlainData.IsDataMember(f.IsPublic, f.IsStatic, true, false, IsIgnored(f), f.IsDefined(typeof(CompilerGeneratedAttribute))),
                    PlainData.IsWritableMember(false, f.IsInitOnly, true)),
                _ => (typeof(void), false, false),
            };
            if (!isData)
                continue;
            if (memberType.IsByRef || memberType.IsPointer || memberType.IsByRefLike)
                throw new ArgumentException($"{DisplayNameOf(type)}.{info.Name}: a {memberType.Name} member cannot cross to JavaScript; mark it [HostIgnore].");
            var nullable = info is PropertyInfo property ? nullability.Create(property) : nullability.Create((FieldInfo)info);
            members.Add(new Member(
                info.Name,
                PlainData.JsName(info.Name, info.GetCustomAttribute<HostNameAttribute>()?.Name, asDeclared),
                memberType,
                Getter(type, info),
                writable ? info : null,
                IsNullable(memberType, nullable.WriteState),
                NullElements(nullable),
                info.IsDefined(typeof(HostDecimalAsStringAttribute)),
                info.IsDefined(typeof(RequiredMemberAttribute))));
        }

        foreach (var clash in members.GroupBy(m => m.JsName, StringComparer.Ordinal).Where(g => g.Count() > 1))
            throw new ArgumentException($"{DisplayNameOf(type)}: members {string.Join(" and ", clash.Select(m => m.Name))} both have the JS name '{clash.Key}'; rename one with [HostName] or mark it [HostIgnore].");

        var names = members.Select(m => m.Name).ToArray();
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        var chosen = PlainData.SelectConstructor(constructors.Select(c => (IReadOnlyList<string>)c.GetParameters().Select(p => p.Name ?? "").ToArray()).ToArray(), names);
        var constructor = chosen >= 0 ? constructors[chosen] : null;
        var parameters = constructor?.GetParameters().Select(p =>
        {
            var member = members.First(m => PlainData.BindsTo(p.Name!, m.Name));
            var parameterNullability = nullability.Create(p);
            return new Parameter(member, p.ParameterType, p.HasDefaultValue, p.HasDefaultValue ? p.DefaultValue : null,
                PlainData.IsRequired(true, p.HasDefaultValue, IsNullable(p.ParameterType, parameterNullability.WriteState), false),
                IsNullable(p.ParameterType, parameterNullability.WriteState), NullElements(parameterNullability));
        }).ToArray() ?? Array.Empty<Parameter>();
        var settable = members.Where(m => m.Setter is not null && parameters.All(p => p.Member != m)).ToArray();
        var displayName = DisplayNameOf(type);
        var create = Creator(type, constructor);
        var all = members.ToArray();

        var binding = new HostDataBinding(
            type,
            (value, writer) =>
            {
                foreach (var member in all)
                    writer.SetValue(member.JsName, member.Get(value), member.DecimalAsString);
            },
            reader =>
            {
                if (create is null)
                    throw new ConversionException(JsErrorKind.TypeError, $"{displayName} cannot be created from JavaScript: it has no public constructor whose parameters all match its properties by name.");
                var arguments = new object?[parameters.Length];
                for (var i = 0; i < parameters.Length; i++)
                {
                    var p = parameters[i];
                    if (reader.TryRead(p.Member.JsName, p.Type, p.Nullable, p.NullElements, p.Member.DecimalAsString, out var argument))
                        arguments[i] = argument;
                    else if (p.Required)
                        throw new ConversionException(JsErrorKind.TypeError, PlainData.MissingMessage(displayName, p.Member.JsName));
                    else
                        arguments[i] = p.HasDefault ? DefaultOf(p.Type, p.Default) : null;
                }

                var instance = create(arguments);
                foreach (var member in settable)
                {
                    if (reader.TryRead(member.JsName, member.Type, member.Nullable, member.NullElements, member.DecimalAsString, out var read))
                        member.Set(instance, read);
                    else if (member.Required)
                        throw new ConversionException(JsErrorKind.TypeError, PlainData.MissingMessage(displayName, member.JsName));
                }

                return instance;
            });
        binding.FieldTypes = parameters.Select(p => p.Type).Concat(settable.Select(m => m.Type)).ToArray();
        binding.Fields = parameters.Select(p => p.Member.JsName).Concat(settable.Select(m => m.JsName)).ToArray();
        return binding;
    }

    // A stable key order: base types' members first, then properties before fields (MemberRules), each
    // in metadata (declaration) order. GetMembers promises no order.
    private static IEnumerable<MemberInfo> InOrder(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m is FieldInfo or PropertyInfo)
            .GroupBy(m => m.Name)
            .Select(hiding => hiding.OrderByDescending(m => Depth(m.DeclaringType!)).First()) // `new` hides the base member
            .OrderBy(m => Depth(m.DeclaringType!))
            .ThenBy(m => MemberRules.ValueMemberOrder(m is FieldInfo))
            .ThenBy(m => m.MetadataToken);

    private static int Depth(Type type)
    {
        var depth = 0;
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            depth++;
        return depth;
    }

    private static bool IsIgnored(MemberInfo member) => member.IsDefined(typeof(HostIgnoreAttribute));

    private static bool IsNullable(Type type, NullabilityState state) =>
        type.IsValueType ? Nullable.GetUnderlyingType(type) is not null : state != NullabilityState.NotNull;

    /// <summary>Whether any element or type argument of a collection member is nullable (or unknown).</summary>
    private static bool NullElements(NullabilityInfo info) =>
        (info.ElementType is { } element && (element.WriteState != NullabilityState.NotNull || NullElements(element)))
        || info.GenericTypeArguments.Any(argument => argument.WriteState != NullabilityState.NotNull || NullElements(argument));

    // A parameter's default as reflection reports it: null for `default` of a struct, a boxed
    // underlying value for an enum default.
    private static object? DefaultOf(Type type, object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        return target.IsEnum ? Enum.ToObject(target, value) : value;
    }

    private static Func<object, object?> Getter(Type type, MemberInfo member)
    {
        var instance = Expression.Parameter(typeof(object));
        var typed = Expression.Convert(instance, type);
        Expression read = member is PropertyInfo property ? Expression.Property(typed, property) : Expression.Field(typed, (FieldInfo)member);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), instance).Compile();
    }

    private static Func<object?[], object>? Creator(Type type, ConstructorInfo? constructor)
    {
        if (constructor is null)
        {
            // A struct without a matching constructor starts as default and gets its members set.
            return type.IsValueType ? _ => Activator.CreateInstance(type)! : null;
        }

        var arguments = Expression.Parameter(typeof(object?[]));
        var values = constructor.GetParameters().Select((p, i) =>
            (Expression)Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType));
        return Expression.Lambda<Func<object?[], object>>(Expression.Convert(Expression.New(constructor, values), typeof(object)), arguments).Compile();
    }

    private sealed record Member(
        string Name, string JsName, Type Type, Func<object, object?> Get, MemberInfo? Setter, bool Nullable, bool NullElements,
        bool DecimalAsString, bool Required)
    {
        // Reflection's SetValue writes into the box, so struct members and init accessors work too.
        public void Set(object instance, object? value)
        {
            if (Setter is PropertyInfo property)
                property.SetValue(instance, value);
            else
                ((FieldInfo)Setter!).SetValue(instance, value);
        }
    }

    private sealed record Parameter(Member Member, Type Type, bool HasDefault, object? Default, bool Required, bool Nullable, bool NullElements);
}
