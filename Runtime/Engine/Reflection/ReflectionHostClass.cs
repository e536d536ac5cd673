using System.Reflection;
using V8Host.Binding;

namespace V8Host.Engine.Reflection;

/// <summary>
/// Builds a <see cref="HostClassBinding"/> by reflection for types registered at run time, from the
/// same plan the generator emits code from: members chosen by <see cref="MemberRules"/>, planned by
/// <see cref="BindingPlanner"/>, run by <see cref="ReflectionBinding"/>. A problem the generator reports
/// as a diagnostic is an <see cref="ArgumentException"/> here, with the same text.
/// </summary>
internal static class ReflectionHostClass
{
    public static HostClassBinding Create(Type type)
    {
        if (type.IsGenericTypeDefinition)
            throw new ArgumentException($"{type} is an open generic type; register a constructed type instead.");
        var jsName = type.GetCustomAttribute<HostClassAttribute>()?.Name ?? type.Name;
        var naming = NamingOf(type.Assembly);
        var declarations = new ReflectionDeclarations();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers(flags))
            {
                var facts = ReflectionDeclarations.Facts(member, type);
                if (!MemberRules.IsCandidate(facts) || !seen.Add(HidingKey(member, facts.Kind)))
                    continue;
                switch (member)
                {
                    case ConstructorInfo constructor:
                        if (!type.IsAbstract)
                            declarations.AddMethod(constructor, null, isClassMember: true);
                        break;
                    case MethodInfo method:
                        var explicitName = MemberRules.ExplicitName(method.GetCustomAttribute<HostNameAttribute>()?.Name, method.GetCustomAttribute<HostFunctionAttribute>()?.Name);
                        declarations.AddMethod(method, explicitName, isClassMember: true);
                        break;
                    case PropertyInfo or FieldInfo or EventInfo:
                        declarations.AddValueMember(member, member.GetCustomAttribute<HostNameAttribute>()?.Name);
                        break;
                }
            }
        }

        // A struct without declared constructors still has C#'s parameterless one (the generator sees it as implicit).
        var synthesizedConstructor = type.IsValueType && !declarations.Members.Any(m => m.Kind == MemberKind.Constructor);

        var problems = new List<BindingProblem>();
        var plan = BindingPlanner.PlanClass(type.Name, jsName, declarations.Members, naming, problems);
        ReflectionDeclarations.ThrowIfErrors(problems, $"The host class {type.Name}");

        var members = new List<HostMemberBinding>();
        foreach (var property in plan.Properties)
            members.Add(Property(property, declarations.Sources[property.Member]));
        foreach (var set in plan.Methods)
        {
            var binding = new ReflectionBinding(set, set.Overloads.Select(o => (MethodBase)declarations.Sources[o.Member]).ToArray());
            members.Add(HostMemberBinding.Method(set.JsName, set.IsStatic, set.Length, binding.Call, set.ByteArguments));
        }

        HostConstructorInvoker? construct = null;
        var constructorLength = 0;
        if (plan.Constructors is { } constructors)
        {
            var binding = new ReflectionBinding(constructors, constructors.Overloads.Select(o => (MethodBase)declarations.Sources[o.Member]).ToArray());
            construct = binding.Construct;
            constructorLength = constructors.Length;
        }
        else if (synthesizedConstructor)
        {
            construct = (in HostArgs _) => Activator.CreateInstance(type)!;
        }

        return new HostClassBinding(type, jsName, constructorLength, construct, members, TypeScriptDeclarations.Class(plan));
    }

    /// <summary>The naming policy of the assembly that declares the type (<c>[assembly: HostNaming]</c>).</summary>
    public static NamingPolicy NamingOf(Assembly assembly) =>
        assembly.GetCustomAttribute<HostNamingAttribute>()?.Policy == HostNamingPolicy.AsDeclared ? new NamingPolicy(true) : NamingPolicy.CamelCase;

    private static string HidingKey(MemberInfo member, MemberKind kind) =>
        MemberRules.HidingKey(kind, member.Name, member is MethodBase method ? method.GetParameters().Select(p => ClrTypeView.Display(p.ParameterType)) : Enumerable.Empty<string>());

    private static HostMemberBinding Property(PropertyPlan plan, MemberInfo member)
    {
        // DoNotWrapExceptions: a property's own exception reaches JS with its own message, as from generated code.
        Func<object?, object?> get = member is PropertyInfo property
            ? instance => property.GetValue(instance, BindingFlags.DoNotWrapExceptions, null, null, null)
            : ((FieldInfo)member).GetValue;
        Action<object?, object?>? set = !plan.CanWrite ? null
            : member is PropertyInfo writable ? (instance, value) => writable.SetValue(instance, value, BindingFlags.DoNotWrapExceptions, null, null, null)
            : ((FieldInfo)member).SetValue;
        var valueType = member is PropertyInfo p ? p.PropertyType : ((FieldInfo)member).FieldType;
        var writeRule = plan.WriteType;
        return HostMemberBinding.Property(
            plan.JsName,
            plan.IsStatic,
            (object? instance, in HostArgs _, in HostResult result) => ReflectionBinding.WriteResult(plan.Type, get(instance), result, plan.DisplayName),
            set is null ? null : (object? instance, in HostArgs args, in HostResult result) =>
            {
                set(instance, args.Get(0, valueType, plan.DisplayName, "value", writeRule!.IsNullable, writeRule.NullElements));
                result.SetUndefined();
            });
    }
}
