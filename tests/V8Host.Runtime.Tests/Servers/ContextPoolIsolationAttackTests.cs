using System.Collections.Concurrent;
using System.Diagnostics;

namespace V8Host.Tests.Servers;

/// <summary>
/// Issue 14: a hostile renter of a pooled context against the pool's promise that state one renter
/// leaves never reaches the next (docs/servers.md, Isolation). Each test rents a one-context pool
/// (MaxSize = 1) as the attacker, returns it, and rents again as the victim: the victim must see what
/// a fresh context shows, whether the pool reset the context or recycled it.
/// </summary>
/// <remarks>
/// The findings (numbered in the comments) failed before the fix that froze a pooled context's
/// baseline and changed how top-level bindings are found; they stay as regression tests, with the
/// attacks that held from the start. Attack scripts build names such as <c>constructor</c> or
/// <c>__proto__</c> at run time: when any mention of such a name recycled the context (finding 13),
/// a literal one would have hidden the attack under test.
/// </remarks>
public class ContextPoolIsolationAttackTests
{
    private static HostProfile Profile() => new HostProfile()
        .AddFunction("host.twice", new Func<int, int>(x => 2 * x))
        .AddFunction("triple", new Func<int, int>(x => 3 * x));

    // Under the reset's 5-second timeout, which is what a Return held by the renter lasted before the
    // fixes below: a bound a loaded machine keeps to, which the attacks still cannot.
    private static readonly TimeSpan s_cheapReturn = TimeSpan.FromSeconds(4);

    private static ContextPool NewPool(Action<ContextBuilder>? configure = null, RecordingLoggerFactory? logs = null) => new(new ContextPoolOptions
    {
        Profile = Profile(),
        LoggerFactory = logs,
        MaxSize = 1,
        MaxUsesPerContext = 0,
        Configure = builder =>
        {
            builder.Install(ConsoleApi.Discard, new TimersApi());
            configure?.Invoke(builder);
        },
    });

    /// <summary>
    /// Runs an attack; one that fails with a TypeError (the baseline is frozen: a strict-mode
    /// assignment or a defineProperty on a built-in throws) has still tried, and the next renter's
    /// view is what counts.
    /// </summary>
    private static void EvalAttack(Context context, string attack)
    {
        try
        {
            context.Eval(attack);
        }
        catch (JavaScriptException error) when (error.ErrorName == "TypeError")
        {
        }
    }

    /// <summary>Runs <paramref name="attack"/> in one rent and returns what <paramref name="probe"/> evaluates to in the next.</summary>
    private static string AfterAttack(string attack, string probe)
    {
        using var pool = NewPool();
        using (var attacker = pool.Rent())
            EvalAttack(attacker.Context, attack);
        using var victim = pool.Rent();
        return victim.Context.Eval<string>(probe);
    }

    // ---------------------------------------------------------------------------------------------
    // Finding 1: objects two levels down from a global (the methods of built-ins, the prototypes of
    // Intl's constructors, Array.prototype[Symbol.unscopables] …) are not checked: whatever a renter
    // stores on or replaces in them reaches the next renter.

    [Theory]
    [InlineData("Object.keys.stash = 'tenant A';", "String(Object.keys.stash)", "undefined")]
    [InlineData("Array.prototype.map.stash = 'tenant A';", "String(Array.prototype.map.stash)", "undefined")]
    [InlineData("Math.max.stash = 'tenant A';", "String(Math.max.stash)", "undefined")]
    [InlineData("console.log.stash = 'tenant A';", "String(console.log.stash)", "undefined")]
    [InlineData("host.twice.stash = 'tenant A';", "String(host.twice.stash)", "undefined")]
    [InlineData("Array.prototype[Symbol.unscopables].stash = 'tenant A';", "String(Array.prototype[Symbol.unscopables].stash)", "undefined")]
    [InlineData("Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.stash = 'tenant A';", "String(Object.getOwnPropertyDescriptor(Map.prototype, 'size').get.stash)", "undefined")]
    [InlineData("WebAssembly.Memory.prototype.stash = 'tenant A';", "String(WebAssembly.Memory.prototype.stash)", "undefined")]
    // The accessors the pool puts in place of overridable built-ins are made after the freeze: they must bring nothing open.
    [InlineData("Object.getOwnPropertyDescriptor(Object.prototype, 'toString').get.stash = 'tenant A';", "String(Object.getOwnPropertyDescriptor(Object.prototype, 'toString').get.stash)", "undefined")]
    [InlineData("Object.getOwnPropertyDescriptor(Error.prototype, 'name').set.prototype.stash = 'tenant A';", "String(Object.getOwnPropertyDescriptor(Error.prototype, 'name').set.prototype)", "undefined")]
    [InlineData("Intl.Collator.prototype.resolvedOptions = () => ({ locale: 'poisoned' });", "new Intl.Collator('en').resolvedOptions().locale", "en")]
    [InlineData("Object.defineProperty(Intl.DateTimeFormat.prototype, 'format', { get() { return () => 'poisoned'; }, configurable: true });",
        "new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(0)", "1/1/1970")]
    public void State_two_levels_below_a_global_does_not_reach_the_next_renter(string attack, string probe, string expected) =>
        Assert.Equal(expected, AfterAttack(attack, probe));

    // Finding 1, end to end: tenant A hooks a depth-2 built-in, tenant B's data passes through it, and
    // A reads it back in a later rent of the same context.
    [Fact]
    public void A_hook_planted_below_a_global_never_captures_the_next_renters_data()
    {
        using var pool = NewPool();
        using (var tenantA = pool.Rent())
        {
            EvalAttack(tenantA.Context, """
                (() => {
                    const loot = [];
                    Object.keys.loot = loot;
                    const original = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format').get;
                    Object.defineProperty(Intl.NumberFormat.prototype, 'format', { configurable: true, get() {
                        const format = original.call(this);
                        return value => { loot.push(value); return format(value); };
                    } });
                })();
                """);
        }

        using (var tenantB = pool.Rent())
            Assert.Equal("4,242", tenantB.Context.Eval<string>("new Intl.NumberFormat('en-US').format(4242) /* the secret */"));

        using var tenantAAgain = pool.Rent();
        Assert.Equal("undefined", tenantAAgain.Context.Eval<string>("String(Object.keys.loot)"));
    }

    // ---------------------------------------------------------------------------------------------
    // Finding 6: intrinsics no global names and the capture's list misses: %AsyncIteratorPrototype%,
    // the iterator-helper and wrap-for-valid-iterator prototypes, Intl.Segmenter's %SegmentsPrototype%
    // and its iterator prototype, and the constructors %AsyncFunction%, %GeneratorFunction% and
    // %AsyncGeneratorFunction% (the capture watches their prototypes only).

    private const string AsyncIteratorPrototype = "Object.getPrototypeOf(Object.getPrototypeOf((async function* () {}).prototype))";
    private const string IteratorHelperPrototype = "Object.getPrototypeOf([].values().map(x => x))";
    private const string WrapForValidIteratorPrototype = "Object.getPrototypeOf(Iterator.from({ next() { return { done: true }; } }))";
    private const string SegmentsPrototype = "Object.getPrototypeOf(new Intl.Segmenter('en').segment('a'))";
    private const string SegmentIteratorPrototype = "Object.getPrototypeOf(new Intl.Segmenter('en').segment('a')[Symbol.iterator]())";
    // `constructor` spelled at run time (see the remarks).
    private const string AsyncFunction = "Object.getPrototypeOf(async function () {})['constr' + 'uctor']";
    private const string GeneratorFunction = "Object.getPrototypeOf(function* () {})['constr' + 'uctor']";
    private const string AsyncGeneratorFunction = "Object.getPrototypeOf(async function* () {})['constr' + 'uctor']";

    [Theory]
    [InlineData(AsyncIteratorPrototype)]
    [InlineData(IteratorHelperPrototype)]
    [InlineData(WrapForValidIteratorPrototype)]
    [InlineData(SegmentsPrototype)]
    [InlineData(SegmentIteratorPrototype)]
    [InlineData(AsyncFunction)]
    [InlineData(GeneratorFunction)]
    [InlineData(AsyncGeneratorFunction)]
    public void Unnamed_intrinsics_are_checked(string intrinsic) =>
        Assert.Equal("undefined", AfterAttack($"({intrinsic}).stash = 'tenant A';", $"String(({intrinsic}).stash)"));

    // The unnamed intrinsics the capture does list: held before any fix.
    [Theory]
    [InlineData("Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))")]
    [InlineData("Object.getPrototypeOf([][Symbol.iterator]())")]
    [InlineData("Object.getPrototypeOf(new Map().entries())")]
    [InlineData("Object.getPrototypeOf(/a/[Symbol.matchAll](''))")]
    [InlineData("Object.getPrototypeOf(function* () {}).prototype")]
    [InlineData("Object.getPrototypeOf(async function () {})")]
    [InlineData("Object.getPrototypeOf(Uint8Array)")]
    [InlineData("Object.getPrototypeOf(Uint8Array.prototype)")]
    public void Listed_unnamed_intrinsics_are_checked(string intrinsic) =>
        Assert.Equal("undefined", AfterAttack($"({intrinsic}).stash = 'tenant A';", $"String(({intrinsic}).stash)"));

    // ---------------------------------------------------------------------------------------------
    // Finding 3: the global object's prototype (an object of its own here, not Object.prototype) is
    // not checked. What a renter puts there is a global for every later renter: data, a getter that
    // runs in the next rent, or a setter that catches the next renter's sloppy assignments.

    [Fact]
    public void The_global_objects_prototype_is_checked() =>
        Assert.Equal("undefined", AfterAttack("Object.getPrototypeOf(globalThis)['sec' + 'ret'] = 'tenant A';", "typeof secret"));

    [Fact]
    public void A_getter_on_the_global_objects_prototype_never_runs_in_the_next_rent() =>
        Assert.Equal("undefined|undefined", AfterAttack(
            "Object.defineProperty(Object.getPrototypeOf(globalThis), 'con' + 'fig', { get() { return { admin: true }; }, configurable: true });",
            "`${typeof config}|${globalThis.config?.admin}`"));

    // ---------------------------------------------------------------------------------------------
    // Finding 2: RegExp's legacy static properties keep the last match (and RegExp.input can be set):
    // the next renter reads the previous renter's matched text.

    [Theory]
    [InlineData("/secret-(\\w+)/.exec('token secret-tenantA here');", "RegExp.$1")]
    [InlineData("/secret-(\\w+)/.exec('token secret-tenantA here');", "RegExp.lastMatch")]
    [InlineData("/secret-(\\w+)/.exec('token secret-tenantA here');", "RegExp.input")]
    [InlineData("/secret-(\\w+)/.exec('token secret-tenantA here');", "RegExp.rightContext")]
    [InlineData("'card 4111-1111'.replace(/\\d{4}-(\\d{4})/, 'x');", "RegExp['$_']")]
    [InlineData("RegExp.input = 'tenant A';", "RegExp.input")]
    public void RegExp_legacy_statics_do_not_carry_the_last_match(string attack, string probe)
    {
        string fresh;
        using (var pool = NewPool())
        using (var rented = pool.Rent())
            fresh = rented.Context.Eval<string>(probe);
        Assert.Equal(fresh, AfterAttack(attack, probe));
    }

    // ---------------------------------------------------------------------------------------------
    // Finding 4: Atomics.waitAsync with a timeout resolves through a V8 platform task the pool does
    // not see as pending work: the renter's callback runs after its rent ended, during the next rent,
    // and sees (and can change) the next renter's globals.

    [Fact]
    public void An_Atomics_waitAsync_callback_never_runs_in_the_next_rent()
    {
        using var pool = NewPool();
        using (var attacker = pool.Rent())
        {
            EvalAttack(attacker.Context, """
                (() => {
                    const cell = new Int32Array(new SharedArrayBuffer(4));
                    Atomics.waitAsync(cell, 0, 0, 200).value.then(() => { globalThis.lateA = 'saw ' + typeof globalThis.tenantB; });
                })();
                """);
        }

        using var victim = pool.Rent();
        victim.Context.Eval("globalThis.tenantB = 'secret';");
        Thread.Sleep(600);
        victim.Context.Eval("(() => { const t = Date.now(); while (Date.now() - t < 100) {} })();");
        Assert.Equal("undefined", victim.Context.Eval<string>("typeof lateA"));
    }

    // ---------------------------------------------------------------------------------------------
    // Finding 7: names that RentSources does not recognise as identifiers escape the check for
    // top-level let/const/class bindings: letters of Other_ID_Start (℘ ℮ ゛ ゜), Other_ID_Continue
    // inside a name (a·b), and \u{…} escapes with more than six hex digits (leading zeros are legal).

    [Theory]
    [InlineData("let \u2118 = 'tenant A';", "typeof \u2118")]
    [InlineData("let \u212E = 'tenant A';", "typeof \u212E")]
    [InlineData("let \u309B = 'tenant A';", "typeof \u309B")]
    [InlineData("let a\u00B7b = 'tenant A';", "typeof a\u00B7b")]
    [InlineData("let x\u0387 = 'tenant A';", "typeof x\u0387")]
    [InlineData("let \\u{0000000078} = 'tenant A';", "typeof x")]
    [InlineData("class \\u{00000000053}ecret {}", "typeof Secret")]
    public void Top_level_bindings_with_unusual_names_do_not_survive(string attack, string probe) =>
        Assert.Equal("undefined", AfterAttack(attack, probe));

    // ---------------------------------------------------------------------------------------------
    // Finding 8: a top-level let whose initializer throws leaves a binding that stays uninitialized
    // forever. Read from another script, V8 reports it as "x is not defined" (not "before
    // initialization"), which the reset's probe takes for "no binding": the context is kept, and the
    // next renter can neither declare the name (SyntaxError) nor assign it (ReferenceError).

    [Fact]
    public void An_uninitialized_top_level_binding_does_not_survive()
    {
        using var pool = NewPool();
        using (var attacker = pool.Rent())
            Assert.Throws<JavaScriptException>(() => attacker.Context.Eval("let tdz = (() => { throw new Error('on purpose'); })();"));
        using var victim = pool.Rent();
        Assert.Equal("mine", victim.Context.Eval<string>("let tdz = 'mine'; tdz"));
    }

    // ---------------------------------------------------------------------------------------------
    // Finding 9: a top-level let/const that shadows a baseline global with the same value is not
    // detected; the binding stays, so the next renter cannot declare that name (SyntaxError) or, for a
    // const, assign it.

    [Theory]
    [InlineData("const Math = globalThis.Math;", "let Math = 'mine'; typeof Math")]
    [InlineData("const JSON = globalThis.JSON;", "JSON = 'mine'; typeof JSON")]
    [InlineData("let host = globalThis.host;", "let host = 'mine'; typeof host")]
    public void A_binding_shadowing_a_global_with_its_own_value_does_not_survive(string attack, string probe) =>
        Assert.Equal("string", AfterAttack(attack, probe));

    // ---------------------------------------------------------------------------------------------
    // Finding 10: the console keeps its counters, timers and group depth in the context: the next
    // renter's console output reveals the previous renter's labels and counts, and is indented by its
    // groups.

    [Fact]
    public void Console_counters_timers_and_groups_do_not_carry_over()
    {
        var output = new StringWriter();
        using var pool = new ContextPool(new ContextPoolOptions
        {
            MaxSize = 1,
            Configure = builder => builder.Install(new ConsoleApi(output)),
        });
        using (var attacker = pool.Rent())
            attacker.Context.Eval("console.count('tenantA-user-42'); console.count('tenantA-user-42'); console.time('tenantA-job'); console.group('tenant A');");
        output.GetStringBuilder().Clear();

        using (var victim = pool.Rent())
            victim.Context.Eval("console.count('tenantA-user-42'); console.timeEnd('tenantA-job'); console.log('B');");

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("tenantA-user-42: 1", lines[0]);
        Assert.StartsWith("Warning: No such label 'tenantA-job'", lines[1]);
        Assert.Equal("B", lines[2]);
    }

    // ---------------------------------------------------------------------------------------------
    // Finding 11: the reset reads its baseline descriptors (ordinary objects) through
    // Reflect.defineProperty, which looks up `get`, `set`, `value` … on their prototype chain: a getter
    // on Object.prototype runs inside Return, after the rent ended (it can call the host's functions),
    // and a getter that loops holds Return for the full 5-second reset timeout.

    [Fact]
    public void No_renter_code_runs_after_the_rent_ended()
    {
        var calls = new ConcurrentQueue<string>();
        var returning = false;
        using var pool = NewPool(builder => builder.AddHostFunction("report", new Action<string>(what => calls.Enqueue((Volatile.Read(ref returning) ? "after the rent: " : "during the rent: ") + what))));
        using (var attacker = pool.Rent())
        {
            EvalAttack(attacker.Context, """
                Object.defineProperty(Object.prototype, 'g' + 'et', { configurable: true, get() { report('getter'); return undefined; } });
                delete globalThis.Math;
                """);
            Volatile.Write(ref returning, true);
        }

        Assert.DoesNotContain("after the rent: getter", calls);
    }

    [Fact]
    public void A_renter_cannot_hold_Return()
    {
        using var pool = NewPool();
        var attacker = pool.Rent();
        EvalAttack(attacker.Context, "Object.defineProperty(Object.prototype, 's' + 'et', { configurable: true, get() { for (;;) {} } }); delete globalThis.Math;");
        var watch = Stopwatch.StartNew();
        attacker.Dispose();
        Assert.True(watch.Elapsed < s_cheapReturn, $"Return took {watch.Elapsed.TotalMilliseconds:F0} ms");
    }

    // ---------------------------------------------------------------------------------------------
    // Finding 12: the reset's cost is the renter's to choose: one 4 MiB name (1.1 to 6.3 s in scratch runs) or
    // 9,000 names of 440 characters (5 s: the reset timeout, then a recycle), both under the 4 MiB and
    // 20,000-name limits, hold Return for seconds of CPU, for under a second of the renter's own time.

    [Theory]
    [InlineData(1, 4_190_000)]
    [InlineData(9_000, 440)]
    public void Return_stays_cheap_for_sources_under_the_limits(int names, int length)
    {
        var source = new System.Text.StringBuilder();
        for (var i = 0; i < names; i++)
            source.Append("globalThis.n").Append(i).Append('_').Append('z', length).Append(" = 1;");
        var logs = new RecordingLoggerFactory();
        using var pool = NewPool(logs: logs);
        var attacker = pool.Rent();
        attacker.Context.Eval(source.ToString());
        var watch = Stopwatch.StartNew();
        attacker.Dispose();
        Assert.True(watch.Elapsed < s_cheapReturn, $"Return took {watch.Elapsed.TotalMilliseconds:F0} ms");
        // Refused before any name is checked, rather than checked until the reset's timeout.
        Assert.Contains(logs.Entries, e => e.Message.Contains("recycled a context (too-much-source)"));
    }

    // ---------------------------------------------------------------------------------------------
    // Finding 13 (not a leak: a needless recycle): any identifier of the rent's source that resolves
    // through the global object's prototype chain (toString, valueOf, constructor, hasOwnProperty,
    // __proto__ …) is taken for a top-level let binding, so ordinary scripts cost a fresh context.

    [Theory]
    [InlineData("[1, 2].toString()")]
    [InlineData("({ a: 1 }).hasOwnProperty('a')")]
    [InlineData("[].constructor === Array")]
    [InlineData("new Date(0).valueOf()")]
    [InlineData("({}).__proto__ === Object.prototype")]
    public void Harmless_scripts_keep_their_context(string script)
    {
        using var pool = NewPool();
        using (var rented = pool.Rent())
            rented.Context.Eval(script);
        using (pool.Rent())
        {
        }

        Assert.Equal(1, pool.Created);
    }

    // ---------------------------------------------------------------------------------------------
    // Attacks the pool handled before any fix (regression tests).

    [Theory]
    [InlineData("globalThis[Symbol.for('secret')] = 'tenant A';", "String(globalThis[Symbol.for('secret')])", "undefined")]
    [InlineData("Object.defineProperty(globalThis, 'hidden', { value: 'tenant A', enumerable: false, configurable: true });", "typeof hidden", "undefined")]
    [InlineData("Reflect.defineProperty(globalThis, 'viaReflect', { get: () => 'tenant A', configurable: true });", "typeof viaReflect", "undefined")]
    [InlineData("eval('var viaEval = 1; function fromEval() {}');", "typeof viaEval + typeof fromEval", "undefinedundefined")]
    [InlineData("(0, eval)('var indirect = 1; let scoped = 2;');", "typeof indirect + typeof scoped", "undefinedundefined")]
    [InlineData("new Function('globalThis.fromFunction = 1; var local = 2;')();", "typeof fromFunction", "undefined")]
    [InlineData("with ({}) { globalThis.inWith = 1; }", "typeof inWith", "undefined")]
    [InlineData("globalThis['\\u0073ecret'] = 1; this[0] = 'index';", "typeof secret + typeof globalThis[0]", "undefinedundefined")]
    [InlineData("let \\u0073ecret = 'tenant A';", "typeof secret", "undefined")]
    [InlineData("let s\\u{65}cret = 'tenant A';", "typeof secret", "undefined")]
    [InlineData("let ℵ = 'tenant A';", "typeof ℵ", "undefined")]
    [InlineData("let 𝑥 = 'tenant A';", "typeof 𝑥", "undefined")]
    [InlineData("Error.prepareStackTrace = () => 'poisoned';", "new Error('x').stack.split('\\n')[0]", "Error: x")]
    [InlineData("Error.stackTraceLimit = 0;", "String(Error.stackTraceLimit)", "10")]
    [InlineData("Object.setPrototypeOf(globalThis, new Proxy({}, { get: () => 'trap' }));", "typeof anything", "undefined")]
    [InlineData("Object.freeze(Math);", "String(Object.isFrozen(Math))", "true")]
    [InlineData("Object.defineProperty(globalThis, 'Math', { writable: false });", "(() => { Math = 1; return typeof Math; })()", "number")]
    [InlineData("Object.defineProperty(globalThis, 'JSON', { value: globalThis.JSON, writable: false, configurable: false });", "(() => { JSON = 1; return typeof JSON; })()", "number")]
    [InlineData("Object.defineProperty(Array.prototype, 'poison', { get() { return 'tenant A'; }, configurable: true });", "String([].poison)", "undefined")]
    [InlineData("EngineInternal.stash = 'tenant A';", "String(EngineInternal.stash)", "undefined")]
    [InlineData("Object.prototype['__pro' + 'to__'] = null;", "String(Object.getPrototypeOf(Object.prototype))", "null")]
    [InlineData("Function.prototype.call = () => 'poisoned'; Reflect.ownKeys = () => []; Object.getOwnPropertyDescriptor = () => undefined; delete globalThis.Math;", "typeof Math + typeof Reflect.ownKeys(globalThis).length", "objectnumber")]
    [InlineData("globalThis.queueMicrotask(() => { globalThis.micro = 1; }); Promise.resolve().then(() => { globalThis.viaThen = 1; });", "typeof micro + typeof viaThen", "undefinedundefined")]
    [InlineData("new Promise(() => {}).then(() => { globalThis.never = 1; });", "typeof never", "undefined")]
    [InlineData("(() => { for (let i = 0; i < 30000; i++) globalThis['g' + i] = i; })();", "typeof g1 + typeof g29999", "undefinedundefined")]
    public void Attacks_the_reset_handles(string attack, string probe, string expected) =>
        Assert.Equal(expected, AfterAttack(attack, probe));

    // The Web platform's own state: the global object as an EventTarget (listeners, onerror), the
    // buffer of performance marks, and the WebIDL iterator prototypes no global names.
    [Theory]
    [InlineData("globalThis.addEventListener('error', e => { globalThis.spy = String(e.error); e.preventDefault(); });",
        "try { reportError(new Error('tenant B secret')); } catch {} typeof spy", "undefined")]
    [InlineData("globalThis.onerror = () => { globalThis.spy = 'seen'; return true; };",
        "try { reportError(new Error('tenant B secret')); } catch {} typeof spy + typeof onerror", "undefinedobject")]
    [InlineData("performance.mark('tenantA-user-42');", "String(performance.getEntriesByType('mark').length)", "0")]
    [InlineData("Object.getPrototypeOf(new Headers().entries()).stash = 'tenant A';", "String(Object.getPrototypeOf(new Headers().entries()).stash)", "undefined")]
    [InlineData("Object.getPrototypeOf(new URLSearchParams('a=1').entries()).stash = 'tenant A';", "String(Object.getPrototypeOf(new URLSearchParams('a=1').entries()).stash)", "undefined")]
    public void The_web_platforms_state_does_not_reach_the_next_renter(string attack, string probe, string expected)
    {
        var errors = new StringWriter();
        using var pool = NewPool(builder => builder.UseWebPlatform().Install(new ConsoleApi(errors), new FetchApi(allow: _ => false)));
        using (var attacker = pool.Rent())
            EvalAttack(attacker.Context, attack);
        using var victim = pool.Rent();
        Assert.Equal(expected, victim.Context.Eval<string>(probe));
        Assert.Equal(1, pool.Created);
    }

    [Fact]
    public void A_setter_on_Object_prototype_cannot_catch_the_reset_or_the_next_renter()
    {
        using var pool = NewPool();
        using (var attacker = pool.Rent())
        {
            EvalAttack(attacker.Context, """
                delete globalThis.Math;
                Object.defineProperty(Object.prototype, 'val' + 'ue', { configurable: true, get() { return 'poisoned'; }, set(v) { Object.keys.caught = v; } });
                """);
        }

        using var victim = pool.Rent();
        Assert.Equal("object|undefined|undefined", victim.Context.Eval<string>("`${typeof Math}|${({}).value}|${Object.keys.caught}`"));
    }

    // Finding 5: a FinalizationRegistry the renter keeps reachable (below a global, finding 1, or on the
    // global object's prototype, finding 3) has its cleanup callbacks run in the next rent as soon as
    // that renter's garbage is collected and the event loop turns: the callback sees its globals.
    [Fact]
    public void A_FinalizationRegistry_callback_of_one_renter_never_runs_in_the_next_rent()
    {
        using var pool = NewPool();
        using (var attacker = pool.Rent())
        {
            EvalAttack(attacker.Context, """
                (() => {
                    const registry = new FinalizationRegistry(() => { globalThis.fromA = 'saw ' + typeof globalThis.tenantB; });
                    for (let i = 0; i < 100; i++) registry.register({}, i);
                    // Kept alive where the reset does not look (finding 1).
                    Object.keys.keep = registry;
                })();
                """);
        }

        using var victim = pool.Rent();
        victim.Context.Eval("globalThis.tenantB = 'secret';");
        victim.Context.CollectGarbage();
        victim.Context.RunUntilIdle();
        Assert.Equal("undefined", victim.Context.Eval<string>("typeof fromA"));
    }

    [Fact]
    public void A_timer_or_pending_host_work_recycles_the_context()
    {
        using var pool = NewPool();
        Context first;
        using (var attacker = pool.Rent())
        {
            first = attacker.Context;
            attacker.Context.Eval("setInterval(() => { globalThis.tick = (globalThis.tick ?? 0) + 1; }, 1);");
        }

        using var victim = pool.Rent();
        Assert.NotSame(first, victim.Context);
        Assert.Equal("undefined", victim.Context.Eval<string>("typeof tick"));
    }
}
