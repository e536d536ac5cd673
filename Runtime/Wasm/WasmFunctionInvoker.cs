using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;

namespace V8Host.Engine;

/// <summary>
/// Builds the typed delegate of <see cref="WasmInstance.GetFunction{TDelegate}"/>: a compiled lambda
/// that boxes the arguments as the engine wants them (i64 as a BigInt, f32 widened) and makes one call
/// into the engine, then converts the single result back. No conversion tables are consulted per call.
/// </summary>
internal sealed class WasmFunctionInvoker
{
    private static readonly MethodInfo s_call = typeof(WasmFunctionInvoker).GetMethod(nameof(Call), BindingFlags.NonPublic | BindingFlags.Instance)!;
    private static readonly ConstructorInfo s_bigInteger = typeof(BigInteger).GetConstructor([typeof(long)])!;

    private readonly Context _context;
    private readonly JsFunction _function;
    private readonly string _operation;
    private readonly WasmValueKind? _result;

    private WasmFunctionInvoker(Context context, JsFunction function, string name, WasmFunctionType type)
    {
        _context = context;
        _function = function;
        _operation = $"WasmInstance function '{name}'";
        _result = type.Results.Count == 1 ? type.Results[0].Kind : null;
    }

    /// <summary>The delegate; <paramref name="delegateType"/> was checked against <paramref name="type"/> already.</summary>
    public static Delegate Create(Context context, JsFunction function, string name, WasmFunctionType type, Type delegateType)
    {
        var invoker = new WasmFunctionInvoker(context, function, name, type);
        var invoke = WasmSignatures.InvokeMethod(delegateType);
        var parameters = invoke.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        var arguments = Expression.NewArrayInit(typeof(object), parameters.Select(p => Expression.Convert(ToEngine(p), typeof(object))));
        Expression body = Expression.Call(Expression.Constant(invoker), s_call, arguments);
        body = invoke.ReturnType == typeof(void) ? body : Expression.Convert(body, invoke.ReturnType);
        return Expression.Lambda(delegateType, body, parameters).Compile();
    }

    private static Expression ToEngine(ParameterExpression parameter) =>
        parameter.Type == typeof(long) ? Expression.New(s_bigInteger, parameter)
        : parameter.Type == typeof(float) ? Expression.Convert(parameter, typeof(double))
        : parameter;

    private object? Call(object[] arguments) => _context.Run(_operation, _ =>
    {
        var call = _context.GuardedCallOf(_function, _context.Resolve(_function, _operation));
        // A wasm export takes no host objects.
        var result = _context.Bridge.CallGuarded(call, arguments, transferred: 0);
        return _result switch
        {
            null => null,
            WasmValueKind.I32 => (object)Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture),
            WasmValueKind.I64 => (long)(BigInteger)result,
            WasmValueKind.F32 => (float)Convert.ToDouble(result, System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToDouble(result, System.Globalization.CultureInfo.InvariantCulture),
        };
    });
}
