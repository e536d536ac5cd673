using Microsoft.ClearScript;

namespace V8Host;

/// <summary>A JavaScript function that .NET can call directly.</summary>
public sealed class JsFunction : JsHandle
{
    internal JsFunction(Context context, long id)
        : base(context, id)
    {
    }

    /// <summary>Calls the function with <c>this</c> undefined and returns the untyped result.</summary>
    public object? Invoke(params object?[] args) => InvokeWithThis(JsUndefined.Value, args);

    /// <summary>Calls the function with an explicit <c>this</c>.</summary>
    public object? InvokeWithThis(object? thisArg, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Use("Invoke", target => Context.Values.ToHost(Call(target, thisArg, args)));
    }

    /// <summary>Calls the function and converts its result to <typeparamref name="T"/> (types.md).</summary>
    /// <exception cref="InvalidCastException">The result cannot be converted to <typeparamref name="T"/>.</exception>
    public T Invoke<T>(params object?[] args) => (T)InvokeAs(typeof(T), args)!;

    internal object? InvokeAs(Type resultType, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Use("Invoke", target => Context.ConvertResult(Call(target, JsUndefined.Value, args), resultType, "the function's result"));
    }

    private object Call(ScriptObject target, object? thisArg, object?[] args)
    {
        var engineArgs = (ScriptObject)Context.Values.ToEngine(args)!;
        return Context.Bridge.Apply(target, Context.Values.ToEngine(thisArg), engineArgs);
    }
}
