using Microsoft.ClearScript;
using Microsoft.ClearScript.V8.FastProxy;
using V8Host.Binding;
using V8Host.Engine.Reflection;

namespace V8Host.Engine;

/// <summary>The raw body of a fast host function.</summary>
internal delegate void FastInvoker(in V8FastArgs args, in V8FastResult result);

/// <summary>
/// Host functions on the JavaScript side: each is one ClearScript fast host function wrapped in a
/// real JS function. A failing call does not throw through ClearScript (whose host errors are plain
/// <c>Error</c>s without the original exception); it parks the exception here and returns a marker,
/// and the JS wrapper throws the right error kind, carrying an id that brings the .NET exception
/// back out if the error reaches .NET.
/// </summary>
internal sealed class HostCallSupport
{
    private const int MaxRememberedExceptions = 256;

    /// <summary>V8's own text, so that scripts can recognise a stack overflow whichever side ran out.</summary>
    internal const string StackOverflowMessage = "Maximum call stack size exceeded";

    private readonly Context _context;
    private readonly Dictionary<int, Exception> _exceptions = new();
    private readonly Queue<int> _exceptionOrder = new();
    private readonly V8FastHostFunction _takeError;
    private int _nextExceptionId;
    private Exception? _pending;

    public HostCallSupport(Context context)
    {
        _context = context;
        _takeError = new V8FastHostFunction("takeError", (bool _, in V8FastArgs _, in V8FastResult result) =>
            result.Set(CreateJsError(_pending ?? new InvalidOperationException("A host function failed without an error."))));
    }

    /// <summary>Returns the JS error for the exception parked by the last failed host call.</summary>
    public V8FastHostFunction TakeError => _takeError;

    /// <summary>The JS function for a host function binding.</summary>
    public ScriptObject CreateFunction(HostFunctionBinding binding)
    {
        var name = binding.Name[(binding.Name.LastIndexOf('.') + 1)..];
        var invoke = binding.Invoke;
        var host = CreateFastFunction(name, (in V8FastArgs args, in V8FastResult result) =>
            invoke(new HostArgs(_context, args, 0, _context.Bridge.Transfer.TakeStagedBytes(args.Count)), new HostResult(_context, result)));
        return _context.Bridge.WrapHostFunction(host, name, binding.Length, binding.ByteArguments, _takeError);
    }

    /// <summary>
    /// The raw fast host function behind a JS-side wrapper: on failure it parks the exception and
    /// returns the error marker, which the wrapper turns into a throw via <see cref="TakeError"/>.
    /// </summary>
    public V8FastHostFunction CreateFastFunction(string name, FastInvoker invoker) =>
        new(name, (bool _, in V8FastArgs args, in V8FastResult result) =>
        {
            try
            {
                // A deep JS -> .NET -> JS recursion ends here as a JS RangeError, before .NET overflows.
                if (!NativeStack.HasRoomForHostCall())
                    throw new InsufficientExecutionStackException(StackOverflowMessage);
                _context.Bridge.Transfer.Result = ResultKind.None;
                invoker(args, result);
            }
            catch (Exception exception) when (exception is not ScriptTerminatedException && !IsEngineTermination(exception))
            {
                _context.Bridge.Transfer.Result = ResultKind.None;
                _pending = exception;
                if (!result.IsSet)
                    result.Set(_context.Bridge.ErrorMarker);
            }
        });

    /// <summary>A .NET delegate passed to JavaScript as a value: the reflection path.</summary>
    public ScriptObject CreateDelegateFunction(string name, Delegate function) =>
        CreateFunction(ReflectionBinding.ForDelegate(HostNames.IsIdentifier(name) ? name : "anonymous", function));

    /// <summary>A JS promise that settles, on the context's event loop, when <paramref name="task"/> completes.</summary>
    public ScriptObject CreatePromise(Task task)
    {
        var (promise, resolve, reject) = _context.Bridge.NewPromise();
        _context.EventLoop.BeginExternalWork();
        task.ContinueWith(
            completed => _context.EventLoop.Post(() =>
            {
                _context.EventLoop.EndExternalWork();
                if (completed.IsCompletedSuccessfully)
                    resolve.Invoke(false, _context.Values.ToEngine(ResultOf(completed)));
                else
                    reject.Invoke(false, CreateJsError(completed.IsCanceled ? new TaskCanceledException(completed) : completed.Exception!.GetBaseException()));
            }),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return promise;
    }

    /// <summary>Sets a converted return value, keeping .NET null as JS null (ClearScript would make it undefined).</summary>
    /// <param name="what">Names the result in conversion errors (a decimal with no exact number).</param>
    public void SetResult(in V8FastResult result, object? value, string? what = null, bool decimalAsString = false)
    {
        var engineValue = _context.Values.ToEngine(value, what, decimalAsString);
        if (engineValue is null)
            result.SetNull();
        else
            result.Set(engineValue);
    }

    /// <summary>
    /// A host function's or member's return value (<see cref="HostResult"/>): a host object, or a list
    /// or array of them, crosses by id through the transfer buffer, and the JS wrapper (Bootstrap.js
    /// <c>fromHost</c>) makes the objects without another engine call; so do byte buffers and read-only
    /// lists of int or double, and plain data that crosses as one chunk of bulk JSON text (the wrapper
    /// decodes it). Everything else as <see cref="SetResult"/>.
    /// </summary>
    public void SetReturnValue(in V8FastResult result, object? value, string? what, bool decimalAsString)
    {
        if (value is null)
        {
            result.SetNull();
            return;
        }

        // A host object first: a host class may itself be a list.
        var kind = TransferBytes(value);
        if (kind == ResultKind.None)
            kind = _context.HostClasses.TransferResult(value);
        if (kind == ResultKind.None)
            kind = TransferNumbers(value);
        if (kind == ResultKind.None)
        {
            var engineValue = _context.Values.ToEngineResult(value, what, decimalAsString, out kind);
            if (engineValue is null)
                result.SetNull();
            else
                result.Set(engineValue);
        }
        else
        {
            result.SetUndefined();
        }

        _context.Bridge.Transfer.Result = kind;
    }

    // byte[], ReadOnlyMemory<byte> and Memory<byte> become a new Uint8Array the glue copies out of the
    // transfer buffer (Bootstrap.js fromHost), instead of an engine call to create it and one to fill it.
    private ResultKind TransferBytes(object value)
    {
        ReadOnlySpan<byte> bytes;
        switch (value)
        {
            case byte[] array:
                bytes = array;
                break;
            case ReadOnlyMemory<byte> memory:
                bytes = memory.Span;
                break;
            case Memory<byte> memory:
                bytes = memory.Span;
                break;
            default:
                return ResultKind.None;
        }

        if (!TransferBuffer.Fits(bytes.Length))
            return ResultKind.None;
        bytes.CopyTo(_context.Bridge.Transfer.Bytes(bytes.Length));
        return ResultKind.Bytes;
    }

    // A read-only list of int or double (types.md: a copy, a new Array) goes as doubles, exactly.
    // Other element types keep the marshaller's rules (long may become a bigint, decimal a string …).
    private ResultKind TransferNumbers(object value)
    {
        switch (value)
        {
            case IReadOnlyList<int> ints when TransferBuffer.Fits(8L * (ints.Count + 1)):
                var intSlots = _context.Bridge.Transfer.Numbers(ints.Count);
                for (var i = 0; i < intSlots.Length; i++)
                    intSlots[i] = ints[i];
                return ResultKind.Numbers;
            case IReadOnlyList<double> doubles when TransferBuffer.Fits(8L * (doubles.Count + 1)):
                var doubleSlots = _context.Bridge.Transfer.Numbers(doubles.Count);
                for (var i = 0; i < doubleSlots.Length; i++)
                    doubleSlots[i] = doubles[i];
                return ResultKind.Numbers;
            default:
                return ResultKind.None;
        }
    }

    /// <summary>The .NET exception behind a JS error raised by a host call, if it is still remembered.</summary>
    public Exception? TakeException(int id)
    {
        lock (_exceptions)
            return _exceptions.Remove(id, out var exception) ? exception : null;
    }

    private object CreateJsError(Exception exception)
    {
        _pending = null;

        // A JS error that passed through .NET (a callback threw) goes back as the very same value.
        if (exception is JavaScriptException { EngineValue: { } thrown } javaScript && ReferenceEquals(javaScript.Origin, _context))
            return thrown;

        var kind = exception switch
        {
            ConversionException conversion => conversion.Kind,
            // A typed read inside the host call (a callback's result) failed: the conversion's own kind.
            InvalidCastException { InnerException: ConversionException conversion } => conversion.Kind,
            ArgumentOutOfRangeException or InsufficientExecutionStackException => JsErrorKind.RangeError,
            JavaScriptException { ErrorName: "TypeError" } => JsErrorKind.TypeError,
            JavaScriptException { ErrorName: "RangeError" } => JsErrorKind.RangeError,
            _ => JsErrorKind.Error,
        };

        // A JS error that lost its value on the way (another context, or V8 reported only text, as for
        // a stack overflow) keeps its kind and message; .NET exceptions give their message.
        var message = exception switch
        {
            InsufficientExecutionStackException => StackOverflowMessage,
            JavaScriptException lost => lost.JsMessage,
            _ when _context.Options.ExposeHostStackTraces => exception.ToString(),
            _ => exception.Message,
        };
        return _context.Bridge.HostError((int)kind, message, Remember(exception));
    }

    private int Remember(Exception exception)
    {
        lock (_exceptions)
        {
            var id = ++_nextExceptionId;
            _exceptions[id] = exception;
            _exceptionOrder.Enqueue(id);
            while (_exceptionOrder.Count > MaxRememberedExceptions)
                _exceptions.Remove(_exceptionOrder.Dequeue());
            return id;
        }
    }

    private static object? ResultOf(Task task)
    {
        var type = task.GetType();
        if (!type.IsGenericType)
            return JsUndefined.Value;
        var result = type.GetProperty("Result")!.GetValue(task);
        return result?.GetType().FullName == "System.Threading.Tasks.VoidTaskResult" ? JsUndefined.Value : result;
    }

    private static bool IsEngineTermination(Exception exception) =>
        exception is ScriptInterruptedException || (exception is IScriptEngineException { IsFatal: true });
}
