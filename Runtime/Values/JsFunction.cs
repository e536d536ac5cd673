using Microsoft.ClearScript;
using V8Host.Engine;

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

    /// <summary>
    /// A typed .NET delegate that calls this function: its parameters convert to JS per types.md and
    /// its result converts to the delegate's return type, as <see cref="Invoke{T}"/> does. The delegate
    /// is compiled once here; each call then costs one call of the function.
    /// </summary>
    /// <typeparam name="TDelegate">Any delegate type: <c>Func&lt;RuleOrder, double&gt;</c>, <c>Action&lt;string&gt;</c>, your own.</typeparam>
    /// <remarks>The delegate keeps this handle: after the handle or its context is disposed, calling it throws <see cref="ObjectDisposedException"/>.</remarks>
    public TDelegate AsDelegate<TDelegate>()
        where TDelegate : Delegate
    {
        if (!IsAlive)
            throw new ObjectDisposedException(nameof(JsFunction), "JsFunction.AsDelegate was called on a disposed JsFunction or after its context was disposed.");
        return (TDelegate)Engine.DelegateAdapter.Create(Context, this, typeof(TDelegate));
    }

    internal object? InvokeAs(Type resultType, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Use("Invoke", target => Context.ConvertResult(Call(target, args), resultType, "the function's result"));
    }

    // A plain call converts each argument on its own: no arguments array is built in JS. Host
    // objects and lists of them go by id through the transfer buffer, written after the other
    // arguments are converted (a conversion may run script, which may make host calls that use the buffer).
    private object Call(ScriptObject target, object?[] args)
    {
        var callArgs = new object?[args.Length];
        bool[]? byTransfer = null;
        var slots = 0;
        for (var i = 0; i < args.Length; i++)
        {
            var size = Context.HostClasses.ArgumentSlots(args[i], TransferBuffer.MaxBytes / 4 - slots);
            if (size > 0)
            {
                (byTransfer ??= new bool[args.Length])[i] = true;
                slots += size;
            }
            else
            {
                callArgs[i] = Context.Values.ToEngine(args[i]);
            }
        }

        var call = Context.GuardedCallOf(this, target);
        var transferred = byTransfer is null ? 0 : Context.HostClasses.TransferArguments(args, byTransfer, slots);
        return Context.Bridge.CallGuarded(call, callArgs, transferred);
    }

    private object Call(ScriptObject target, object? thisArg, object?[] args)
    {
        var engineArgs = (ScriptObject)Context.Values.ToEngine(args)!;
        return Context.Bridge.Apply(target, Context.Values.ToEngine(thisArg), engineArgs);
    }
}
