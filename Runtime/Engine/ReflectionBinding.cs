using System.Reflection;
using V8Host.Binding;

namespace V8Host.Engine;

/// <summary>
/// The run-time (reflection) path for calling a .NET method from JavaScript: parameters are planned
/// once, each call converts arguments per types.md and invokes the method. Generated bindings replace
/// all of this with straight-line code.
/// </summary>
internal sealed class ReflectionBinding
{
    private readonly string _displayName;
    private readonly MethodBase _method;
    private readonly ParameterPlan[] _parameters;

    /// <param name="displayName">How errors name the member.</param>
    /// <param name="method">What is invoked.</param>
    /// <param name="declared">
    /// The parameters as the user wrote them, for names and nullability, when <paramref name="method"/> is a
    /// delegate's Invoke (whose parameters are arg1, arg2 …). Kinds and defaults still come from Invoke.
    /// </param>
    public ReflectionBinding(string displayName, MethodBase method, ParameterInfo[]? declared = null)
    {
        _displayName = displayName;
        _method = method;
        var nullability = new NullabilityInfoContext();
        var parameters = method.GetParameters();
        _parameters = new ParameterPlan[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType.IsByRef)
                throw new ArgumentException($"{displayName}: parameter '{parameter.Name}' is passed by reference; JavaScript cannot pass ref/out/in arguments.");
            var kind = parameter.ParameterType switch
            {
                var t when t == typeof(Context) && i == 0 => ParameterKind.Context,
                var t when t == typeof(CancellationToken) && i == parameters.Length - 1 => ParameterKind.Cancellation,
                var t when t.IsArray && parameter.IsDefined(typeof(ParamArrayAttribute)) => ParameterKind.Rest,
                _ => ParameterKind.Argument,
            };
            var named = declared?[i] ?? parameter;
            var info = nullability.Create(named);
            var allowsNull = !parameter.ParameterType.IsValueType && info.WriteState != NullabilityState.NotNull;
            _parameters[i] = new ParameterPlan(named.Name ?? $"arg{i}", parameter.ParameterType, kind, parameter.HasDefaultValue, parameter.HasDefaultValue ? parameter.DefaultValue : null, allowsNull, AllowsNullElements(info));
        }

        RequiredCount = _parameters.Count(p => p.Kind == ParameterKind.Argument && !p.IsOptional);
        MaxCount = _parameters.Any(p => p.Kind == ParameterKind.Rest) ? int.MaxValue : _parameters.Count(p => p.Kind == ParameterKind.Argument);
        ReturnsVoid = method is MethodInfo { ReturnType: var type } && type == typeof(void);
    }

    /// <summary>Arguments JavaScript must pass (the function's <c>length</c>).</summary>
    public int RequiredCount { get; }

    /// <summary>Most arguments the method takes (<see cref="int.MaxValue"/> with <c>params</c>).</summary>
    public int MaxCount { get; }

    public bool ReturnsVoid { get; }

    public bool Accepts(int count) => count >= RequiredCount && count <= MaxCount;

    /// <summary>A global function over a delegate: its <c>Invoke</c> method with the delegate as target.</summary>
    public static HostFunctionBinding ForDelegate(string name, Delegate function)
    {
        var invoke = function.GetType().GetMethod("Invoke")!;
        var target = function.Method.GetParameters();
        var declared = target.Length == invoke.GetParameters().Length ? target : null; // not for delegates closed over a first argument
        var binding = new ReflectionBinding(name[(name.LastIndexOf('.') + 1)..], invoke, declared);
        return new HostFunctionBinding(name, binding.RequiredCount, (in HostArgs args, in HostResult result) => binding.Call(function, args, result));
    }

    /// <summary>Converts the arguments, calls the method on <paramref name="target"/> and writes the result.</summary>
    public void Call(object? target, in HostArgs args, in HostResult result)
    {
        var returned = Invoke(target, args);
        if (ReturnsVoid)
            result.SetUndefined();
        else
            result.SetObject(returned);
    }

    /// <summary>Converts the arguments and calls the method (or constructor) on <paramref name="target"/>.</summary>
    public object? Invoke(object? target, in HostArgs args)
    {
        var context = args.Context;
        var values = new object?[_parameters.Length];
        var next = 0;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var plan = _parameters[i];
            switch (plan.Kind)
            {
                case ParameterKind.Context:
                    values[i] = context;
                    break;
                case ParameterKind.Cancellation:
                    values[i] = context.ExecutionCancellation;
                    break;
                case ParameterKind.Rest:
                    var elementType = plan.Type.GetElementType()!;
                    var rest = Array.CreateInstance(elementType, Math.Max(0, args.Count - next));
                    for (var j = 0; next < args.Count; j++, next++)
                        rest.SetValue(context.Values.ToClr(args.Raw(next), elementType, $"{_displayName}: argument {next + 1}", plan.AllowsNullElements, plan.AllowsNullElements), j);
                    values[i] = rest;
                    break;
                default:
                    if (args.IsMissing(next) && (plan.IsOptional || next >= args.Count))
                    {
                        values[i] = plan.IsOptional
                            ? plan.DefaultValue ?? (plan.Type.IsValueType ? Activator.CreateInstance(plan.Type) : null)
                            : throw args.Missing(_displayName, plan.Name, Marshaller.Describe(plan.Type));
                    }
                    else
                    {
                        values[i] = context.Values.ToClr(args.Raw(next), plan.Type, $"{_displayName}: parameter '{plan.Name}'", plan.AllowsNull, plan.AllowsNullElements);
                    }

                    next++;
                    break;
            }
        }

        try
        {
            return _method is ConstructorInfo constructor ? constructor.Invoke(values) : _method.Invoke(target, values);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }

    /// <summary>The overload that takes <paramref name="count"/> arguments (JS has no overloads: dispatch is by arity).</summary>
    public static ReflectionBinding Select(IReadOnlyList<ReflectionBinding> overloads, int count, string name)
    {
        foreach (var binding in overloads)
        {
            if (binding.Accepts(count))
                return binding;
        }

        var arities = string.Join(" or ", overloads.Select(o => o.MaxCount == int.MaxValue ? $"{o.RequiredCount}+" : o.RequiredCount == o.MaxCount ? $"{o.RequiredCount}" : $"{o.RequiredCount}-{o.MaxCount}").Distinct());
        throw new ConversionException(JsErrorKind.TypeError, $"{name} takes {arities} argument(s); got {count}.");
    }

    private enum ParameterKind
    {
        Argument,
        Rest,
        Context,
        Cancellation,
    }

    /// <summary>Whether any element or type argument of a collection parameter is declared nullable (or unknown).</summary>
    private static bool AllowsNullElements(NullabilityInfo info) =>
        (info.ElementType is { } element && (element.WriteState != NullabilityState.NotNull || AllowsNullElements(element)))
        || info.GenericTypeArguments.Any(argument => argument.WriteState != NullabilityState.NotNull || AllowsNullElements(argument));

    private sealed record ParameterPlan(string Name, Type Type, ParameterKind Kind, bool IsOptional, object? DefaultValue, bool AllowsNull, bool AllowsNullElements);
}
