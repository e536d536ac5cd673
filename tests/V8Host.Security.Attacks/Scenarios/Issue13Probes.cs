using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `probe13 &lt;step&gt;`: red-team probes of issue 13's code-cache snapshots: hostile scripts inside
/// SnapshotCreator, crafted startup data whose checksum is valid (this program writes format 2
/// itself, as an attacker would), one StartupData shared by threads that dispose what they create,
/// and snapshot scripts that leave promise work behind. Each step prints `RESULT probe13.&lt;step&gt;…`
/// lines; Issue13ProbeTests states the correct outcome.
/// </summary>
internal static class Issue13Probes
{
    public static void Run(string[] args)
    {
        var step = args[0];
        var name = "probe13." + step;
        Action<string> probe = step switch
        {
            "tamper" => Tamper,
            "hostile-globals" => HostileGlobals,
            "odd-throws" => OddThrows,
            "loops" => Loops,
            "dispose-running" => DisposeRunning,
            "heap-eval" => n => HeapBomb(n, "eval"),
            "heap-context" => n => HeapBomb(n, "context"),
            "heap-warm-up" => n => HeapBomb(n, "warm-up"),
            "crafted" => Crafted,
            "names" => Names,
            "mismatch" => Mismatch,
            "forged-cache" => n => ForgedCache(n, args.Length > 1 ? args[1] : null),
            "threads" => Threads,
            "promises" => Promises,
            "restore-fails" => RestoreFails,
            _ => throw new ArgumentException("unknown probe13 step " + step),
        };
        Report.Bounded(name, TimeSpan.FromSeconds(110), () => probe(name));
    }

    // ---- startup data, read and written the way an attacker would (format 2) ----

    private sealed record Item(string Name, string Source, byte[] Cache);

    private sealed record Blob(string Runtime, string ClearScript, string Tag, List<List<Item>> Contexts);

    private static Blob Parse(StartupData data)
    {
        var bytes = data.ToArray();
        using var reader = new BinaryReader(new MemoryStream(bytes, 5, bytes.Length - 5 - 32), Encoding.UTF8);
        var blob = new Blob(reader.ReadString(), reader.ReadString(), reader.ReadString(), new List<List<Item>>());
        var contexts = reader.ReadInt32();
        for (var c = 0; c < contexts; c++)
        {
            var scripts = new List<Item>();
            var count = reader.ReadInt32();
            for (var s = 0; s < count; s++)
                scripts.Add(new Item(reader.ReadString(), reader.ReadString(), reader.ReadBytes(reader.ReadInt32())));
            blob.Contexts.Add(scripts);
        }

        return blob;
    }

    /// <summary>Format 2 with a valid checksum; <paramref name="body"/> writes what follows the header (from the context count on).</summary>
    private static StartupData Seal(Blob header, Action<BinaryWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("V8HS"u8);
            writer.Write((byte)2);
            writer.Write(header.Runtime);
            writer.Write(header.ClearScript);
            writer.Write(header.Tag);
            body(writer);
        }

        var bytes = stream.ToArray();
        return StartupData.FromBytes([.. bytes, .. SHA256.HashData(bytes)]);
    }

    private static StartupData Write(Blob blob) => Seal(blob, writer =>
    {
        writer.Write(blob.Contexts.Count);
        foreach (var scripts in blob.Contexts)
        {
            writer.Write(scripts.Count);
            foreach (var script in scripts)
            {
                writer.Write(script.Name);
                writer.Write(script.Source);
                writer.Write(script.Cache.Length);
                writer.Write(script.Cache);
            }
        }
    });

    private static StartupData Bake(string source, string? warmUp = null, string name = "s.js")
    {
        using var creator = new SnapshotCreator();
        creator.AddContext(source, warmUp, name);
        return creator.CreateBlob();
    }

    /// <summary>"invalid: &lt;why&gt;", or what restoring context 0 and evaluating <paramref name="check"/> gives.</summary>
    private static string Restore(string name, StartupData data, string check = "1+1")
    {
        if (!data.IsValid())
        {
            try
            {
                _ = new Isolate(data);
                return "valid-to-isolate";
            }
            catch (ArgumentException exception)
            {
                var why = exception.Message;
                Report.Detail(name, why);
                return "invalid:" + (why.Contains("malformed", StringComparison.Ordinal) ? "malformed" : why.Contains("checksum", StringComparison.Ordinal) ? "checksum" : "other");
            }
        }

        try
        {
            using var context = new Isolate(data).CreateContextFromSnapshot(0);
            var value = Report.ValueOutcome(name, () => context.Eval(check, TimeSpan.FromSeconds(10)));
            Report.Detail(name, $"{context.SnapshotRestore} → {value}");
            return (context.SnapshotRestore!.CacheRejected ? "rejected:" : "accepted:") + value;
        }
        catch (Exception exception)
        {
            Report.Detail(name, exception);
            return "restore:" + Report.Kind(exception);
        }
    }

    // ---- hostile scripts inside SnapshotCreator ----

    /// <summary>
    /// A prelude that replaces the intrinsics V8Host's glue and host code use. The restored context's
    /// builder then adds host functions, globals and the Web platform on top: the host side must keep
    /// working (its glue captured the intrinsics before any snapshot script ran).
    /// </summary>
    private static void Tamper(string name)
    {
        const string tamper = """
            const E = Error;
            const boom = what => function () { throw new E('tampered ' + what); };
            Object.defineProperty = boom('defineProperty');
            Object.defineProperties = boom('defineProperties');
            Object.getOwnPropertyDescriptor = boom('getOwnPropertyDescriptor');
            Object.keys = boom('keys');
            Object.freeze = boom('freeze');
            Object.create = boom('create');
            Reflect.defineProperty = boom('Reflect.defineProperty');
            Reflect.apply = boom('Reflect.apply');
            Function.prototype.call = boom('call');
            Function.prototype.apply = boom('apply');
            Function.prototype.bind = boom('bind');
            Array.prototype.push = boom('push');
            Array.prototype.map = boom('map');
            Array.isArray = boom('isArray');
            JSON.stringify = boom('stringify');
            JSON.parse = boom('parse');
            Promise.prototype.then = boom('then');
            Symbol.for = boom('Symbol.for');
            globalThis.Error = boom('Error');
            Object.prototype.__proto__; // keep a reference so nothing is optimised away
            Object.defineProperty === undefined;
            """;
        StartupData data;
        using (var creator = new SnapshotCreator())
        {
            Report.Result(name + ".eval", Report.Outcome(name, () => creator.Eval(tamper, "tamper.js")));
            Report.Result(name + ".add", Report.Outcome(name, () => creator.AddContext("globalThis.after = typeof Object.defineProperty;", "after.length")));
            data = creator.CreateBlob();
        }

        Report.Result(name + ".plain", Restore(name + ".plain", data, "after"));
        Context? context = null;
        Report.Result(name + ".build", Report.Outcome(name + ".build", () => context = new Isolate(data).CreateContextBuilder()
            .UseSnapshot(0)
            .AddHostFunction("host.add", new Func<int, int, int>((a, b) => a + b))
            .AddHostFunction("host.list", new Func<int[]>(() => [1, 2, 3]))
            .SetGlobal("config", new Dictionary<string, object?> { ["answer"] = 42 })
            .Install(ConsoleApi.Discard)
            .UseWebPlatform()
            .Build()));
        if (context is null)
            return;
        using (context)
        {
            Report.Result(name + ".call", Report.ValueOutcome(name, () => context.Eval<int>("host.add(2, 3)")));
            Report.Result(name + ".list", Report.ValueOutcome(name, () => context.Eval<int>("host.list()[2]")));
            Report.Result(name + ".global", Report.ValueOutcome(name, () => context.Eval<int>("config.answer")));
            Report.Result(name + ".typed", Report.ValueOutcome(name, () => string.Join(",", context.Eval<int[]>("[4, 5]"))));
            Report.Result(name + ".error", Report.Outcome(name, () => context.Eval("null.x")));
            Report.Result(name + ".console", Report.Outcome(name, () => context.Eval("console.log('x', { a: 1 })")));
            Report.Result(name + ".works", Report.StillWorks(context));
        }
    }

    /// <summary>
    /// Snapshot scripts that take the global names builder steps install later (frozen global, a
    /// non-configurable console, a lexical binding named like a host function): building fails with
    /// a clear exception or works, the process survives, and a new context from the same data works.
    /// </summary>
    private static void HostileGlobals(string name)
    {
        var cases = new Dictionary<string, string>
        {
            ["logs"] = "console.log('a snapshot script logs');",
            ["proxy-log"] = "globalThis.spy = new Proxy({}, { get() { throw new Error('trap ran'); }, ownKeys() { throw new Error('trap ran'); } });",
            ["frozen-global"] = "Object.freeze(globalThis);",
            ["console-taken"] = "Object.defineProperty(globalThis, 'console', { value: 1, writable: false, configurable: false });",
            ["lexical-host"] = "const host = 'mine'; let config = 'mine';",
            ["accessor-host"] = "Object.defineProperty(globalThis, 'host', { get() { throw new Error('getter'); }, configurable: false });",
        };
        foreach (var (key, script) in cases)
        {
            using var creator = new SnapshotCreator();
            creator.AddContext(script);
            var data = creator.CreateBlob();
            Report.Result($"{name}.{key}", Report.Outcome($"{name}.{key}", () =>
            {
                using var context = new Isolate(data).CreateContextBuilder()
                    .UseSnapshot(0)
                    .AddHostFunction("host.add", new Func<int, int, int>((a, b) => a + b))
                    .SetGlobal("config", 42)
                    .Install(ConsoleApi.Discard)
                    .Build();
                context.Eval("host.add(1, 2)");
            }));
            Report.Result($"{name}.{key}.plain", Restore($"{name}.{key}", data, "typeof spy === 'object' ? (console.log(spy), 2) : 2"));
        }
    }

    /// <summary>Scripts, contexts and warm-ups that throw values that are not errors: each is a JavaScriptException, and the creator goes on.</summary>
    private static void OddThrows(string name)
    {
        var throws = new Dictionary<string, string>
        {
            ["symbol"] = "throw Symbol('odd')",
            ["null"] = "throw null",
            ["undefined"] = "throw undefined",
            ["proxy"] = "throw new Proxy({}, { get() { throw new Error('trap get'); }, getPrototypeOf() { throw new Error('trap proto'); }, ownKeys() { throw new Error('trap keys'); }, has() { throw new Error('trap has'); } })",
            ["revoked"] = "const r = Proxy.revocable({}, {}); r.revoke(); throw r.proxy",
            ["getters"] = "throw { get message() { throw new Error('m'); }, get name() { throw new Error('n'); }, get stack() { throw new Error('s'); }, toString() { throw new Error('t'); } }",
            ["error-getters"] = "const e = new Error('x'); Object.defineProperty(e, 'message', { get() { throw e; } }); Object.defineProperty(e, 'stack', { get() { throw Symbol(); } }); throw e",
            ["to-primitive"] = "throw { [Symbol.toPrimitive]() { throw Symbol('deeper'); } }",
            ["function"] = "throw function f() { for (;;) {} }",
            ["bigint"] = "throw 10n ** 1000n",
            ["huge-string"] = "throw 'x'.repeat(64 * 1024 * 1024)",
            ["cyclic"] = "const a = []; a.push(a); const o = { a }; o.o = o; throw o",
        };

        using var creator = new SnapshotCreator { ScriptTimeout = TimeSpan.FromSeconds(20) };
        foreach (var (key, script) in throws)
        {
            Report.Result($"{name}.{key}.eval", Report.Outcome(name, () => creator.Eval(script, key + ".js")));
            Report.Result($"{name}.{key}.context", Report.Outcome(name, () => creator.AddContext(script, filename: key + ".js")));
            Report.Result($"{name}.{key}.warm-up", Report.Outcome(name, () => creator.AddContext("1", script, warmUpFilename: key + ".js")));
        }

        Report.Result(name + ".index", Report.ValueOutcome(name, () => creator.AddContext("globalThis.fine = 1")));
        Report.Result(name + ".blob", Restore(name, creator.CreateBlob(), "fine"));
    }

    /// <summary>Endless scripts under ScriptTimeout: a loop, a promise-job loop, Atomics.wait, in Eval, AddContext and warm-up.</summary>
    private static void Loops(string name)
    {
        var loops = new Dictionary<string, string>
        {
            ["for"] = "for (;;) {}",
            ["microtasks"] = "(function again() { Promise.resolve().then(again); })()",
            ["atomics"] = "Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)",
            ["catching"] = "for (;;) { try { for (;;) {} } catch { } finally { continue; } }",
        };

        using var creator = new SnapshotCreator { ScriptTimeout = TimeSpan.FromMilliseconds(300) };
        foreach (var (key, script) in loops)
        {
            Report.Result($"{name}.{key}.eval", Report.Outcome(name, () => creator.Eval(script)));
            Report.Result($"{name}.{key}.context", Report.Outcome(name, () => creator.AddContext(script)));
            Report.Result($"{name}.{key}.warm-up", Report.Outcome(name, () => creator.AddContext("1", script)));
        }

        Report.Result(name + ".index", Report.ValueOutcome(name, () => creator.AddContext("globalThis.fine = 1")));
        Report.Result(name + ".blob", Restore(name, creator.CreateBlob(), "fine"));
    }

    /// <summary>
    /// No ScriptTimeout, an endless script, and the host disposes the creator from another thread:
    /// the running call must end (a host has no other way to stop it) and the creator is disposed.
    /// </summary>
    private static void DisposeRunning(string name)
    {
        foreach (var where in new[] { "eval", "context", "warm-up" })
        {
            var creator = new SnapshotCreator();
            var run = Task.Run(() =>
            {
                switch (where)
                {
                    case "eval": creator.Eval("for (;;) {}"); break;
                    case "context": creator.AddContext("for (;;) {}"); break;
                    default: creator.AddContext("1", "for (;;) {}"); break;
                }
            });
            Thread.Sleep(500);
            var disposed = Task.Run(creator.Dispose);
            // Waits without throwing: the run is expected to fault.
            var ended = run.ContinueWith(_ => { }).Wait(TimeSpan.FromSeconds(10));
            Report.Result($"{name}.{where}.dispose", disposed.ContinueWith(_ => { }).Wait(TimeSpan.FromSeconds(10)) ? Report.Outcome(name, () => disposed.GetAwaiter().GetResult()) : "still-running");
            Report.Result($"{name}.{where}", ended ? Report.Outcome(name, () => run.GetAwaiter().GetResult()) : "still-running");
            Report.Result($"{name}.{where}.alive", creator.IsAlive);
        }
    }

    /// <summary>A heap bomb under the default limits: ScriptResourceException, the process survives, and the creator goes on as far as it can.</summary>
    private static void HeapBomb(string name, string where)
    {
        const string bomb = "var a = []; while (true) a.push(new Array(100000).fill('x' + a.length));";
        using var creator = new SnapshotCreator { ScriptTimeout = TimeSpan.FromSeconds(90) };
        creator.Eval("globalThis.kept = 'yes';", "kept.js");
        var watch = Stopwatch.StartNew();
        Report.Result(name, Report.Outcome(name, () =>
        {
            switch (where)
            {
                case "eval": creator.Eval(bomb); break;
                case "context": creator.AddContext(bomb); break;
                default: creator.AddContext("1", bomb); break;
            }
        }));
        Report.Detail(name, $"{watch.ElapsedMilliseconds} ms, peak working set {Report.PeakWorkingSetMiB()} MiB");
        Report.Result(name + ".alive", creator.IsAlive);
        Report.Result(name + ".add", Report.ValueOutcome(name, () => creator.AddContext("globalThis.fine = kept + '!'")));
        // The prelude that ran before the bomb is still there for later scripts.
        Report.Result(name + ".eval-after", Report.Outcome(name, () => creator.Eval("if (kept !== 'yes') throw new Error('prelude lost');")));
        Report.Result(name + ".blob", Report.ValueOutcome(name, () => Restore(name, creator.CreateBlob(), "fine")));
    }

    // ---- crafted startup data with a valid checksum ----

    /// <summary>Counts and lengths a writer never produces: each must be "malformed", never a crash or a huge allocation.</summary>
    private static void Crafted(string name)
    {
        var good = Bake("globalThis.v = 'good';");
        var header = Parse(good);
        var script = header.Contexts[0][0];
        var cases = new Dictionary<string, Action<BinaryWriter>>
        {
            ["context-count-max"] = w => w.Write(int.MaxValue),
            ["context-count-negative"] = w => w.Write(-1),
            ["script-count-max"] = w => { w.Write(1); w.Write(int.MaxValue); },
            ["script-count-negative"] = w => { w.Write(1); w.Write(int.MinValue); },
            ["cache-length-negative"] = w => { w.Write(1); w.Write(1); w.Write("a.js"); w.Write("1"); w.Write(-5); },
            ["cache-length-max"] = w => { w.Write(1); w.Write(1); w.Write("a.js"); w.Write("1"); w.Write(int.MaxValue); w.Write(new byte[64]); },
            ["string-length-negative"] = w => { w.Write(1); w.Write(1); w.Write(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }); },
            ["string-length-overlong"] = w => { w.Write(1); w.Write(1); w.Write(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }); },
            ["string-length-huge"] = w => { w.Write(1); w.Write(1); w.Write(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x07 }); w.Write(new byte[100]); },
            ["trailing-bytes"] = w => { w.Write(0); w.Write((byte)0); },
            ["missing-context"] = w => w.Write(2),
            ["zero-contexts"] = w => w.Write(0),
            ["many-empty-contexts"] = w => { w.Write(100_000); for (var i = 0; i < 100_000; i++) w.Write(0); },
        };
        foreach (var (key, body) in cases)
        {
            var data = Seal(header, body);
            Report.Result($"{name}.{key}", Restore($"{name}.{key}", data));
            if (data.IsValid())
                Report.Detail($"{name}.{key}", $"{data.ContextCount} context(s)");
        }

        // Strings that are not UTF-8: the reader replaces what it cannot decode; the script still runs.
        var invalidUtf8 = Seal(header, w =>
        {
            w.Write(1);
            w.Write(1);
            byte[] nameBytes = [(byte)'b', (byte)'a', (byte)'d', 0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80, (byte)'.', (byte)'j', (byte)'s'];
            w.Write7BitEncodedInt(nameBytes.Length);
            w.Write(nameBytes);
            byte[] sourceBytes = [.. "globalThis.v = '"u8, 0xFF, 0xFE, 0xED, 0xB0, 0x80, .. "';"u8];
            w.Write7BitEncodedInt(sourceBytes.Length);
            w.Write(sourceBytes);
            w.Write(script.Cache.Length);
            w.Write(script.Cache);
        });
        Report.Result(name + ".invalid-utf8", Restore(name + ".invalid-utf8", invalidUtf8, "v.length"));
    }

    /// <summary>
    /// Script names the creator could never have written (Compile refuses them): refused as malformed
    /// when the data is read, not as an ArgumentException about a "filename" when a context starts.
    /// </summary>
    private static void Names(string name)
    {
        var header = Parse(Bake("globalThis.v = 1;"));
        foreach (var (key, scriptName) in new Dictionary<string, string>
        {
            ["empty"] = "",
            ["reserved"] = "v8host:glue.js",
            ["nul"] = "a\0b.js",
            ["long"] = new string('n', 100_000),
        })
        {
            var data = Write(header with { Contexts = [[new Item(scriptName, "globalThis.v = 1;", [])]] });
            Report.Result($"{name}.{key}", Restore($"{name}.{key}", data, "v"));
        }
    }

    /// <summary>
    /// A cache paired with another source of the same length: V8 checks only the length, so it takes
    /// the cache and runs the code it was made from, not the source the data shows.
    /// </summary>
    private static void Mismatch(string name)
    {
        var pairs = new Dictionary<string, (string Baked, string Shown, string Check)>
        {
            // Top level only: the cached code runs, the shown source does not.
            ["top-level"] = ("globalThis.v = 'AAAA';", "globalThis.v = 'BBBB';", "v"),
            // A function the cache did not compile, called later: V8 compiles it from the shown
            // source at the positions the cache recorded, which are in the middle of other code.
            ["lazy-moved"] = ("function f() { return 'f'; }\nglobalThis.g = 1;//pad", "globalThis.q = 2;\nfunction h() { return [1,2,3]; } ", "typeof f === 'function' ? String(f()) : 'no f'"),
            ["lazy-shifted"] = ("function f(a) { return a + 1; } globalThis.r = 0;", "function f(a) { return a - 1; } globalThis.r = 1;", "f(10) + ':' + r"),
            ["lazy-garbage"] = ("function f() { return 41 + 1; }   globalThis.z=0;", new string('(', 49), "String(f())"),
            ["inner-eager"] = ("var o = { m() { return 'm'; } }; o.m(); globalThis.o = o;", "var o = { m() { return '?'; } }; o.m(); globalThis.o = o;", "o.m()"),
        };
        foreach (var (key, (baked, shown, check)) in pairs)
        {
            if (baked.Length != shown.Length)
                throw new InvalidOperationException($"{key}: {baked.Length} != {shown.Length}");
            var header = Parse(Bake(baked));
            var forged = header with { Contexts = [[header.Contexts[0][0] with { Source = shown }]] };
            Report.Result($"{name}.{key}", Report.Bounded($"{name}.{key}", TimeSpan.FromSeconds(20), () => Restore($"{name}.{key}", Write(forged), check)));
        }

        // A source of another length: V8 rejects the cache and compiles the shown source.
        var other = Parse(Bake("globalThis.v = 'AAAA';"));
        Report.Result(name + ".other-length", Restore(name + ".other-length", Write(other with { Contexts = [[other.Contexts[0][0] with { Source = "globalThis.v = 'BBBBBB';" }]] }), "v"));
    }

    /// <summary>A V8 header that matches this process, over a payload that is noise or cut short: V8 must reject it, not deserialize it.</summary>
    private static void ForgedCache(string name, string? only)
    {
        const string source = "function f(a) { return a * 2; } globalThis.v = f(21);";
        var header = Parse(Bake(source));
        var cache = header.Contexts[0][0].Cache;
        Report.Detail(name, $"cache of {cache.Length} bytes, header {Convert.ToHexString(cache.AsSpan(0, Math.Min(32, cache.Length)))}");
        var forgeries = new Dictionary<string, byte[]>();
        for (var seed = 0; seed < 8; seed++)
        {
            var noise = (byte[])cache.Clone();
            new Random(seed).NextBytes(noise.AsSpan(32));
            forgeries["noise-" + seed] = noise;
        }

        var flipped = (byte[])cache.Clone();
        flipped[cache.Length / 2] ^= 0x40;
        forgeries["flipped"] = flipped;
        forgeries["cut"] = cache[..(cache.Length / 2)];
        forgeries["header-only"] = cache[..32];
        // The same damage without sealing the data again: V8Host's checksum refuses it before V8 sees it.
        if (only is null)
        {
            var bytes = Write(header).ToArray();
            var at = bytes.AsSpan().IndexOf(cache.AsSpan(0, 32)) + cache.Length / 2;
            bytes[at] ^= 0x40;
            Report.Result(name + ".unsealed", Restore(name + ".unsealed", StartupData.FromBytes(bytes), "v"));
        }

        foreach (var (key, forged) in forgeries)
        {
            // Noise aborts the process in V8's deserializer: one at a time, when asked for.
            if (only is null ? key.StartsWith("noise-", StringComparison.Ordinal) : key != only)
                continue;
            Console.Out.Flush();
            var data = Write(header with { Contexts = [[header.Contexts[0][0] with { Cache = forged }]] });
            Report.Result($"{name}.{key}", Restore($"{name}.{key}", data, "v"));
        }
    }

    // ---- sharing ----

    /// <summary>One StartupData, eight threads creating contexts from it while two more dispose them as they appear.</summary>
    private static void Threads(string name)
    {
        var data = StartupData.FromBytes(Bake("globalThis.lib = { twice: x => 2 * x };", "lib.twice(1)").ToArray());
        var created = new System.Collections.Concurrent.BlockingCollection<Context>();
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var disposedWhileUsed = 0;
        var good = 0;
        using var start = new Barrier(8);
        var makers = Enumerable.Range(0, 8).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 12; i++)
            {
                var context = new Isolate(data).CreateContextFromSnapshot(0);
                created.Add(context);
                try
                {
                    var value = context.Eval<int>($"lib.twice({t * 100 + i})");
                    if (value == 2 * (t * 100 + i) && !context.SnapshotRestore!.CacheRejected)
                        Interlocked.Increment(ref good);
                    else
                        failures.Enqueue($"{t}/{i}: {value} {context.SnapshotRestore}");
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref disposedWhileUsed);
                }
                catch (ScriptTerminatedException)
                {
                    Interlocked.Increment(ref disposedWhileUsed);
                }
                catch (Exception exception)
                {
                    failures.Enqueue($"{t}/{i}: {exception.GetType().Name}: {exception.Message}");
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        var disposers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            foreach (var context in created.GetConsumingEnumerable())
                context.Dispose();
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(makers);
        created.CompleteAdding();
        Task.WaitAll(disposers);
        foreach (var failure in failures.Take(5))
            Report.Detail(name, failure);
        Report.Detail(name, $"{good} correct, {disposedWhileUsed} disposed while used");
        Report.Result(name, failures.IsEmpty && good + disposedWhileUsed == 96 ? "ok" : $"failures:{failures.Count}");
        Report.Result(name + ".after", Restore(name, data, "lib.twice(4)"));
    }

    // ---- snapshot scripts that leave work behind ----

    /// <summary>
    /// Snapshot scripts that leave promise reactions, an unhandled rejection and (where a later builder
    /// step installs timers) a timer: the context starts, and what they left runs in the context's own order.
    /// </summary>
    private static void Promises(string name)
    {
        StartupData data;
        using (var creator = new SnapshotCreator { ScriptTimeout = TimeSpan.FromSeconds(10) })
        {
            creator.Eval("""
                globalThis.log = [];
                Promise.resolve().then(() => log.push('reaction'));
                if (typeof queueMicrotask === 'function') queueMicrotask(() => log.push('microtask'));
                Promise.reject(new Error('nobody handles this'));
                (async () => { await null; log.push('async'); for (let i = 0; i < 3; i++) await i; log.push('async-done'); })();
                if (typeof setTimeout === 'function') setTimeout(() => log.push('timer'), 0);
                """, "leftovers.js");
            creator.AddContext(null, "new Promise(() => {}); Promise.reject(1);");
            data = creator.CreateBlob();
        }

        var rejections = 0;
        Context? context = null;
        Report.Result(name + ".build", Report.Outcome(name, () => context = new Isolate(data).CreateContextBuilder()
            .UseSnapshot(0)
            .Install(new TimersApi(), ConsoleApi.Discard)
            .Build()));
        if (context is null)
            return;
        using (context)
        {
            context.UnhandledRejection += (_, _) => Interlocked.Increment(ref rejections);
            Report.Result(name + ".log", Report.ValueOutcome(name, () => context.Eval<string>("log.join()")));
            context.RunUntilIdle();
            Report.Result(name + ".works", Report.StillWorks(context));
        }

        Report.Detail(name, $"{rejections} unhandled rejection(s) reported after the start");

        using var plain = new Isolate(data).CreateContextFromSnapshot(0);
        Report.Result(name + ".plain", Report.ValueOutcome(name, () => plain.Eval<string>("log.join()")));
    }

    /// <summary>
    /// A snapshot script that ran when the data was made but throws when a context starts (it depends
    /// on the clock): the start fails with the script's error, and each failure releases its isolate.
    /// </summary>
    private static void RestoreFails(string name)
    {
        // Generous: baking on a loaded machine must finish before the deadline.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds();
        var data = Bake($"globalThis.big = new Array(4e6).fill(1.5); if (Date.now() > {deadline}) throw new Error('expired');", name: "expiring.js");
        while (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() <= deadline + 50)
            Thread.Sleep(100);
        Report.Result(name, Restore(name, data));
        var before = Report.WorkingSetMiB();
        for (var i = 0; i < 60; i++)
        {
            try
            {
                new Isolate(data).CreateContextFromSnapshot(0).Dispose();
            }
            catch (JavaScriptException)
            {
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var growth = Report.WorkingSetMiB() - before;
        Report.Detail(name, $"working set grew {growth} MiB over 60 failed starts");
        Report.Result(name + ".released", growth < 500 ? "yes" : "no");
    }
}
