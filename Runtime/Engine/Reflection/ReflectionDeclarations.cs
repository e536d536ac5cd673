using System.Reflection;
using System.Runtime.CompilerServices;

namespace V8Host.Engine.Reflection;

/// <summary>
/// The reflection side of the rulebook's input: members of a <see cref="Type"/> as the shared
/// <see cref="MemberFacts"/> and <see cref="DeclaredMember"/>s, each type classified by the shared
/// <see cref="TypeRules"/> — the same facts the generator reads from symbols.
/// </summary>
internal sealed class ReflectionDeclarations
{
    // Not thread-safe, so one per registration.
    private readonly NullabilityInfoContext _nullability = new();

    public List<DeclaredMember> Members { get; } = new();

    /// <summary>The reflected member behind each declaration, index-aligned with <see cref="Members"/>.</summary>
    public List<MemberInfo> Sources { get; } = new();

    public static MemberFacts Facts(MemberInfo member, Type boundType)
    {
        var kind = member switch
        {
            ConstructorInfo => MemberKind.Constructor,
            MethodInfo => MemberKind.Method,
            PropertyInfo property when property.GetIndexParameters().Length > 0 => MemberKind.Indexer,
            PropertyInfo => MemberKind.Property,
            FieldInfo => MemberKind.Field,
            _ => MemberKind.Event,
        };
        var isPublic = member switch
        {
            MethodBase method => method.IsPublic,
            PropertyInfo property => property.GetMethod?.IsPublic == true || property.SetMethod?.IsPublic == true,
            FieldInfo field => field.IsPublic,
            EventInfo e => e.AddMethod?.IsPublic == true,
            _ => false,
        };
        var isStatic = member switch
        {
            MethodBase method => method.IsStatic,
            PropertyInfo property => (property.GetMethod ?? property.SetMethod)?.IsStatic == true,
            FieldInfo field => field.IsStatic,
            EventInfo e => e.AddMethod?.IsStatic == true,
            _ => false,
        };
        var overridesObject = member is MethodInfo info && info.GetBaseDefinition().DeclaringType == typeof(object) && info.DeclaringType != typeof(object);
        var compilerGenerated = member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || member.Name == "EqualityContract" || member.Name.Contains('<')
            || MemberRules.IsGeneratedBinding(member.Name);
        return new MemberFacts(kind, member.Name, isPublic, isStatic, member.DeclaringType != boundType, member.IsDefined(typeof(HostIgnoreAttribute), inherit: false),
            compilerGenerated, member is MethodBase { IsSpecialName: true } and not ConstructorInfo, overridesObject);
    }

    /// <summary>
    /// Adds a method, constructor or delegate <c>Invoke</c>. For a delegate, <paramref name="declaredMethod"/> is the
    /// method the user wrote: its name, parameter names, nullability, <c>params</c>, defaults and <c>async</c>
    /// count, as the generator reads them from the declaration (Invoke's parameters are arg1, arg2 …).
    /// </summary>
    public void AddMethod(MethodBase method, string? explicitName, bool isClassMember, MethodInfo? declaredMethod = null)
    {
        var parameters = method.GetParameters();
        var declared = DeclaredParameters(method, declaredMethod);
        var declaredParameters = new List<DeclaredParameter>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var named = declared[i];
            var byRef = parameter.ParameterType.IsByRef;
            var type = byRef ? parameter.ParameterType.GetElementType()! : parameter.ParameterType;
            // A lambda's params and defaults live on its delegate type's Invoke, a method's on the method.
            var isParams = type.IsArray && (named.IsDefined(typeof(ParamArrayAttribute)) || parameter.IsDefined(typeof(ParamArrayAttribute)));
            var info = byRef ? null : _nullability.Create(named);
            var view = isParams ? new ClrTypeView(type.GetElementType()!, info?.ElementType) : new ClrTypeView(type, info);
            declaredParameters.Add(new DeclaredParameter(
                named.Name ?? $"arg{i}",
                TypeRules.Classify(view, TypePosition.Parameter, decimalAsString: named.IsDefined(typeof(HostDecimalAsStringAttribute))),
                string.Empty,
                ClrTypeView.Describe(type),
                byRef ? (parameter.IsOut ? "out" : parameter.IsIn ? "in" : "ref") : null,
                isParams,
                named.HasDefaultValue || parameter.HasDefaultValue));
        }

        var isConstructor = method is ConstructorInfo;
        TypeRule? returned = null;
        var returnDisplay = method.DeclaringType?.Name ?? string.Empty;
        if (method is MethodInfo info2)
        {
            var position = isClassMember && !method.IsStatic ? TypePosition.MemberReturn : TypePosition.Return;
            var returnSource = declaredMethod ?? info2;
            returned = TypeRules.Classify(new ClrTypeView(info2.ReturnType, info2.ReturnType == typeof(void) ? null : _nullability.Create(info2.ReturnParameter)), position,
                decimalAsString: returnSource.ReturnParameter.IsDefined(typeof(HostDecimalAsStringAttribute)));
            returnDisplay = ClrTypeView.Describe(info2.ReturnType);
        }

        var requiredMissing = isConstructor && HasRequiredMembers(method.DeclaringType!) && !method.IsDefined(typeof(System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute));
        var source = declaredMethod ?? method;
        // A lambda has no C# name to report: messages use its JS name.
        var clrName = IsSpeakable(source.Name) ? source.Name : explicitName ?? method.Name;
        var isAsyncVoid = method is MethodInfo { ReturnType: var r } && r == typeof(void) && source.IsDefined(typeof(AsyncStateMachineAttribute));
        Members.Add(new DeclaredMember(isConstructor ? MemberKind.Constructor : MemberKind.Method, clrName, explicitName, method.IsStatic,
            declaredParameters.ToEquatableArray(), returned, string.Empty, returnDisplay, IsGeneric: method.IsGenericMethodDefinition, IsAsyncVoid: isAsyncVoid,
            MissingSetsRequiredMembers: requiredMissing));
        Sources.Add(method);
    }

    /// <summary>A name C# code could have written (not a compiler-made one such as a lambda's).</summary>
    public static bool IsSpeakable(string name) => !name.Contains('<') && !name.Contains('>');

    /// <summary>The parameters as the user declared them: a delegate's target method's, unless the delegate is closed over a first argument.</summary>
    public static ParameterInfo[] DeclaredParameters(MethodBase method, MethodInfo? declaredMethod)
    {
        var parameters = method.GetParameters();
        return declaredMethod?.GetParameters() is { } declared && declared.Length == parameters.Length ? declared : parameters;
    }

    /// <summary>Adds a property, field, indexer or event of a host class.</summary>
    public void AddValueMember(MemberInfo member, string? explicitName)
    {
        var facts = Facts(member, member.DeclaringType!);
        TypeRule rule;
        TypeRule? write = null;
        Type type;
        switch (member)
        {
            case PropertyInfo property when facts.Kind == MemberKind.Property:
                type = property.PropertyType;
                var propertyInfo = _nullability.Create(property);
                var asString = property.IsDefined(typeof(HostDecimalAsStringAttribute));
                rule = property.GetMethod?.IsPublic == true
                    ? TypeRules.Classify(new ClrTypeView(type, propertyInfo), facts.IsStatic ? TypePosition.Return : TypePosition.MemberReturn, decimalAsString: asString)
                    : TypeRule.Unsupported("a property with a public getter");
                var initOnly = property.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) == true;
                if (property.SetMethod is { IsPublic: true } && !initOnly)
                    write = TypeRules.Classify(new ClrTypeView(type, propertyInfo), TypePosition.Parameter, decimalAsString: asString);
                break;
            case FieldInfo field:
                type = field.FieldType;
                var fieldInfo = _nullability.Create(field);
                var fieldAsString = field.IsDefined(typeof(HostDecimalAsStringAttribute));
                rule = TypeRules.Classify(new ClrTypeView(type, fieldInfo), facts.IsStatic ? TypePosition.Return : TypePosition.MemberReturn, decimalAsString: fieldAsString);
                if (!field.IsInitOnly && !field.IsLiteral)
                    write = TypeRules.Classify(new ClrTypeView(type, fieldInfo), TypePosition.Parameter, decimalAsString: fieldAsString);
                break;
            default:
                type = typeof(object);
                rule = TypeRule.Unsupported("a property");
                break;
        }

        Members.Add(new DeclaredMember(facts.Kind, member.Name, explicitName, facts.IsStatic, EquatableArray<DeclaredParameter>.Empty, rule, string.Empty,
            ClrTypeView.Describe(type), write is { IsSupported: true } ? write : null));
        Sources.Add(member);
    }

    /// <summary>Throws the planner's errors with the text the generator reports them with.</summary>
    public static void ThrowIfErrors(IEnumerable<BindingProblem> problems, string what)
    {
        var errors = problems.Where(p => p.IsError).Select(p => p.Message).ToList();
        if (errors.Count > 0)
            throw new ArgumentException($"{what} cannot be bound to JavaScript: " + string.Join("; ", errors) + ".");
    }

    private static bool HasRequiredMembers(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Any(m => m.IsDefined(typeof(RequiredMemberAttribute), inherit: true));
}
