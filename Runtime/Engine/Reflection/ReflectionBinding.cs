using System.Reflection;
using V8Host.Binding;

namespace V8Host.Engine.Reflection;

/// <summary>
/// Runs a planned overload set by reflection: the same dispatch (count, then JS types), the same
/// argument reads and the same error text as generated code, because both follow one plan and read
/// arguments through <see cref="HostArgs"/>.
/// </summary>
internal sealed class ReflectionBinding
{
    private readonly OverloadSetPlan _set;
    private readonly MethodBase[] _methods;
    private readonly ParameterInfo[][] _parameters;
    private readonly ParameterInfo[][] _declared;

    /// <param name="methods">The reflected method of each overload, index-aligned with <paramref name="set"/>.Overloads.</param>
    /// <param name="declaredMethod">For a delegate's Invoke: the method the user wrote (for default values).</param>
    public ReflectionBinding(OverloadSetPlan set, MethodBase[] methods, MethodInfo? declaredMethod = null)
    {
        _set = set;
        _methods = methods;
        _parameters = methods.Select(m => m.GetParameters()).ToArray(); // GetParameters copies: once, not per call
        _declared = methods.Select(m => ReflectionDeclarations.DeclaredParameters(m, declaredMethod)).ToArray();
    }

    public OverloadSetPlan Set => _set;

    /// <summary>A global function over a delegate: its <c>Invoke</c> method with the delegate as target.</summary>
    public static HostFunctionBinding ForDelegate(string name, Delegate function)
    {
        HostNames.ThrowIfInvalidPath(name, nameof(name));
        var binding = Plan(name, null, function);
        return new HostFunctionBinding(name, binding.Set.Length, (in HostArgs args, in HostResult result) => binding.Call(function, args, result), TypeScriptDeclarations.Function(binding.Set))
        {
            Source = function,
            ByteArguments = binding.Set.ByteArguments,
        };
    }

    /// <summary>A host module whose exports are delegates.</summary>
    public static HostModuleBinding ForModule(string name, IEnumerable<KeyValuePair<string, Delegate>> exports)
    {
        var functions = new List<HostFunctionBinding>();
        var declarations = new List<string>();
        foreach (var (exportName, function) in exports)
        {
            ArgumentNullException.ThrowIfNull(function, nameof(exports));
            var binding = Plan(exportName, name, function);
            declarations.Add(TypeScriptDeclarations.Export(binding.Set));
            functions.Add(new HostFunctionBinding(exportName, binding.Set.Length, (in HostArgs args, in HostResult result) => binding.Call(function, args, result), declarations[^1])
            {
                ByteArguments = binding.Set.ByteArguments,
            });
        }

        return new HostModuleBinding(name, functions, TypeScriptDeclarations.Module(name, declarations));
    }

    /// <summary>Plans a delegate's <c>Invoke</c> as one function, with the names and nullability the user declared.</summary>
    private static ReflectionBinding Plan(string name, string? moduleName, Delegate function)
    {
        var invoke = function.GetType().GetMethod("Invoke")!;
        var declarations = new ReflectionDeclarations();
        declarations.AddMethod(invoke, name, isClassMember: false, function.Method);
        var problems = new List<BindingProblem>();
        var owner = function.Method.DeclaringType is { } declaring && ReflectionDeclarations.IsSpeakable(declaring.Name) && ReflectionDeclarations.IsSpeakable(function.Method.Name)
            ? ClrTypeView.Display(declaring)
            : string.Empty;
        var plan = BindingPlanner.PlanFunctions(owner, moduleName, declarations.Members, NamingPolicy.CamelCase, problems);
        ReflectionDeclarations.ThrowIfErrors(problems, moduleName is null ? $"The host function '{name}'" : $"The export '{name}' of host module '{moduleName}'");
        return new ReflectionBinding(plan.Functions[0], new MethodBase[] { invoke }, function.Method);
    }

    /// <summary>Dispatches, converts the arguments, calls the method on <paramref name="target"/> and writes the result.</summary>
    public void Call(object? target, in HostArgs args, in HostResult result)
    {
        var overload = Select(args);
        var returned = Invoke(overload, target, args);
        var rule = _set.Overloads[overload].Return;
        if (rule.Kind == ValueKind.Void)
            result.SetUndefined();
        else
            WriteResult(rule, returned, result, _set.DisplayName);
    }

    /// <summary>Dispatches, converts the arguments and calls the constructor.</summary>
    public object Construct(in HostArgs args) => Invoke(Select(args), null, args)!;

    /// <summary>Writes a value as generated code would for <paramref name="rule"/>; <paramref name="member"/> names a live view in its errors.</summary>
    public static void WriteResult(TypeRule rule, object? value, in HostResult result, string member)
    {
        if (rule.IsLive)
            result.SetLive(value, member);
        else if (rule.DecimalAsString)
            result.SetDecimalAsString(value);
        else
            result.SetObject(rule.IsEnumAsString && value is Enum e ? e.ToString() : value, member);
    }

    /// <summary>The planned dispatch: the first overload whose count (then, where planned, JS types) matches.</summary>
    private int Select(in HostArgs args)
    {
        if (_set.IsSingle)
            return 0;
        for (var i = 0; i < _set.Overloads.Count; i++)
        {
            var method = _set.Overloads[i];
            if (args.Count < method.Required || args.Count > method.Maximum)
                continue;
            if (method.TypeChecks && !TypesMatch(method, args))
                continue;
            return i;
        }

        throw _set.ReportsSignatures ? args.OverloadError(_set.DisplayName, _set.Signatures) : args.ArityError(_set.DisplayName, _set.Arities);
    }

    private static bool TypesMatch(MethodPlan method, in HostArgs args)
    {
        foreach (var parameter in OverloadRules.CheckedArguments(method))
        {
            if (!args.IsMissing(parameter.JsIndex) && !args.Is(parameter.JsIndex, (JsValueKind)parameter.Type.Category))
                return false;
        }

        return true;
    }

    private object? Invoke(int overload, object? target, in HostArgs args)
    {
        var plan = _set.Overloads[overload];
        var method = _methods[overload];
        var parameters = _parameters[overload];
        var declared = _declared[overload];
        var values = new object?[plan.Parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = plan.Parameters[i];
            var type = parameters[i].ParameterType;
            values[i] = parameter.Kind switch
            {
                ParameterKind.Context => args.Context,
                ParameterKind.CancellationToken => args.CancellationToken,
                ParameterKind.Rest => args.GetRest(parameter.JsIndex, type.GetElementType()!, _set.DisplayName, parameter.Name, parameter.Type.IsNullable),
                _ when parameter.IsOptional && args.IsMissing(parameter.JsIndex) => DefaultOf(declared[i].HasDefaultValue ? declared[i] : parameters[i], type),
                _ => args.Get(parameter.JsIndex, type, _set.DisplayName, parameter.Name, parameter.Type.IsNullable, parameter.Type.NullElements, parameter.Type.DecimalAsString),
            };
        }

        // DoNotWrapExceptions: the member's own exception, not a TargetInvocationException, reaches JS.
        return method is ConstructorInfo constructor
            ? constructor.Invoke(BindingFlags.DoNotWrapExceptions, null, values, null)
            : method.Invoke(target, BindingFlags.DoNotWrapExceptions, null, values, null);
    }

    private static object? DefaultOf(ParameterInfo parameter, Type type) =>
        parameter.DefaultValue is { } value && value is not DBNull ? value : type.IsValueType ? Activator.CreateInstance(type) : null;
}
