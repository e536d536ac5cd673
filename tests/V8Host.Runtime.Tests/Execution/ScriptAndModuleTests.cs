namespace V8Host.Tests.Execution;

public class ScriptAndModuleTests
{
    [Fact]
    public void Compiled_script_runs_repeatedly_and_keeps_its_metadata()
    {
        using var context = new Isolate().CreateContext();
        var script = context.Compile("globalThis.n = (globalThis.n ?? 0) + 1; n", "counter.js", "counter.js.map");

        Assert.Equal(1, script.Run());
        Assert.Equal(2, script.Run());
        Assert.Equal("counter.js", script.ResourceName);
        Assert.Equal("counter.js.map", script.SourceMapUrl);
        Assert.False(script.CachedDataRejected);
        Assert.StartsWith("globalThis.n", script.Source);
    }

    [Fact]
    public void Code_cache_is_accepted_by_another_context_and_bad_cache_is_rejected_not_fatal()
    {
        const string source = "function square(x) { return x * x; } square(7)";
        byte[] cache;
        using (var producer = new Isolate().CreateContext())
            cache = producer.Compile(source, "square.js").CreateCodeCache();

        using var consumer = new Isolate().CreateContext();
        var cached = consumer.Compile(source, "square.js", cachedData: cache);
        var junk = consumer.Compile(source, "square.js", cachedData: new byte[] { 1, 2, 3 });

        Assert.NotEmpty(cache);
        Assert.False(cached.CachedDataRejected);
        Assert.Equal(49, cached.Run());
        Assert.True(junk.CachedDataRejected);
        Assert.Equal(49, junk.Run());
    }

    [Fact]
    public void Script_dies_with_its_context()
    {
        var context = new Isolate().CreateContext();
        var script = context.Compile("1");
        context.Dispose();

        Assert.False(script.IsAlive);
        Assert.Throws<ObjectDisposedException>(() => script.Run());
    }

    [Fact]
    public void Script_timeout_applies_to_Run()
    {
        using var context = new Isolate().CreateContext();
        var script = context.Compile("for (;;) {}");

        Assert.Throws<ScriptTerminatedException>(() => script.Run(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void CompileFunction_binds_parameters_and_reports_body_lines()
    {
        using var context = new Isolate().CreateContext();
        var add = context.CompileFunction("return a + b;", new[] { "a", "b" });
        var failing = context.CompileFunction("const x = 1;\nthrow new Error('in body');", filename: "body.js");

        Assert.Equal(5, add.Invoke<int>(2, 3));
        var error = Assert.Throws<JavaScriptException>(() => failing.Invoke());
        Assert.Equal(2, error.LineNumber);
        Assert.Equal("body.js", error.ScriptResourceName);
        Assert.Throws<ArgumentException>(() => context.CompileFunction("return 1", new[] { "a){evil()}(" }));
    }

    [Fact]
    public void Module_instantiates_evaluates_and_exposes_its_namespace()
    {
        using var context = new Isolate().CreateContext();
        var math = context.CompileModule("export const pi = 3.14; export function twice(x) { return 2 * x; }", "math");
        var app = context.CompileModule("import { pi, twice } from 'lib'; export const tau = twice(pi);", "app");

        Assert.Equal(ModuleStatus.Uninstantiated, app.Status);
        Assert.Throws<InvalidOperationException>(() => app.Evaluate());
        Assert.True(app.Instantiate(new Dictionary<string, Module> { ["lib"] = math }));
        math.Instantiate();
        Assert.Equal(ModuleStatus.Instantiated, app.Status);

        app.Evaluate();

        Assert.Equal(ModuleStatus.Evaluated, app.Status);
        Assert.Equal(6.28, app.Namespace.Get<double>("tau"), 10);
        Assert.Equal("app", app.Specifier);
        Assert.Equal(JsUndefined.Value, app.Evaluate()); // a module body runs once
    }

    [Fact]
    public void Module_body_runs_once_even_when_imported_by_several_modules()
    {
        using var context = new Isolate().CreateContext();
        var shared = context.CompileModule("globalThis.loads = (globalThis.loads ?? 0) + 1; export const value = 1;", "shared");
        var first = context.CompileModule("import { value } from 'shared'; export const a = value;", "first");
        var second = context.CompileModule("import { value } from 'shared'; export const b = value;", "second");
        foreach (var module in new[] { shared, first, second })
            module.Instantiate();

        first.Evaluate();
        second.Evaluate();
        shared.Evaluate();

        Assert.Equal(1, context.Eval<int>("loads"));
        Assert.Equal(1, shared.Namespace.Get<int>("value"));
    }

    [Fact]
    public void Unresolvable_import_fails_evaluation_with_the_specifier_named()
    {
        using var context = new Isolate().CreateContext();
        var app = context.CompileModule("import { x } from 'missing-lib'; export const y = x;", "app");
        app.Instantiate();

        var error = Assert.Throws<JavaScriptException>(() => app.Evaluate());

        Assert.Contains("missing-lib", error.Message);
        Assert.Equal(ModuleStatus.Errored, app.Status);
    }

    [Fact]
    public void Module_syntax_errors_are_reported_at_compile_time()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.CompileModule("export const = 1;", "bad-module"));

        Assert.Equal("SyntaxError", error.ErrorName);
        Assert.Equal("bad-module", error.ScriptResourceName);
    }

    [Fact]
    public void Module_errors_mark_it_errored()
    {
        using var context = new Isolate().CreateContext();
        var module = context.CompileModule("throw new RangeError('at load');", "throws");
        module.Instantiate();

        var error = Assert.Throws<JavaScriptException>(() => module.Evaluate());

        Assert.Equal("RangeError", error.ErrorName);
        Assert.Equal(ModuleStatus.Errored, module.Status);
        Assert.Throws<InvalidOperationException>(() => module.Namespace);
    }

    [Fact]
    public void Microtasks_run_when_a_call_returns_and_on_demand()
    {
        using var context = new Isolate().CreateContext();
        context.Eval("globalThis.order = []; Promise.resolve().then(() => order.push('microtask')); order.push('sync');");

        context.PerformMicrotaskCheckpoint();

        Assert.Equal("sync,microtask", context.Eval<string>("order.join()"));
    }

    [Fact]
    public void Imported_modules_are_evaluated_with_their_importer_and_expose_their_namespace()
    {
        using var context = new Isolate().CreateContext();
        var lib = context.CompileModule("globalThis.libRuns = (globalThis.libRuns ?? 0) + 1; export const answer = 42;", "lib");
        var app = context.CompileModule("import { answer } from 'lib'; export const doubled = answer * 2;", "app");
        lib.Instantiate();
        app.Instantiate();

        app.Evaluate();

        Assert.Equal(ModuleStatus.Evaluated, lib.Status);
        Assert.Equal(42, lib.Namespace.Get<int>("answer"));
        Assert.Equal(JsUndefined.Value, lib.Evaluate());
        Assert.Equal(1, context.Eval<int>("libRuns"));
    }

    [Fact]
    public async Task Top_level_await_modules_return_a_promise_and_expose_their_namespace_once_settled()
    {
        var gate = new TaskCompletionSource<int>();
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("later", new Func<Task<int>>(() => gate.Task))
            .Build();
        var module = context.CompileModule("export const value = await later();", "tla");
        module.Instantiate();

        var promise = Assert.IsType<JsPromise>(module.Evaluate());
        Assert.Contains("still evaluating", Assert.Throws<InvalidOperationException>(() => module.Namespace).Message);

        gate.SetResult(7);
        await context.RunUntilIdleAsync();
        await promise;
        Assert.Equal(7, module.Namespace.Get<int>("value"));
    }

    [Fact]
    public void Disposed_scripts_are_not_kept_by_their_context()
    {
        using var context = new Isolate().CreateContext();
        var baseline = context.OwnedResourceCount;

        for (var i = 0; i < 100; i++)
        {
            using var script = context.Compile($"{i}");
            Assert.Equal(i, script.Run());
        }

        Assert.Equal(baseline, context.OwnedResourceCount);
        var kept = context.Compile("'kept'");
        Assert.Equal(baseline + 1, context.OwnedResourceCount);
        context.Dispose();
        Assert.False(kept.IsAlive);
    }
}
