using System.Reflection;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Engine;

/// <summary>
/// The run-time (reflection) path for calling a .NET method from JavaScript: parameters are planned
/// once, each call converts arguments per types.md and invokes the method. Generated bindings replace
/// all of this with straight-line code.
/// </summary>
internal sealed class ReflectionBinding
{
    private readonly Context _context;
    private readonly string _displayName;
    private readonly MethodBase _method;
    private readonly ParameterPlan[] _parameters;

    public ReflectionBinding(Context context, string displayName, MethodBase method)
    {
        _context = context;
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
            var allowsNull = !parameter.ParameterType.IsValueType && nullability.Create(parameter).WriteState != NullabilityState.NotNull;
            _parameters[i] = new ParameterPlan(parameter.Name ?? $"arg{i}", parameter.ParameterType, kind, parameter.HasDefaultValue, parameter.HasDefaultValue ? parameter.DefaultValue : null, allowsNull);
        }

        RequiredCount = _parameters.Count(p => p.Kind == ParameterKind.Argument && !p.IsOptional);
        MaxCount = _parameters.Any(p => p.Kind == ParameterKind.Rest) ? int.MaxValue : _parameters.Count(p => p.Kind == ParameterKind.Argument);
    }

    /// <summary>Arguments JavaScript must pass (the function's <c>length</c>).</summary>
    public int RequiredCount { get; }

    /// <summary>Most arguments the method takes (<see cref="int.MaxValue"/> with <c>params</c>).</summary>
    public int MaxCount { get; }

    public bool Accepts(int count) => count >= RequiredCount && count <= MaxCount;

    /// <summary>Binding for a delegate: its <c>Invoke</c> method with the delegate as target.</summary>
    public static ReflectionBinding ForDelegate(Context context, string name, Delegate function) =>
        new(context, name, function.GetType().GetMethod("Invoke")!);

    /// <summary>Converts JS arguments from index <paramref name="first"/> on, calls the method on <paramref name="target"/> and returns its result.</summary>
    public object? Invoke(object? target, in V8FastArgs args, int first)
    {
        var values = new object?[_parameters.Length];
        var next = first;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var plan = _parameters[i];
            switch (plan.Kind)
            {
                case ParameterKind.Context:
                    values[i] = _context;
                    break;
                case ParameterKind.Cancellation:
                    values[i] = _context.ExecutionCancellation;
                    break;
                case ParameterKind.Rest:
                    var elementType = plan.Type.GetElementType()!;
                    var rest = Array.CreateInstance(elementType, Math.Max(0, args.Count - next));
                    for (var j = 0; next < args.Count; j++, next++)
                        rest.SetValue(_context.Values.ToClr(args.Get<object>(next), elementType, $"{_displayName}: argument {next - first + 1}"), j);
                    values[i] = rest;
                    break;
                default:
                    if (next >= args.Count || (plan.IsOptional && args.IsUndefined(next)))
                    {
                        values[i] = plan.IsOptional
                            ? plan.DefaultValue ?? (plan.Type.IsValueType ? Activator.CreateInstance(plan.Type) : null)
                            : throw new ConversionException(JsErrorKind.TypeError, $"{_displayName}: missing argument '{plan.Name}' ({Marshaller.Describe(plan.Type)}).");
                    }
                    else
                    {
                        values[i] = _context.Values.ToClr(args.Get<object>(next), plan.Type, $"{_displayName}: parameter '{plan.Name}'", plan.AllowsNull);
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

    public bool ReturnsVoid => _method is MethodInfo { ReturnType: var type } && type == typeof(void);

    private enum ParameterKind
    {
        Argument,
        Rest,
        Context,
        Cancellation,
    }

    private sealed record ParameterPlan(string Name, Type Type, ParameterKind Kind, bool IsOptional, object? DefaultValue, bool AllowsNull);
}
