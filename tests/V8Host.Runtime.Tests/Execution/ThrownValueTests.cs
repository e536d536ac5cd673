using System.Diagnostics;
using System.Numerics;
using V8Host.Tests.Hosting;

namespace V8Host.Tests.Execution;

/// <summary>JavaScriptException.ThrownValue: the value the script threw, converted as api.md §3.</summary>
public class ThrownValueTests
{
    [Fact]
    public void Thrown_primitives_are_their_dotnet_values()
    {
        using var context = new Isolate().CreateContext();

        Assert.Equal(42, Assert.Throws<JavaScriptException>(() => context.Eval("throw 42")).ThrownValue);
        Assert.Equal(1.5, Assert.Throws<JavaScriptException>(() => context.Eval("throw 1.5")).ThrownValue);
        Assert.Equal("nope", Assert.Throws<JavaScriptException>(() => context.Eval("throw 'nope'")).ThrownValue);
        Assert.Equal(true, Assert.Throws<JavaScriptException>(() => context.Eval("throw true")).ThrownValue);
        Assert.Equal(BigInteger.Pow(2, 70), Assert.Throws<JavaScriptException>(() => context.Eval("throw 2n ** 70n")).ThrownValue);
        Assert.Null(Assert.Throws<JavaScriptException>(() => context.Eval("throw null")).ThrownValue);
        Assert.Same(JsUndefined.Value, Assert.Throws<JavaScriptException>(() => context.Eval("throw undefined")).ThrownValue);
    }

    [Fact]
    public void Thrown_object_is_a_handle_on_that_very_object()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("globalThis.thrown = { code: 42 }; throw thrown;"));

        var value = Assert.IsType<JsObject>(error.ThrownValue);
        Assert.Equal(42, value["code"]);
        context.SetGlobal("back", value);
        Assert.True(context.Eval<bool>("back === thrown"));
    }

    [Fact]
    public void Thrown_error_is_a_handle_on_the_error()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("throw new RangeError('too far')"));

        var value = Assert.IsType<JsObject>(error.ThrownValue);
        Assert.Equal("too far", value["message"]);
        context.SetGlobal("back", value);
        Assert.True(context.Eval<bool>("back instanceof RangeError"));
    }

    [Fact]
    public void Thrown_value_handle_lives_as_long_as_the_context()
    {
        var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("throw { code: 1 }"));
        var value = Assert.IsType<JsObject>(error.ThrownValue);
        Assert.True(value.IsAlive);

        context.Dispose();

        Assert.False(value.IsAlive);
        Assert.Throws<ObjectDisposedException>(() => value["code"]);
    }

    [Fact]
    public void Thrown_host_class_instance_is_the_dotnet_object()
    {
        var point = new Point(1, 2);
        using var context = new Isolate().CreateContextBuilder().AddHostClass<Point>().SetGlobal("p", point).Build();

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("throw p"));

        Assert.Same(point, error.ThrownValue);
    }

    [Fact]
    public void Rejected_promise_reason_is_the_thrown_value()
    {
        using var context = new Isolate().CreateContext();
        var promise = context.Eval<JsPromise>("Promise.reject({ code: 'E1' })");

        var error = Assert.Throws<JavaScriptException>(() => promise.Wait(TimeSpan.FromSeconds(30)));

        Assert.Equal("E1", Assert.IsType<JsObject>(error.ThrownValue)["code"]);
        Assert.Equal("E1", error.Data["code"]);
    }

    [Fact]
    public void Value_thrown_through_a_host_callback_goes_back_to_javascript_as_the_same_value()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("callBack", (JsFunction f) => f.Invoke())
            .Build();

        Assert.True(context.Eval<bool>("const o = { code: 7 }; let same = false; try { callBack(() => { throw o; }); } catch (e) { same = e === o; } same"));
    }

    [Fact]
    public void Error_data_properties_are_copied_into_Data()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("throw Object.assign(new Error('x'), { code: 'E42', status: 404 })"));

        Assert.Equal("E42", error.Data["code"]);
        Assert.Equal(404, error.Data["status"]);
        Assert.Equal(2, error.Data.Count);
        Assert.Equal("x", error.JsMessage);
    }

    [Fact]
    public void Data_holds_primitives_converted_as_results_are()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval(
            "throw { n: 1.5, i: -3, ok: false, none: null, missing: undefined, big: 2n ** 70n, text: 'é' }"));

        Assert.Equal(1.5, error.Data["n"]);
        Assert.Equal(-3, error.Data["i"]);
        Assert.Equal(false, error.Data["ok"]);
        Assert.True(error.Data.Contains("none"));
        Assert.Null(error.Data["none"]);
        Assert.Same(JsUndefined.Value, error.Data["missing"]);
        Assert.Equal(BigInteger.Pow(2, 70), error.Data["big"]);
        Assert.Equal("é", error.Data["text"]);
    }

    [Fact]
    public void Data_leaves_out_objects_functions_symbols_and_hidden_properties()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("""
            const e = new Error('x');
            e.code = 'kept';
            e.nested = { a: 1 };
            e.list = [1, 2];
            e.when = new Date(0);
            e.fn = () => 1;
            e.sym = Symbol('s');
            e[Symbol('key')] = 'symbol key';
            Object.defineProperty(e, 'hidden', { value: 'not enumerable', enumerable: false });
            Object.setPrototypeOf(e, Object.assign(Object.create(Error.prototype), { inherited: 'proto' }));
            throw e;
            """));

        Assert.Equal(["code"], error.Data.Keys.Cast<object>());
        Assert.Equal("kept", error.Data["code"]);
    }

    [Fact]
    public void Getters_are_not_run_to_fill_Data()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("""
            globalThis.getterRuns = 0;
            const e = new Error('x');
            Object.defineProperty(e, 'bomb', { get() { getterRuns++; for (;;) {} }, enumerable: true });
            e.code = 5;
            throw e;
            """));

        Assert.Equal(0, context.Eval<int>("getterRuns"));
        Assert.False(error.Data.Contains("bomb"));
        Assert.Equal(5, error.Data["code"]);
    }

    [Fact]
    public void A_tampered_Object_prototype_cannot_make_an_accessor_look_like_data()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("""
            globalThis.prototypeReads = 0;
            Object.defineProperty(Object.prototype, 'enumerable', { get() { prototypeReads++; return true; } });
            Object.defineProperty(Object.prototype, 'value', { get() { prototypeReads++; return 'forged'; } });
            prototypeReads = 0;
            throw { get secret() { return 'never read'; }, plain: 1 };
            """));

        Assert.False(error.Data.Contains("secret"));
        Assert.Equal(1, error.Data["plain"]);
        Assert.Equal(0, context.Eval<int>("prototypeReads"));
    }

    [Fact]
    public void Data_is_a_snapshot_taken_when_the_exception_is_created()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("globalThis.o = { code: 1 }; throw o;"));

        context.Eval("o.code = 2");

        Assert.Equal(1, error.Data["code"]);
        Assert.Equal(2, Assert.IsType<JsObject>(error.ThrownValue)["code"]);
    }

    [Fact]
    public void Data_is_bounded_in_count_and_size()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("""
            const o = { long: 'x'.repeat(4097), fits: 'y'.repeat(4096), huge: 2n ** 5000n, ['k'.repeat(257)]: 1 };
            for (let i = 0; i < 100; i++) o['p' + i] = i;
            throw o;
            """));

        Assert.Equal(64, error.Data.Count);
        Assert.False(error.Data.Contains("long"));
        Assert.False(error.Data.Contains("huge"));
        Assert.Equal(new string('y', 4096), error.Data["fits"]);
        Assert.Equal(0, error.Data["p0"]);
        Assert.False(error.Data.Contains("p63"));
    }

    [Fact]
    public void An_object_with_a_million_keys_is_copied_in_bounded_time()
    {
        using var context = new Isolate().CreateContext();
        context.Eval("globalThis.big = {}; for (let i = 0; i < 1e6; i++) big['k' + i] = i;");

        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("throw big"));

        Assert.Equal(64, error.Data.Count);
        Assert.Equal(63, error.Data["k63"]);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Many_hidden_keys_before_the_data_end_the_scan()
    {
        using var context = new Isolate().CreateContext();
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("""
            const o = {};
            for (let i = 0; i < 2000; i++) Object.defineProperty(o, 'h' + i, { value: i, enumerable: false });
            o.late = 'after the scan limit';
            throw o;
            """));

        Assert.Empty(error.Data);
    }

    [Fact]
    public void Proxies_give_what_their_traps_report_and_never_break_the_exception()
    {
        using var context = new Isolate().CreateContext();

        var throwingKeys = Assert.Throws<JavaScriptException>(() => context.Eval("throw new Proxy({ a: 1 }, { ownKeys() { throw new Error('trap'); } })"));
        Assert.Empty(throwingKeys.Data);
        Assert.IsType<JsObject>(throwingKeys.ThrownValue);

        var throwingDescriptor = Assert.Throws<JavaScriptException>(() => context.Eval(
            "throw new Proxy({ a: 1, b: 2 }, { getOwnPropertyDescriptor(t, k) { if (k === 'b') throw 'lone \\udc00'; return Reflect.getOwnPropertyDescriptor(t, k); } })"));
        Assert.Equal(1, throwingDescriptor.Data["a"]);
        Assert.False(throwingDescriptor.Data.Contains("b"));

        var revoked = Assert.Throws<JavaScriptException>(() => context.Eval("const r = Proxy.revocable({ a: 1 }, {}); r.revoke(); throw r.proxy;"));
        Assert.Empty(revoked.Data);

        var forwarding = Assert.Throws<JavaScriptException>(() => context.Eval("throw new Proxy({ code: 'P' }, {})"));
        Assert.Equal("P", forwarding.Data["code"]);

        Assert.Equal(2, context.Eval<int>("1 + 1"));
    }

    [Fact]
    public void A_proxy_trap_that_never_returns_ends_as_a_timeout()
    {
        using var context = new Isolate().CreateContext();

        Assert.Throws<ScriptTerminatedException>(() => context.Eval("throw new Proxy({}, { ownKeys() { for (;;) {} } })", TimeSpan.FromMilliseconds(300)));

        Assert.Equal(2, context.Eval<int>("1 + 1"));
    }

    [Fact]
    public void Host_errors_have_no_data_and_keep_the_dotnet_exception()
    {
        var original = new InvalidOperationException("disk full");
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("save", new Action(() => throw original))
            .Build();

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("save()"));

        Assert.Empty(error.Data);
        Assert.Same(original, error.InnerException);
        Assert.Equal("disk full", Assert.IsType<JsObject>(error.ThrownValue)["message"]);
    }
}
