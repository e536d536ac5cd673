using System.Reflection;

namespace V8Host.Engine;

/// <summary>Matches .NET delegate types against wasm function types: int/i32, long/i64, float/f32, double/f64, void/no result.</summary>
internal static class WasmSignatures
{
    /// <summary>The delegate type's signature in wasm words (<c>(i32, String) -> ()</c>), for error messages.</summary>
    /// <param name="hostFunction">Whether the delegate is called from wasm as a host function, which may take a leading <see cref="Context"/> and a trailing <see cref="CancellationToken"/> that wasm does not pass.</param>
    public static string Describe(Type delegateType, bool hostFunction = false)
    {
        var invoke = InvokeMethod(delegateType);
        var parameters = ValueParameters(invoke, hostFunction).Select(p => p.ParameterType.IsByRef ? $"ref {p.ParameterType.GetElementType()!.Name}" : WasmValueType.TextOf(p.ParameterType));
        var hasResult = invoke.ReturnType != typeof(void);
        return WasmFunctionType.Format(parameters, hasResult ? [WasmValueType.TextOf(invoke.ReturnType)] : [], hasResult ? 1 : 0);
    }

    /// <summary>Whether the delegate type carries exactly the function type's values.</summary>
    /// <param name="hostFunction">As for <see cref="Describe"/>.</param>
    public static bool Matches(Type delegateType, WasmFunctionType type, bool hostFunction = false)
    {
        var invoke = InvokeMethod(delegateType);
        var parameters = ValueParameters(invoke, hostFunction);
        if (parameters.Length != type.Parameters.Count)
            return false;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (type.Parameters[i].ClrType is not { } expected || parameters[i].ParameterType != expected)
                return false;
        }

        return type.Results.Count switch
        {
            0 => invoke.ReturnType == typeof(void),
            1 => type.Results[0].ClrType is { } result && invoke.ReturnType == result,
            _ => false,
        };
    }

    /// <summary>Why a function type cannot be called through a typed delegate at all (v128, references, several results), or null.</summary>
    public static string? Unsupported(WasmFunctionType type)
    {
        foreach (var value in type.Parameters.Concat(type.Results))
        {
            if (value.ClrType is null)
                return $"its type {type} uses {value.Text}, which typed delegates do not carry (only i32, i64, f32 and f64)";
        }

        return type.Results.Count > 1 ? $"its type {type} has {type.Results.Count} results, which typed delegates do not carry (call it through WasmInstance.Exports)" : null;
    }

    /// <summary>The parameters wasm passes values for: a host function's injected Context and CancellationToken are not among them.</summary>
    private static ParameterInfo[] ValueParameters(MethodInfo invoke, bool hostFunction)
    {
        var parameters = invoke.GetParameters();
        if (!hostFunction)
            return parameters;
        var start = parameters.Length > 0 && parameters[0].ParameterType == typeof(Context) ? 1 : 0;
        var end = parameters.Length > start && parameters[^1].ParameterType == typeof(CancellationToken) ? parameters.Length - 1 : parameters.Length;
        return parameters[start..end];
    }

    public static MethodInfo InvokeMethod(Type delegateType) =>
        delegateType.GetMethod("Invoke") ?? throw new ArgumentException($"{delegateType} is not a delegate type.");
}
