using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace V8Host.Tests.Servers;

public class ContextPoolTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(30);

    private static HostProfile Profile() => new HostProfile()
        .AddFunction("host.twice", new Func<int, int>(x => 2 * x))
        .AddFunction("triple", new Func<int, int>(x => 3 * x));

    private static ContextPool NewPool(Action<ContextPoolOptions>? configure = null)
    {
        var options = new ContextPoolOptions { Profile = Profile(), MaxSize = 2, Configure = builder => builder.Install(ConsoleApi.Discard) };
        configure?.Invoke(options);
        return new ContextPool(options);
    }

    [Fact]
    public void A_rented_context_has_the_profile_and_goes_back_to_the_pool()
    {
        using var pool = NewPool();
        Context first;
        using (var rented = pool.Rent())
        {
            first = rented.Context;
            Assert.Equal(42, rented.Context.Eval<int>("host.twice(21)"));
            Assert.Equal(1, pool.InUse);
            Assert.Equal(0, pool.Idle);
        }

        Assert.Equal(0, pool.InUse);
        Assert.Equal(1, pool.Idle);
        using (var again = pool.Rent())
            Assert.Same(first, again.Context);
        Assert.Equal(1, pool.Created);
    }

    [Fact]
    public void State_one_renter_leaves_never_reaches_the_next()
    {
        using var pool = NewPool(options => options.MaxSize = 1);
        using (var rented = pool.Rent())
        {
            rented.Context.Eval("globalThis.secret = 'tenant A'; this.alsoSecret = 1; globalThis.helper = () => 'A';");
            rented.Context.Eval("globalThis.triple = () => 'hijacked'; delete globalThis.Math; (function () { var local = 1; })();");
        }

        using (var next = pool.Rent())
        {
            Assert.Equal("undefined|undefined|undefined", next.Context.Eval<string>("`${typeof secret}|${typeof alsoSecret}|${typeof helper}`"));
            Assert.Equal(12, next.Context.Eval<int>("triple(4)"));
            Assert.Equal(3, next.Context.Eval<int>("Math.max(1, 3)"));
        }

        // The same context served both rents: the globals were reset, not the context replaced.
        Assert.Equal(1, pool.Created);
    }

    // What a pooled context's baseline holds is frozen (built-ins, the profile's objects): a renter's
    // attempt to change it fails (a TypeError in strict code, nothing in sloppy code), and the
    // context stays rentable because there is nothing to undo.
    [Theory]
    [InlineData("Array.prototype.map = function () { return ['poisoned']; };")]
    [InlineData("'use strict'; Array.prototype.map = function () { return ['poisoned']; };")]
    [InlineData("Object.prototype.isAdmin = true;")]
    [InlineData("JSON.parse = () => ({ poisoned: true });")]
    [InlineData("Object.setPrototypeOf(Array.prototype, null);")]
    [InlineData("Object.defineProperty(Object.prototype, 'isAdmin', { value: true });")]
    [InlineData("host.twice = () => 'hijacked';")]
    [InlineData("host.twice.stash = 'tenant A';")]
    public void The_built_ins_and_the_profiles_objects_cannot_be_changed(string script)
    {
        using var pool = NewPool(options => options.MaxSize = 1);
        Context first;
        using (var rented = pool.Rent())
        {
            first = rented.Context;
            try
            {
                rented.Context.Eval(script);
            }
            catch (JavaScriptException error)
            {
                Assert.Equal("TypeError", error.ErrorName);
            }
        }

        using var next = pool.Rent();
        Assert.Same(first, next.Context);
        Assert.Equal(1, pool.Created);
        Assert.Equal("2,4|1|undefined|true|6|undefined", next.Context.Eval<string>(
            "`${[1, 2].map(x => x * 2)}|${JSON.parse('1')}|${({}).isAdmin}|${Object.isFrozen(Array.prototype)}|${host.twice(3)}|${host.twice.stash}`"));
    }

    // The frozen built-ins keep ordinary code working: assigning a property that a frozen prototype
    // holds defines it on one's own object (no "override mistake"), and the console still names
    // classes and errors as in a context of its own.
    [Fact]
    public void Ordinary_code_runs_as_in_a_context_of_its_own()
    {
        const string Script = """
            (() => {
                class MyError extends Error { constructor(message) { super(message); this.name = 'MyError'; } }
                function Base() {}
                function Child() {}
                Child.prototype = Object.create(Base.prototype);
                Child.prototype.constructor = Child;
                Child.prototype.toString = function () { return 'a child'; };
                const point = { x: 1 };
                point.valueOf = () => 42;
                console.log({ answer: 42 }, new Map([[1, 2]]), [1, 2, 3], new Child(), new MyError('m').name);
                return [String(new Child()), new Child().constructor === Child, point + 0, new MyError('m').toString(),
                    Object.getOwnPropertyNames(Child.prototype).join()].join('|');
            })()
            """;
        var plainOutput = new StringWriter();
        string plain;
        using (var context = new Isolate().CreateContextBuilder().Install(new ConsoleApi(plainOutput)).Build())
            plain = context.Eval<string>(Script);
        var pooledOutput = new StringWriter();
        using var pool = NewPool(options => options.Configure = builder => builder.Install(new ConsoleApi(pooledOutput)));
        using var rented = pool.Rent();

        Assert.Equal("a child|true|42|MyError: m|constructor,toString", plain);
        Assert.Equal(plain, rented.Context.Eval<string>(Script));
        Assert.Equal(plainOutput.ToString(), pooledOutput.ToString());
        Assert.Contains("{ answer: 42 } Map(1) { 1 => 2 } [ 1, 2, 3 ] Child {} MyError", pooledOutput.ToString());
    }

    [Theory]
    [InlineData("let leaked = 'tenant A';")]
    [InlineData("const JSON = { parse: () => 'poisoned' };")]
    [InlineData("class Secret {}")]
    [InlineData("let \\u0078 = 'escaped';")]
    [InlineData("Object.defineProperty(globalThis, 'pinned', { value: 1, configurable: false });")]
    [InlineData("setTimeout(() => { globalThis.late = true; }, 60000);")]
    [InlineData("var declared = 'tenant A';")]
    [InlineData("function declared() { return 'tenant A'; }")]
    public void A_context_whose_state_cannot_be_reset_is_replaced(string script)
    {
        using var pool = NewPool(options =>
        {
            options.MaxSize = 1;
            options.Configure = builder => builder.Install(ConsoleApi.Discard, new TimersApi());
        });
        Context first;
        using (var rented = pool.Rent())
        {
            first = rented.Context;
            rented.Context.Eval(script);
        }

        using var next = pool.Rent();
        Assert.NotSame(first, next.Context);
        Assert.False(first.IsAlive);
        Assert.Equal(2, pool.Created);
        Assert.Equal("1|undefined|undefined|undefined|undefined|undefined", next.Context.Eval<string>(
            "`${JSON.parse('1')}|${typeof leaked}|${typeof x}|${typeof Secret}|${typeof pinned}|${typeof declared}`"));
    }

    // The reset keeps its name check for a list of names it has seen: the check must look the names up
    // again on every reset, never remember the answer of an earlier rent with the same names.
    [Theory]
    [InlineData("typeof zed", "let zed = 2;")]
    [InlineData("typeof zed", "class zed {}")]
    [InlineData("typeof JSON", "const JSON = 2;")]
    public void A_lexical_binding_is_found_when_an_earlier_rent_ran_the_same_names(string earlier, string later)
    {
        using var pool = NewPool(options => options.MaxSize = 1);
        Context first;
        for (var rent = 0; rent < 3; rent++)
        {
            using var rented = pool.Rent();
            first = rented.Context;
            rented.Context.Eval(earlier);
        }

        using (var rented = pool.Rent())
        {
            first = rented.Context;
            rented.Context.Eval(later);
        }

        Assert.False(first.IsAlive);
        using var next = pool.Rent();
        Assert.Equal(2, pool.Created);
        Assert.Equal("undefined|object", next.Context.Eval<string>("`${typeof zed}|${typeof JSON}`"));
    }

    [Fact]
    public void A_script_running_past_the_rent_is_terminated_and_its_context_replaced()
    {
        using var pool = NewPool(options => options.MaxRentDuration = TimeSpan.FromMilliseconds(200));
        Context first;
        using (var rented = pool.Rent())
        {
            first = rented.Context;
            Assert.Throws<ScriptTerminatedException>(() => rented.Context.Eval("for (;;) {}"));
        }

        Assert.False(first.IsAlive);
        using var next = pool.Rent();
        Assert.Equal(2, next.Context.Eval<int>("1 + 1"));
    }

    [Fact]
    public void A_context_is_replaced_after_MaxUsesPerContext_rents()
    {
        using var pool = NewPool(options => options.MaxUsesPerContext = 3);
        var seen = new List<Context>();
        for (var i = 0; i < 7; i++)
        {
            using var rented = pool.Rent();
            seen.Add(rented.Context);
        }

        Assert.Equal(3, seen.Distinct().Count());
        Assert.Equal(3, pool.Created);
    }

    [Fact]
    public async Task Renters_past_MaxSize_wait_and_can_give_up()
    {
        using var pool = NewPool(options => options.MaxSize = 1);
        var held = pool.Rent();

        Assert.Throws<TimeoutException>(() => pool.Rent(TimeSpan.FromMilliseconds(50)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pool.RentAsync(cancel.Token));

        var waiting = pool.RentAsync().AsTask();
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        using var rented = await waiting.WaitAsync(s_patience);
        Assert.Equal(1, pool.Created);
    }

    [Fact]
    public async Task MinIdle_contexts_are_created_in_the_background()
    {
        using var pool = NewPool(options =>
        {
            options.MaxSize = 3;
            options.MinIdle = 2;
        });

        var deadline = DateTime.UtcNow + s_patience;
        while (pool.Idle < 2 && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        Assert.Equal(2, pool.Idle);
        Assert.Equal(2, pool.Created);
    }

    [Fact]
    public void Eight_threads_renting_ten_thousand_times_never_share_a_context()
    {
        using var pool = NewPool(options =>
        {
            options.MaxSize = 4;
            options.MaxUsesPerContext = 0;
        });
        var holders = new ConcurrentDictionary<Context, int>();
        var rents = 0;
        var failures = new ConcurrentQueue<string>();

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            while (Interlocked.Increment(ref rents) <= 10_000)
            {
                using var rented = pool.Rent(s_patience);
                if (!holders.TryAdd(rented.Context, thread))
                    failures.Enqueue($"two renters held one context (threads {holders[rented.Context]} and {thread})");
                if (rented.Context.Eval<int>("host.twice(3)") != 6)
                    failures.Enqueue("wrong result");
                holders.TryRemove(rented.Context, out _);
            }
        });

        Assert.Empty(failures);
        Assert.Equal(0, pool.InUse);
        Assert.True(pool.Created <= 4, $"{pool.Created} contexts created for MaxSize 4");
        Assert.Equal(pool.Created, pool.Idle);
    }

    [Fact]
    public void A_returned_context_cannot_be_used_through_its_lease_and_a_second_return_does_nothing()
    {
        using var pool = NewPool();
        var rented = pool.Rent();
        rented.Dispose();
        rented.Dispose();

        Assert.Throws<ObjectDisposedException>(() => rented.Context);
        Assert.Equal(1, pool.Idle);
        Assert.Equal(0, pool.InUse);
    }

    [Fact]
    public void Disposing_the_pool_disposes_idle_contexts_and_rented_ones_when_returned()
    {
        var pool = NewPool();
        var idle = pool.Rent();
        var idleContext = idle.Context;
        idle.Dispose();
        var rented = pool.Rent();
        var second = pool.Rent();

        pool.Dispose();

        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
        Assert.True(second.Context.IsAlive);
        second.Dispose();
        rented.Dispose();
        Assert.False(idleContext.IsAlive);
        Assert.Equal(0, pool.Idle);
    }

    [Fact]
    public void Event_handlers_of_one_renter_never_see_the_next_renters_events()
    {
        using var pool = NewPool(options => options.MaxSize = 1);
        var seenByFirst = 0;
        using (var rented = pool.Rent())
            rented.Context.UnhandledRejection += (_, _) => Interlocked.Increment(ref seenByFirst);

        using (var next = pool.Rent())
        {
            next.Context.UnhandledRejection += (_, _) => { };
            next.Context.Eval("Promise.reject(new Error('second tenant'))");
        }

        Assert.Equal(0, seenByFirst);
    }

    [Fact]
    public void Console_output_and_recycling_go_to_the_logger_factory()
    {
        var logs = new RecordingLoggerFactory();
        using (var pool = new ContextPool(new ContextPoolOptions { LoggerFactory = logs, MaxUsesPerContext = 1 }))
        {
            using var rented = pool.Rent();
            rented.Context.Eval("console.warn('low stock:', 3)");
        }

        Assert.Contains(logs.Entries, e => e.Category == "V8Host.Console" && e.Level == LogLevel.Warning && e.Message.Contains("low stock: 3"));
        Assert.Contains(logs.Entries, e => e.Category == "V8Host.ContextPool" && e.Message.Contains("recycled a context (max-uses)"));
    }

    [Fact]
    public void Options_out_of_range_are_refused_by_name()
    {
        Assert.Contains("MaxSize", Assert.Throws<ArgumentOutOfRangeException>(() => new ContextPool(new ContextPoolOptions { MaxSize = 0 })).Message);
        Assert.Contains("MinIdle", Assert.Throws<ArgumentOutOfRangeException>(() => new ContextPool(new ContextPoolOptions { MaxSize = 2, MinIdle = 3 })).Message);
        Assert.Contains("SnapshotIndex", Assert.Throws<ArgumentException>(() => new ContextPool(new ContextPoolOptions { SnapshotIndex = 1 })).Message);
        Assert.Contains("MaxRentDuration", Assert.Throws<ArgumentOutOfRangeException>(() => new ContextPool(new ContextPoolOptions { MaxRentDuration = TimeSpan.Zero })).Message);
        Assert.Contains("FreezeBaseline", Assert.Throws<ArgumentException>(() => new ContextPool(new ContextPoolOptions { FreezeBaseline = false })).Message);
    }

    // A pool for scripts that change built-ins: no freeze, so each context serves one rent, and the
    // next renter gets a fresh context that never saw the change.
    [Fact]
    public void Without_the_freeze_scripts_may_change_built_ins_and_every_rent_gets_a_fresh_context()
    {
        using var pool = NewPool(options =>
        {
            options.MaxSize = 1;
            options.FreezeBaseline = false;
            options.MaxUsesPerContext = 1;
        });
        using (var rented = pool.Rent())
            Assert.Equal("poisoned|false", rented.Context.Eval<string>(
                "'use strict'; Array.prototype.map = function () { return ['poisoned']; }; `${[1].map(x => x)}|${Object.isFrozen(Array.prototype)}`"));

        using var next = pool.Rent();
        Assert.Equal(2, pool.Created);
        Assert.Equal("2", next.Context.Eval<string>("`${[1].map(x => 2 * x)}`"));
    }

    [Fact]
    public void Contexts_start_from_a_snapshot()
    {
        StartupData blob;
        using (var creator = new SnapshotCreator())
        {
            creator.Eval("globalThis.rules = { discount: total => total > 100 ? 0.1 : 0 };", "rules.js");
            creator.AddContext();
            blob = creator.CreateBlob();
        }

        using var pool = NewPool(options => options.Snapshot = blob);
        using var rented = pool.Rent();
        Assert.Equal(0.1, rented.Context.Eval<double>("rules.discount(150)"));
        Assert.False(rented.Context.SnapshotRestore!.CacheRejected);
    }

    [Fact]
    public void The_pool_publishes_its_metrics()
    {
        var measurements = new ConcurrentQueue<(string Name, double Value, string? Reason)>();
        using var listener = new MeterListener();
        const string name = "metrics-test";
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ContextPool.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? pool = null, reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "pool")
                    pool = tag.Value as string;
                if (tag.Key == "reason")
                    reason = tag.Value as string;
            }

            if (pool == name)
                measurements.Enqueue((instrument.Name, value, reason));
        }

        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        using (var pool = NewPool(options =>
        {
            options.Name = name;
            options.MaxUsesPerContext = 1;
        }))
        {
            using (pool.Rent())
                listener.RecordObservableInstruments();
        }

        Assert.Contains(measurements, m => m.Name == "v8host.pool.contexts.created" && m.Value == 1);
        Assert.Contains(measurements, m => m.Name == "v8host.pool.rents" && m.Value == 1);
        Assert.Contains(measurements, m => m.Name == "v8host.pool.rent.wait" && m.Value >= 0);
        Assert.Contains(measurements, m => m.Name == "v8host.pool.contexts.recycled" && m.Reason == "max-uses");
        Assert.Contains(measurements, m => m.Name == "v8host.pool.contexts.in_use" && m.Value == 1);
    }
}
