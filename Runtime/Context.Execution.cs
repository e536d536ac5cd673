using System.Text.RegularExpressions;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using V8Host.Engine;

namespace V8Host;

public sealed partial class Context
{
    private static readonly Regex s_identifier = new(@"^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$_]*$", RegexOptions.CultureInvariant);
    private CancellationTokenSource _executionCancellation = new();

    internal V8ScriptEngine Engine => _core.Engine;

    /// <summary>Cancelled when running script is terminated or the context is disposed; passed to host functions that ask for it.</summary>
    internal CancellationToken ExecutionCancellation => _executionCancellation.Token;

    /// <summary>Compiles and runs <paramref name="source"/> as a classic script and returns its completion value.</summary>
    /// <param name="source">JavaScript source.</param>
    /// <param name="timeout">Stop the script with <see cref="ScriptTerminatedException"/> after this long.</param>
    /// <exception cref="JavaScriptException">The script threw or has a syntax error.</exception>
    public object? Eval(string source, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        AwaitDebugger("Context.Eval");
        return Run("Context.Eval", engine => Values.ToHost(engine.Evaluate(Sources.Document("<eval>", source), ForDebugger(source, "<eval>"))), timeout);
    }

    /// <summary>Runs <paramref name="source"/> and converts its completion value to <typeparamref name="T"/> (types.md).</summary>
    /// <exception cref="InvalidCastException">The value cannot be converted to <typeparamref name="T"/>.</exception>
    public T Eval<T>(string source, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        AwaitDebugger("Context.Eval");
        return Run("Context.Eval", engine => ConvertResult<T>(engine.Evaluate(Sources.Document("<eval>", source), ForDebugger(source, "<eval>")), $"Eval<{typeof(T).Name}> result"), timeout);
    }

    /// <summary>
    /// Runs <paramref name="source"/>; when it returns a promise, waits until it settles. The source may
    /// use top-level <c>await</c>: it then runs as the body of an async function whose result is the
    /// value of its last expression statement (declarations in it stay local to it).
    /// </summary>
    /// <exception cref="ScriptTerminatedException"><paramref name="cancellationToken"/> was cancelled (running script is stopped).</exception>
    public async Task<object?> EvalAsync(string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        object? result;
        using (cancellationToken.Register(() => TerminateExecution()))
        {
            AwaitDebugger("Context.EvalAsync", cancellationToken);
            result = Run("Context.EvalAsync", engine => Values.ToHost(EvaluateAllowingTopLevelAwait(engine, source)));
        }

        if (result is not JsPromise promise)
            return result;
        using (promise)
            return await AwaitPromiseAsync(promise, "Context.EvalAsync", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Compiles first, so that only V8's early error for a top-level <c>await</c> (nothing ran yet)
    /// selects the async-function form; a script that throws such a SyntaxError at run time is not run again.
    /// </summary>
    private object EvaluateAllowingTopLevelAwait(V8ScriptEngine engine, string source)
    {
        V8Script script;
        try
        {
            script = engine.Compile(Sources.Document("<eval>", source), ForDebugger(source, "<eval>"));
        }
        catch (ScriptEngineException exception) when (MayUseTopLevelAwait(exception.Message, source))
        {
            // Each trial parses the whole body: termination (a cancelled token, a timeout) is checked between them.
            var body = TopLevelAwait.ToAsyncBody(source, candidate =>
            {
                ThrowIfTerminated("Context.EvalAsync");
                return Bridge.ParsesAsAsyncBody(candidate);
            });

            // No trailing expression parsed and V8 did not point at an await: the script's own SyntaxError stands.
            if (ReferenceEquals(body, source) && !IsTopLevelAwait(exception.Message, source))
                throw;

            // A body that is not one async-function body on its own could close the wrapper below and run
            // code outside it: V8's own SyntaxError for it is thrown instead.
            Bridge.CheckAsyncBody(body);

            // The body starts on the wrapper's first line, so line numbers in errors are the user's.
            var wrapper = "(async function () {" + body + "\n}).call(globalThis)";
            return engine.Evaluate(Sources.Document("<eval>", wrapper), ForDebugger(wrapper, "<eval>"));
        }

        using (script)
            return engine.Evaluate(script);
    }

    /// <summary>
    /// A SyntaxError in a script that mentions <c>await</c>. Outside an async function <c>await</c> is an
    /// identifier, so V8 often reports the token after it instead (<c>[a, await 1]</c>: "Unexpected number").
    /// </summary>
    private static bool MayUseTopLevelAwait(string message, string source) =>
        message.StartsWith("SyntaxError", StringComparison.Ordinal) && source.Contains("await", StringComparison.Ordinal);

    /// <summary>V8's early error for <c>await</c> (or <c>for await</c>) outside an async function.</summary>
    private static bool IsTopLevelAwait(string message, string source) =>
        message.Contains("await is only valid in async functions", StringComparison.Ordinal) ||
        (message.Contains("Unexpected reserved word", StringComparison.Ordinal) && source.Contains("await", StringComparison.Ordinal));

    /// <summary>
    /// Waits for <paramref name="promise"/> to settle, pumping the event loop when the host drives it
    /// (<see cref="EventLoopMode.Manual"/>). Cancelling throws <see cref="ScriptTerminatedException"/>;
    /// a promise that nothing left could settle throws <see cref="InvalidOperationException"/>.
    /// </summary>
    internal async Task<object?> AwaitPromiseAsync(JsPromise promise, string operation, CancellationToken cancellationToken)
    {
        var settled = promise.AsTask();
        await EventLoop.WaitAsync(settled, operation, cancellationToken).ConfigureAwait(false);
        return await settled.ConfigureAwait(false);
    }

    /// <summary>Compiles a classic script for (repeated) running. Pass <paramref name="cachedData"/> from <see cref="Script.CreateCodeCache"/> to skip parsing.</summary>
    /// <exception cref="JavaScriptException">The source has a syntax error.</exception>
    public Script Compile(string source, string filename = "<script>", string? sourceMapUrl = null, byte[]? cachedData = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(filename);
        EngineCore.CheckName(filename, nameof(filename));
        return Run("Context.Compile", engine =>
        {
            var info = Sources.Document(filename, source);
            if (sourceMapUrl is not null)
                info.SourceMapUri = new Uri(sourceMapUrl, UriKind.RelativeOrAbsolute);
            var rejected = false;
            var text = ForDebugger(source, filename);
            V8Script compiled;
            if (cachedData is null)
            {
                compiled = engine.Compile(info, text);
            }
            else
            {
                compiled = engine.Compile(info, text, V8CacheKind.Code, cachedData, out var accepted);
                rejected = !accepted;
            }

            var script = new Script(this, compiled, info, text, source, filename, sourceMapUrl, rejected);
            Own(script);
            return script;
        });
    }

    /// <summary>
    /// Compiles <paramref name="body"/> as the body of a function taking <paramref name="parameters"/>.
    /// Line numbers in errors match <paramref name="body"/>; columns on its first line are offset by the function header.
    /// Compiling runs nothing: a body that is not exactly one function body is a <c>SyntaxError</c>.
    /// </summary>
    /// <exception cref="JavaScriptException">The body or a parameter has a syntax error.</exception>
    public JsFunction CompileFunction(string body, IReadOnlyList<string>? parameters = null, string filename = "<function>")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrEmpty(filename);
        EngineCore.CheckName(filename, nameof(filename));
        parameters ??= Array.Empty<string>();
        foreach (var parameter in parameters)
        {
            if (parameter is null || !s_identifier.IsMatch(parameter))
                throw new ArgumentException($"'{parameter}' is not a valid JavaScript parameter name.", nameof(parameters));
        }

        var source = $"(function anonymous({string.Join(", ", parameters)}) {{{body}\n}})";
        return Run("Context.CompileFunction", engine =>
        {
            // A body such as "}, (globalThis.ran = 1), function () {" would close the wrapper early and
            // run code now; the Function constructor parses the body on its own and runs nothing.
            Bridge.CheckFunctionBody(parameters, body);
            return (JsFunction)Values.Wrap((ScriptObject)engine.Evaluate(Sources.Document(filename, source), ForDebugger(source, filename)));
        });
    }

    /// <summary>Compiles an ES module. Instantiate it (resolving its imports), then evaluate it.</summary>
    /// <exception cref="JavaScriptException">The source has a syntax error.</exception>
    public Module CompileModule(string source, string specifier = "<module>")
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(specifier);
        EngineCore.CheckName(specifier, nameof(specifier));
        return Run("Context.CompileModule", engine =>
        {
            // Compiling checks the syntax now; the module is linked and run when it is evaluated.
            var info = EngineCore.Document(specifier, module: true);
            Sources.RememberModule(ScriptSources.ResourceName(info), source);
            engine.Compile(info, ForDebugger(source, specifier)).Dispose();
            var module = new Module(this, source, specifier);
            Modules.Register(module, info);
            return module;
        });
    }

    /// <summary>Runs queued event-loop tasks until none is left (or <paramref name="maxTasks"/> ran); returns how many ran.</summary>
    public int RunUntilIdle(int? maxTasks = null) => EventLoop.RunUntilIdle(maxTasks);

    /// <summary>Runs at most one queued task, waiting up to <paramref name="timeout"/> for one; returns whether a task ran.</summary>
    public bool RunEventLoopOnce(TimeSpan? timeout = null) => EventLoop.RunOnce(timeout);

    /// <summary>Pumps the event loop until no task is queued and no .NET work behind a promise is pending.</summary>
    public Task RunUntilIdleAsync(CancellationToken cancellationToken = default) => EventLoop.RunUntilIdleAsync(cancellationToken);

    /// <summary>
    /// Runs pending promise reactions now. V8Host runs them automatically whenever a call into the
    /// context returns (ClearScript's policy); this forces a checkpoint without running other code.
    /// </summary>
    public void PerformMicrotaskCheckpoint() => Run<object?>("Context.PerformMicrotaskCheckpoint", engine =>
    {
        engine.Execute(EngineCore.TransientDocument("v8host:microtask-checkpoint"), string.Empty);
        return null;
    });

    internal T ConvertResult<T>(object? value, string what) => (T)ConvertResult(value, typeof(T), what)!;

    internal object? ConvertResult(object? value, Type type, string what)
    {
        try
        {
            return Values.ToClr(value, type, what);
        }
        catch (ConversionException exception)
        {
            throw new InvalidCastException(exception.Message, exception);
        }
    }

    internal Task<object?> Watch(ScriptObject promise)
    {
        var settled = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var onSettled = new Microsoft.ClearScript.V8.FastProxy.V8FastHostFunction(
            (bool _, in Microsoft.ClearScript.V8.FastProxy.V8FastArgs args, in Microsoft.ClearScript.V8.FastProxy.V8FastResult _) =>
            {
                var value = args.Get<object>(1);
                if (args.GetBoolean(0))
                    settled.TrySetResult(Values.ToHost(value));
                else
                    settled.TrySetException(CreateJavaScriptException(value));
            });
        Bridge.WatchPromise(promise, onSettled);
        return settled.Task;
    }

    private void CancelExecutionToken()
    {
        var previous = Interlocked.Exchange(ref _executionCancellation, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }
}
