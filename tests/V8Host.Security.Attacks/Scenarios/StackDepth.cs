namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `stack reenter-eval|reenter-callback &lt;KiB&gt;`: JS→.NET→JS recursion on a thread with that stack;
/// `stack max-stack-lie`: MaxStackBytes 64 MiB on a 1 MiB thread; `stack kind`: a RangeError crossing .NET frames.
/// </summary>
internal static class StackDepth
{
    private const string Classify = "e instanceof RangeError ? 'RangeError' : 'other:' + (e && e.name)";

    public static void Run(string[] args)
    {
        switch (args[0])
        {
            case "reenter-eval":
            case "reenter-callback":
            {
                var kib = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
                var name = $"stack.{args[0]}.{kib}k";
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(90), () =>
                {
                    using var context = new Isolate().CreateContextBuilder()
                        .AddHostFunction("reenter", (Context c, int n) => c.Eval("reenter(" + (n + 1) + ")"))
                        .AddHostFunction("callMe", (JsFunction f) => f.Invoke())
                        .Build();
                    var script = args[0] == "reenter-eval"
                        ? $"try {{ reenter(0); 'no-error' }} catch (e) {{ {Classify} }}"
                        : $"function g() {{ return callMe(g); }} try {{ g(); 'no-error' }} catch (e) {{ {Classify} }}";
                    return Report.ValueOutcome(name, () => context.Eval(script, TimeSpan.FromSeconds(60)));
                }, kib * 1024);
                // A JavaScriptException RangeError reaching .NET is as good as the script seeing it.
                Report.Result(name, outcome is "value:RangeError" or "JavaScriptException:RangeError" ? "RangeError" : outcome);
                break;
            }

            case "max-stack-lie":
            {
                const string name = "stack.max-stack-lie";
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(60), () =>
                {
                    using var context = new Isolate(new IsolateOptions { MaxStackBytes = 64L << 20 }).CreateContext();
                    return Report.ValueOutcome(name, () => context.Eval("function f(){ return f() + 1 } f()", TimeSpan.FromSeconds(30)));
                }, 1024 * 1024);
                Report.Result(name, outcome is "JavaScriptException:RangeError" ? "RangeError" : outcome);
                break;
            }

            case "kind":
            {
                const string name = "stack.kind";
                using var context = new Isolate().CreateContextBuilder()
                    .AddHostFunction("nested", (Context c) => c.Eval("function f(){ return f() + 1 } f()"))
                    .Build();
                var outcome = Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.ValueOutcome(name,
                    () => context.Eval("try { nested(); 'no-error' } catch (e) { String(e instanceof RangeError) + '|' + e.message }")));
                Report.Detail(name, outcome);
                var text = outcome.StartsWith("value:", StringComparison.Ordinal) ? outcome["value:".Length..] : "";
                var parts = text.Split('|', 2);
                Report.Result(name + ".instanceof-RangeError", parts[0] == "true");
                Report.Result(name + ".message-names-stack", parts.Length == 2 && parts[1].Contains("Maximum call stack size exceeded"));
                Report.Result(name + ".message-not-rewrapped", parts.Length == 2 && !parts[1].StartsWith("Error: ", StringComparison.Ordinal) && !parts[1].StartsWith("RangeError: ", StringComparison.Ordinal));
                Report.Result(name + ".after", Report.StillWorks(context));
                break;
            }

            default:
                throw new ArgumentException("unknown case " + args[0]);
        }
    }
}
