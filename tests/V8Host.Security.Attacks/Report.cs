using System.Diagnostics;

namespace V8Host.Security.Attacks;

/// <summary>Output helpers: one `RESULT name outcome` line per check, exception kinds as outcomes.</summary>
internal static class Report
{
    private static readonly object s_gate = new();

    public static void Result(string name, object? outcome)
    {
        lock (s_gate)
            Console.WriteLine($"RESULT {name} {Format(outcome)}");
    }

    public static void Detail(string name, string text)
    {
        lock (s_gate)
            Console.WriteLine($"DETAIL {name} {OneLine(text)}");
    }

    public static void Detail(string name, Exception exception) =>
        Detail(name, $"{exception.GetType().FullName}: {exception.Message}");

    /// <summary>The outcome token of an exception: its type name, plus the JS error name for JavaScriptException.</summary>
    public static string Kind(Exception exception) => exception switch
    {
        JavaScriptException js => js.ErrorName is { Length: > 0 } name ? $"JavaScriptException:{name}" : "JavaScriptException",
        AggregateException { InnerExceptions.Count: 1 } aggregate => Kind(aggregate.InnerExceptions[0]),
        _ => exception.GetType().Name,
    };

    /// <summary>Kind without the JS error name.</summary>
    public static string Type(Exception exception) => exception is AggregateException { InnerExceptions.Count: 1 } aggregate
        ? Type(aggregate.InnerExceptions[0])
        : exception.GetType().Name;

    /// <summary>Runs <paramref name="action"/>: "ok" or the exception's kind (details printed).</summary>
    public static string Outcome(string name, Action action)
    {
        try
        {
            action();
            return "ok";
        }
        catch (Exception exception)
        {
            Detail(name, exception);
            return Kind(exception);
        }
    }

    /// <summary>Runs <paramref name="func"/>: "value:&lt;v&gt;" or the exception's kind.</summary>
    public static string ValueOutcome(string name, Func<object?> func)
    {
        try
        {
            return "value:" + Format(func());
        }
        catch (Exception exception)
        {
            Detail(name, exception);
            return Kind(exception);
        }
    }

    /// <summary>
    /// Runs <paramref name="func"/> on its own thread; when it does not end within <paramref name="limit"/>
    /// prints `RESULT name hung` and ends the process (a stuck engine cannot be recovered).
    /// </summary>
    public static T Bounded<T>(string name, TimeSpan limit, Func<T> func, int maxStackSize = 0)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = func();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }, maxStackSize) { IsBackground = true, Name = name };
        var watch = Stopwatch.StartNew();
        thread.Start();
        if (!thread.Join(limit))
        {
            Result(name, "hung");
            Detail(name, $"still running after {watch.ElapsedMilliseconds} ms; ending the process");
            Console.Out.Flush();
            Environment.Exit(0);
        }

        if (failure is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return result;
    }

    public static void Bounded(string name, TimeSpan limit, Action action, int maxStackSize = 0) =>
        Bounded<object?>(name, limit, () =>
        {
            action();
            return null;
        }, maxStackSize);

    public static long WorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64 >> 20;
    }

    public static long PeakWorkingSetMiB()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 >> 20;
    }

    /// <summary>`1+1` in <paramref name="context"/>: "2" when the context still works, else the exception kind.</summary>
    public static string StillWorks(Context context)
    {
        try
        {
            return context.Eval<int>("1+1").ToString();
        }
        catch (Exception exception)
        {
            return Kind(exception);
        }
    }

    public static string Format(object? value) => value switch
    {
        null => "null",
        string s => OneLine(s),
        bool b => b ? "true" : "false",
        JsHandle handle => handle.GetType().Name,
        _ => OneLine(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?"),
    };

    private static string OneLine(string text)
    {
        var line = text.Replace('\r', ' ').Replace('\n', ' ');
        return line.Length > 400 ? line[..400] + "…" : line;
    }
}
