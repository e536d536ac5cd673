using System.Globalization;
using Jint;
using Jint.Native;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace V8Host.Benchmarks.Interop;

/// <summary>One variant's engine plus its compiled loop function. A V8Host (variant (a)) implementation
/// would be a third implementation (e.g. <c>Context.Eval&lt;JsFunction&gt;(source)</c> + <c>Invoke&lt;double&gt;()</c>).</summary>
public interface IInteropLoop : IDisposable
{
    /// <summary>Runs the JS loop once (one engine entry, <see cref="InteropScripts.Iterations"/> interop calls).</summary>
    double Run();
}

/// <summary>A ClearScript <see cref="V8ScriptEngine"/> with the loop function cached as a <see cref="ScriptObject"/>.</summary>
public sealed class ClearScriptLoop : IInteropLoop
{
    private readonly V8ScriptEngine _engine;
    private readonly ScriptObject _loop;

    public ClearScriptLoop(Action<V8ScriptEngine> expose, string loopSource)
    {
        _engine = new V8ScriptEngine();
        try
        {
            expose(_engine);
            _loop = (ScriptObject)_engine.Evaluate(loopSource);
        }
        catch
        {
            _engine.Dispose();
            throw;
        }
    }

    // The loop returns a JS number; ClearScript hands back a boxed int or double.
    public double Run() => Convert.ToDouble(_loop.InvokeAsFunction(), CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _loop.Dispose();
        _engine.Dispose();
    }
}

/// <summary>A Jint <see cref="Jint.Engine"/> with the loop function cached as a <see cref="JsValue"/>.</summary>
public sealed class JintLoop : IInteropLoop
{
    private readonly Jint.Engine _engine;
    private readonly JsValue _loop;

    public JintLoop(Action<Jint.Engine> expose, string loopSource)
    {
        _engine = new Jint.Engine();
        expose(_engine);
        _loop = _engine.Evaluate(loopSource);
    }

    public double Run() => _engine.Invoke(_loop).AsNumber();

    public void Dispose() => _engine.Dispose();
}

public static class InteropCheck
{
    /// <summary>Runs <paramref name="loop"/> once and throws unless it returns <paramref name="expected"/>,
    /// so a variant that silently does not reach .NET cannot report a fake-fast number.</summary>
    public static T Verified<T>(T loop, double expected, string variant) where T : IInteropLoop
    {
        double actual;
        try
        {
            actual = loop.Run();
        }
        catch
        {
            loop.Dispose();
            throw;
        }

        if (actual != expected)
        {
            loop.Dispose();
            throw new InvalidOperationException($"{variant}: the loop returned {actual}, expected {expected}.");
        }

        return loop;
    }

    public static void Expect(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }
}
