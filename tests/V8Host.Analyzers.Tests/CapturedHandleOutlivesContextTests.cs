using V8Host.Analyzers.Tests.Harness;

namespace V8Host.Analyzers.Tests;

/// <summary>V8H1010: a lambda or local function capturing a handle that runs, or can run, after its context is disposed.</summary>
public sealed class CapturedHandleOutlivesContextTests
{
    private const string Rule = "V8H1010";

    [Fact]
    public Task Lambda_called_after_the_using_statement_ended_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run()
                {
                    Func<int> f;
                    using (var c = new Isolate().CreateContext())
                    {
                        var o = c.Eval<JsObject>("({ x: 1 })");
                        f = () => o.Get<int>("x");
                    }

                    return [|f()|];
                }
            }
            """, Rule);

    [Theory]
    [InlineData("Func<int> read = () => o.Get<int>(\"x\");", "var x = [|read()|];")]
    [InlineData("Func<int> read = () => o.Get<int>(\"x\");", "var x = [|read.Invoke()|];")]
    [InlineData("Action touch = () => { o.Set(\"x\", 2); };", "[|touch()|];")]
    [InlineData("Func<int, int> add = n => n + o.Get<int>(\"x\");", "var x = [|add(1)|];")]
    [InlineData("Func<Func<int>> outer = () => () => o.Get<int>(\"x\");", "var x = [|outer()|];")]
    [InlineData("var script = c.Compile(\"1\"); Func<object?> run = () => script.Run();", "var x = [|run()|];")]
    [InlineData("var js = c.Eval<Func<int>>(\"() => 1\"); Func<int> plusOne = () => js() + 1;", "var x = [|plusOne()|];")]
    [InlineData("Func<int> read = () => o.Get<int>(\"x\"); var alias = read;", "var x = [|alias()|];")]
    public Task Lambda_capturing_a_context_bound_value_called_after_Dispose_is_reported(string declare, string use) =>
        AnalyzerHarness.VerifyAsync($$"""
            public static class Program
            {
                public static void Run()
                {
                    var c = new Isolate().CreateContext();
                    var o = c.Eval<JsObject>("({ x: 1 })");
                    {{declare}}
                    c.Dispose();
                    {{use}}
                }
            }
            """, Rule);

    [Fact]
    public Task Local_function_called_after_the_scope_ended_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run()
                {
                    JsObject o;
                    using (var c = new Isolate().CreateContext())
                    {
                        o = c.Eval<JsObject>("({ x: 1 })");
                        Console.WriteLine(Read());
                    }

                    return [|Read()|];

                    int Read() => o.Get<int>("x");
                }
            }
            """, Rule);

    [Fact]
    public Task Local_function_as_a_delegate_called_after_Dispose_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static int Run()
                {
                    var c = new Isolate().CreateContext();
                    var o = c.Eval<JsObject>("({ x: 1 })");
                    Func<int> read = Read;
                    c.Dispose();
                    return [|read()|];

                    int Read() => o.Get<int>("x");
                }
            }
            """, Rule);

    [Fact]
    public Task Lambda_returned_from_a_using_var_method_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static Func<int> Reader()
                {
                    using var c = new Isolate().CreateContext();
                    var o = c.Eval<JsObject>("({ x: 1 })");
                    return [|() => o.Get<int>("x")|];
                }

                public static Func<int> NamedReader()
                {
                    using var c = new Isolate().CreateContext();
                    var o = c.Eval<JsObject>("({ x: 1 })");
                    Func<int> read = () => o.Get<int>("x");
                    return [|read|];
                }
            }
            """, Rule);

    [Fact]
    public Task Lambda_stored_in_a_field_property_or_event_inside_the_using_scope_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public sealed class Widget
            {
                private static Func<int>? s_read;
                private Func<int>? _read;

                public Func<int>? Callback { get; set; }

                public event Action? Changed;

                public void Attach(Widget other)
                {
                    using var c = new Isolate().CreateContext();
                    var o = c.Eval<JsObject>("({ x: 1 })");
                    s_read = [|() => o.Get<int>("x")|];
                    _read = [|() => o.Get<int>("x")|];
                    Callback = [|() => o.Get<int>("x")|];
                    other.Callback = [|() => o.Get<int>("x")|];
                    Changed += [|() => o.Set("x", 2)|];
                }

                public int Read() => (s_read?.Invoke() ?? 0) + (_read?.Invoke() ?? 0) + (Changed is null ? 0 : 1);
            }
            """, Rule);

    [Fact]
    public Task Lambda_passed_to_fire_and_forget_work_inside_the_using_scope_is_reported() =>
        AnalyzerHarness.VerifyAsync("""
            public static class Program
            {
                public static Task Run()
                {
                    using var c = new Isolate().CreateContext();
                    var o = c.Eval<JsObject>("({ x: 1 })");
                    Task.Run([|() => Console.WriteLine(o.Get<int>("x"))|]);
                    _ = Task.Factory.StartNew([|() => o.Set("x", 2)|]);
                    ThreadPool.QueueUserWorkItem([|_ => o.Set("x", 3)|]);
                    Task<int>.Factory.StartNew([|() => o.Get<int>("x")|]);
                    Func<int> read = () => o.Get<int>("x");
                    Task.Run([|read|]);
                    return Task.Run([|() => o.Get<int>("x")|]);
                }
            }
            """, Rule);

    [Fact]
    public async Task Diagnostic_names_the_lambda_the_handle_and_the_context()
    {
        var source = TestSource.Parse("""
            public static class Program
            {
                public static int Run()
                {
                    Func<int> total;
                    using (var session = new Isolate().CreateContext())
                    {
                        var order = session.Eval<JsObject>("({ total: 3 })");
                        total = () => order.Get<int>("total");
                    }

                    return total();
                }

                public static Func<int> Later()
                {
                    using var session = new Isolate().CreateContext();
                    var order = session.Eval<JsObject>("({ total: 3 })");
                    return () => order.Get<int>("total");
                }
            }
            """);
        var diagnostics = await AnalyzerHarness.AnalyzeAsync(source.Code);
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(Rule, d.Id));
        Assert.Equal(
            "'total' captures 'order' of context 'session' and runs after 'session' is disposed (at the end of its using scope): its use of 'order' throws ObjectDisposedException. Read the .NET values it needs before the context goes, or keep the context alive while it can run.",
            diagnostics[0].GetMessage());
        Assert.StartsWith("The lambda captures 'order' of context 'session' and is returned, so it can run after 'session' is disposed (at the end of its using scope, as it returns)", diagnostics[1].GetMessage());
    }

    [Fact]
    public Task Lambda_only_invoked_inside_the_scope_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static int Run()
                {
                    using (var c = new Isolate().CreateContext())
                    {
                        var o = c.Eval<JsObject>("({ x: 1 })");
                        Func<int> f = () => o.Get<int>("x");
                        return f() + f.Invoke() + Read();

                        int Read() => o.Get<int>("x");
                    }
                }
            }
            """);

    [Fact]
    public Task Work_awaited_or_waited_for_inside_the_scope_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                public static async Task<int> RunAsync()
                {
                    using var c = new Isolate().CreateContext();
                    var o = c.Eval<JsObject>("({ x: 1 })");
                    var a = await Task.Run(() => o.Get<int>("x"));
                    var pending = Task.Run(() => o.Get<int>("x"));
                    var b = await pending;
                    Task.Run(() => o.Set("x", 2)).Wait();
                    return a + b;
                }
            }
            """);

    [Fact]
    public Task Lambda_passed_to_a_synchronous_call_or_a_local_object_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Holder
            {
                public Func<int>? Callback { get; set; }
            }

            public static class Program
            {
                public static int Run(List<int> values)
                {
                    using var c = new Isolate().CreateContext();
                    var o = c.Eval<JsObject>("({ x: 1 })");
                    values.ForEach(v => o.Set("v" + v, v));
                    var holder = new Holder();
                    holder.Callback = () => o.Get<int>("x");
                    return holder.Callback() + System.Linq.Enumerable.Sum(values, v => o.Get<int>("x") + v);
                }
            }
            """);

    [Fact]
    public Task Lambda_capturing_values_read_from_the_handle_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public static class Program
            {
                private static Func<int>? s_read;

                public static Func<int> Run()
                {
                    Func<int> f;
                    using (var c = new Isolate().CreateContext())
                    {
                        var x = c.Eval<JsObject>("({ x: 1 })").Get<int>("x");
                        f = () => x + 1;
                        s_read = () => x * 2;
                    }

                    Console.WriteLine(f());
                    return () => f() + 1;
                }
            }
            """);

    [Fact]
    public Task Lambda_over_a_context_the_method_does_not_dispose_is_fine() =>
        AnalyzerHarness.VerifyNoDiagnosticsAsync("""
            public sealed class Widget
            {
                private Func<int>? _read;

                public void Attach(Context context)
                {
                    var o = context.Eval<JsObject>("({ x: 1 })");
                    _read = () => o.Get<int>("x");
                    Task.Run(() => o.Set("x", 2));
                }

                public Func<int> Reader(Context context)
                {
                    var o = context.Eval<JsObject>("({ x: 1 })");
                    return () => o.Get<int>("x");
                }

                public int Read() => _read?.Invoke() ?? 0;
            }
            """);
}
