namespace V8Host.Security.Attacks.Scenarios;

/// <summary>`compilefn inject-comma|inject-paren|normal`: CompileFunction bodies that try to escape the function.</summary>
internal static class CompileFunctionInjection
{
    public static void Run(string[] args)
    {
        var name = $"compilefn.{args[0]}";
        using var context = new Isolate().CreateContext();
        switch (args[0])
        {
            case "inject-comma":
            case "inject-paren":
            {
                var body = args[0] == "inject-comma" ? "}, (globalThis.ran = 1), function () {" : "}); globalThis.ran = 2; (function () {";
                var outcome = Report.Outcome(name, () =>
                {
                    var f = context.CompileFunction(body);
                    Report.Detail(name, "compiled; invoking");
                    f.Invoke();
                });
                Report.Result(name, outcome is "ArgumentException" || outcome.StartsWith("JavaScriptException", StringComparison.Ordinal) ? "rejected" : outcome);
                Report.Result(name + ".ran", context.Eval<string>("typeof globalThis.ran"));
                break;
            }

            case "normal":
                Report.Result(name, Report.ValueOutcome(name, () => context.CompileFunction("return a + b", ["a", "b"]).Invoke(2, 3)));
                break;

            default:
                throw new ArgumentException("unknown case " + args[0]);
        }
    }
}
