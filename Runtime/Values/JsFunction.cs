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
    public object? Invoke(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Use("Invoke", target => Context.Values.ToHost(Call(target, args)));
    }

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
        return Use("Invoke", target => Context.ConvertResult(Call(target, args), resultType, "the function's result"));
    }

    // A plain call converts each argument on its own: no arguments array is built in JS.
    private object Call(ScriptObject target, object?[] args)
    {
        var engineArgs = new object[args.Length];
        for (var i = 0; i < args.Length; i++)
            engineArgs[i] = Context.Values.ToEngine(args[i])!;
        return Context.Bridge.Call(target, engineArgs);
    }

    private object Call(ScriptObject target, object? thisArg, object?[] args)
    {
        var engineArgs = (ScriptObject)Context.Values.ToEngine(args)!;
        return Context.Bridge.Apply(target, Context.Values.ToEngine(thisArg), engineArgs);
    }
}
