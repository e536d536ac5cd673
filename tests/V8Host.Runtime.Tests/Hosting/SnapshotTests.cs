using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace V8Host.Tests.Hosting;

public class SnapshotTests
{
    /// <summary>Builds startup data with <paramref name="build"/>, which adds the contexts.</summary>
    private static StartupData Bake(Action<SnapshotCreator> build)
    {
        using var creator = new SnapshotCreator();
        build(creator);
        return creator.CreateBlob();
    }

    /// <summary>Three contexts over one prelude: each sets its own flavor.</summary>
    private static StartupData ThreeFlavors() => Bake(creator =>
    {
        creator.Eval("globalThis.lib = { square: x => x * x };", "lib.js");
        creator.AddContext("globalThis.flavor = 'plain';", filename: "plain.js");
        creator.AddContext("globalThis.flavor = 'fancy'; globalThis.cube = x => x * lib.square(x);", filename: "fancy.js");
        creator.AddContext("globalThis.flavor = 'bare';", filename: "bare.js");
    });

    [Fact]
    public void Snapshot_contexts_start_with_their_scripts()
    {
        StartupData blob;
        using (var creator = new SnapshotCreator())
        {
            creator.Eval("globalThis.lib = { square: x => x * x };");
            Assert.Equal(0, creator.AddContext("globalThis.flavor = 'plain';"));
            Assert.Equal(1, creator.AddContext("globalThis.flavor = 'fancy';"));
            blob = creator.CreateBlob();
            Assert.False(creator.IsAlive);
        }

        var restored = StartupData.FromBytes(blob.ToArray());
        Assert.True(restored.IsValid());
        Assert.Equal(2, restored.ContextCount);

        using var plain = new Isolate(restored).CreateContextFromSnapshot(0);
        using var fancy = new Isolate(restored).CreateContextBuilder().UseSnapshot(1).SetGlobal("extra", true).Build();
        Assert.Equal("plain:9", plain.Eval<string>("flavor + ':' + lib.square(3)"));
        Assert.Equal("fancy:16:true", fancy.Eval<string>("flavor + ':' + lib.square(4) + ':' + extra"));
    }

    [Fact]
    public void Every_context_round_trips_through_bytes_by_its_index()
    {
        var blob = StartupData.FromBytes(ThreeFlavors().ToArray());
        Assert.Equal(3, blob.ContextCount);
        Assert.Equal(blob.Length, blob.ToArray().Length);

        string[] flavors = ["plain", "fancy", "bare"];
        for (var i = 0; i < flavors.Length; i++)
        {
            using var context = new Isolate(blob).CreateContextFromSnapshot(i);
            Assert.Equal(flavors[i] + ":25", context.Eval<string>("flavor + ':' + lib.square(5)"));
            // Only the context's own script ran: the others' globals are absent.
            Assert.Equal(i == 1 ? "function" : "undefined", context.Eval<string>("typeof cube"));
            Assert.Equal(i, context.SnapshotRestore!.ContextIndex);
            Assert.Equal(2, context.SnapshotRestore.ScriptCount);
            Assert.False(context.SnapshotRestore.CacheRejected);
        }
    }

    [Fact]
    public void A_builder_adds_a_profile_and_globals_on_top_of_the_snapshot_context()
    {
        var blob = ThreeFlavors();
        // A profile's setup script runs after the snapshot's scripts, so it can build on what they define.
        var profile = new HostProfile()
            .AddFunction("host.twice", new Func<int, int>(x => 2 * x))
            .AddSetupScript("on-top.js", "globalThis.cubeTwice = x => host.twice(cube(x));");

        using var context = new Isolate(blob).CreateContextBuilder().UseSnapshot(1).UseProfile(profile).SetGlobal("flavor", "overridden").Build();

        Assert.Equal(54, context.Eval<int>("cubeTwice(3)"));
        Assert.Equal("overridden", context.Eval<string>("flavor"));
        Assert.Equal(1, context.SnapshotRestore!.ContextIndex);
    }

    [Fact]
    public void A_copy_of_the_bytes_is_taken_both_ways()
    {
        var blob = ThreeFlavors();
        var bytes = blob.ToArray();
        bytes[^1] ^= 0xFF;
        Assert.True(blob.IsValid());

        var original = blob.ToArray();
        var wrapped = StartupData.FromBytes(original);
        original[^1] ^= 0xFF;
        Assert.True(wrapped.IsValid());
    }

    [Fact]
    public void Script_names_show_in_the_frames_of_errors_thrown_later_by_snapshot_functions()
    {
        var blob = Bake(creator =>
        {
            creator.Eval("function fail(what) {\n  throw new Error('no ' + what);\n}", "lib/fail.js");
            creator.AddContext("// the context's own script\nfunction callFail() {\n  return fail('luck');\n}", filename: "app/main.js");
        });

        using var context = new Isolate(blob).CreateContextFromSnapshot(0);
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("callFail()", TimeSpan.FromSeconds(30)));

        Assert.Equal("no luck", error.JsMessage);
        Assert.Equal("lib/fail.js", error.ScriptResourceName);
        Assert.Equal(2, error.LineNumber);
        Assert.Equal(new JsStackFrame("fail", "lib/fail.js", 2, 9, false, false, false), error.Frames[0]);
        Assert.Equal(new JsStackFrame("callFail", "app/main.js", 3, 10, false, false, false), error.Frames[1]);
    }

    [Fact]
    public void Scripts_without_a_name_get_one_that_says_where_they_came_from()
    {
        var blob = Bake(creator =>
        {
            creator.Eval("function first() { throw new Error('1'); }");
            creator.Eval("function second() { first(); }");
            creator.AddContext("function third() { second(); }");
            creator.AddContext("function fourth() { second(); }");
        });

        using var context = new Isolate(blob).CreateContextFromSnapshot(1);
        var error = Assert.Throws<JavaScriptException>(() => context.Eval("fourth()"));

        Assert.Equal(["<snapshot-prelude-0>", "<snapshot-prelude-1>", "<snapshot-context-1>"], error.Frames.Take(3).Select(f => f.ScriptName));
    }

    [Fact]
    public void Script_errors_surface_when_the_snapshot_is_created()
    {
        using var creator = new SnapshotCreator();
        var error = Assert.Throws<JavaScriptException>(() => creator.AddContext("undefinedFunction()"));

        Assert.Equal("ReferenceError", error.ErrorName);
        Assert.True(creator.IsAlive);
    }

    [Fact]
    public void A_failed_script_takes_no_index_and_the_creator_goes_on()
    {
        using var creator = new SnapshotCreator();
        Assert.Throws<JavaScriptException>(() => creator.Eval("throw new TypeError('prelude')", "bad-prelude.js"));
        Assert.Throws<JavaScriptException>(() => creator.AddContext("throw new TypeError('context')"));

        Assert.Equal(0, creator.AddContext("globalThis.fine = typeof TypeError"));
        var blob = creator.CreateBlob();
        Assert.Equal(1, blob.ContextCount);
        using var context = new Isolate(blob).CreateContextFromSnapshot(0);
        Assert.Equal("function", context.Eval<string>("fine"));
        // The failed prelude was not kept.
        Assert.Equal(1, context.SnapshotRestore!.ScriptCount);
    }

    [Fact]
    public void Creator_is_consumed_by_CreateBlob()
    {
        var creator = new SnapshotCreator();
        creator.AddContext();
        creator.CreateBlob();

        Assert.Contains("consumed by CreateBlob()", Assert.Throws<InvalidOperationException>(() => creator.Eval("1")).Message);
        Assert.Contains("consumed by CreateBlob()", Assert.Throws<InvalidOperationException>(() => creator.AddContext()).Message);
        Assert.Contains("consumed by CreateBlob()", Assert.Throws<InvalidOperationException>(() => creator.CreateBlob()).Message);
    }

    [Fact]
    public void A_disposed_creator_says_so()
    {
        var creator = new SnapshotCreator();
        creator.Dispose();

        Assert.False(creator.IsAlive);
        Assert.Throws<ObjectDisposedException>(() => creator.AddContext());
    }

    [Fact]
    public void Invalid_startup_data_is_detected()
    {
        var garbage = StartupData.FromBytes(new byte[] { 1, 2, 3, 4, 5 });

        Assert.False(garbage.IsValid());
        Assert.Throws<ArgumentException>(() => new Isolate(garbage));
        Assert.Throws<InvalidOperationException>(() => new Isolate().CreateContextFromSnapshot());
    }

    [Fact]
    public void Context_index_out_of_range_is_rejected_without_consuming_the_isolate()
    {
        using var creator = new SnapshotCreator();
        creator.AddContext("1");
        var blob = creator.CreateBlob();
        var isolate = new Isolate(blob);

        Assert.Throws<ArgumentOutOfRangeException>(() => isolate.CreateContextFromSnapshot(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => isolate.CreateContextFromSnapshot(-1));
        Assert.True(isolate.IsAlive);
        var builder = isolate.CreateContextBuilder();
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.UseSnapshot(1));
        using var context = builder.UseSnapshot(0).Build();
        Assert.Equal(0, context.SnapshotRestore!.ContextIndex);
    }

    [Fact]
    public void A_snapshot_script_that_freezes_the_global_starts_as_it_was_baked()
    {
        // Hardening (SES's lockdown, say) is what one bakes: the creator's context had its console
        // when the script ran, and the restored one lacked it, so its installation failed every start.
        var blob = Bake(creator => creator.AddContext("globalThis.frozen = true; Object.freeze(globalThis);"));

        using var context = new Isolate(blob).CreateContextFromSnapshot(0);

        Assert.True(context.Eval<bool>("frozen && Object.isFrozen(globalThis) && typeof console.log === 'function'"));
    }

    [Fact]
    public void Logging_a_proxy_a_snapshot_script_made_runs_none_of_its_traps()
    {
        // The console records proxies as they are made; snapshot scripts ran before it was installed,
        // so logging their proxies ran the traps.
        var blob = Bake(creator => creator.AddContext("globalThis.spy = new Proxy({ a: 1 }, { get() { throw new Error('trap ran'); }, ownKeys() { throw new Error('trap ran'); }, getOwnPropertyDescriptor() { throw new Error('trap ran'); } });"));
        var output = new StringWriter();

        using var context = new Isolate(blob).CreateContextBuilder().UseSnapshot(0).Install(new ConsoleApi(output)).Build();
        context.Eval("console.log(spy)");

        Assert.Contains("a: 1", output.ToString());
    }

    // ---- extending a blob ----

    [Fact]
    public void A_creator_started_from_a_blob_keeps_its_contexts_and_appends_new_ones()
    {
        var first = StartupData.FromBytes(ThreeFlavors().ToArray());

        StartupData extended;
        using (var creator = new SnapshotCreator(first))
        {
            // The new creator's prelude is its own: the kept contexts do not get it.
            creator.Eval("globalThis.lib = { square: x => -x };", "lib2.js");
            Assert.Equal(3, creator.AddContext("globalThis.flavor = 'fourth';"));
            Assert.Equal(4, creator.AddContext("globalThis.flavor = 'fifth';"));
            extended = creator.CreateBlob();
        }

        Assert.Equal(5, extended.ContextCount);
        string[] expected = ["plain:25", "fancy:25", "bare:25", "fourth:-5", "fifth:-5"];
        for (var i = 0; i < expected.Length; i++)
        {
            using var context = new Isolate(extended).CreateContextFromSnapshot(i);
            Assert.Equal(expected[i], context.Eval<string>("flavor + ':' + lib.square(5)"));
            Assert.False(context.SnapshotRestore!.CacheRejected);
        }

        using var fancy = new Isolate(extended).CreateContextFromSnapshot(1);
        Assert.Equal(27, fancy.Eval<int>("cube(3)"));
    }

    [Fact]
    public void An_invalid_blob_cannot_be_extended()
    {
        var error = Assert.Throws<ArgumentException>(() => new SnapshotCreator(StartupData.FromBytes("not a snapshot"u8)));

        Assert.Contains("signature", error.Message);
        Assert.Equal("existing", error.ParamName);
    }

    // ---- corrupt and foreign blobs ----

    /// <summary>Invalid data: not valid, refused by isolates and creators with <paramref name="reason"/>, and its properties throw.</summary>
    private static void AssertRejected(StartupData data, string reason)
    {
        Assert.False(data.IsValid());
        var isolateError = Assert.Throws<ArgumentException>(() => new Isolate(data));
        Assert.Contains(reason, isolateError.Message);
        Assert.Equal("snapshot", isolateError.ParamName);
        Assert.Contains(reason, Assert.Throws<ArgumentException>(() => new SnapshotCreator(data)).Message);
        Assert.Contains(reason, Assert.Throws<InvalidOperationException>(() => data.ContextCount).Message);
        Assert.Throws<InvalidOperationException>(() => data.ClearScriptVersion);
        Assert.Throws<InvalidOperationException>(() => data.RuntimeVersion);
        Assert.Throws<InvalidOperationException>(() => data.V8CacheTag);
    }

    [Fact]
    public void One_flipped_byte_anywhere_is_detected()
    {
        var bytes = Bake(creator =>
        {
            creator.Eval("globalThis.a = 1;", "a.js");
            creator.AddContext("globalThis.b = 2;", filename: "b.js");
        }).ToArray();

        for (var i = 0; i < bytes.Length; i++)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[i] ^= 0x10;
            var data = StartupData.FromBytes(damaged);
            Assert.False(data.IsValid(), $"byte {i} of {bytes.Length} flipped, still valid");
            var reason = i < 4 ? "signature" : i == 4 ? "format version" : "checksum does not match";
            Assert.True(Assert.Throws<ArgumentException>(() => new Isolate(data)).Message.Contains(reason), $"byte {i}: expected '{reason}'");
        }

        AssertRejected(StartupData.FromBytes(Flip(bytes, bytes.Length / 2)), "checksum does not match");
        AssertRejected(StartupData.FromBytes(Flip(bytes, bytes.Length - 1)), "checksum does not match");
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        var copy = (byte[])bytes.Clone();
        copy[index] ^= 1;
        return copy;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    [InlineData(100)]
    public void Truncated_data_is_detected(int missing)
    {
        var bytes = ThreeFlavors().ToArray();

        AssertRejected(StartupData.FromBytes(bytes.AsSpan(0, bytes.Length - missing)), "checksum does not match");
    }

    [Theory]
    [InlineData(5)]
    [InlineData(20)]
    public void Data_cut_short_after_the_header_is_called_truncated(int length)
    {
        // Shorter than a checksum, but it has V8Host's signature and format: what was cut off was the rest.
        var bytes = ThreeFlavors().ToArray();

        AssertRejected(StartupData.FromBytes(bytes.AsSpan(0, length)), "truncated");
    }

    [Fact]
    public void Empty_and_random_bytes_are_not_snapshots()
    {
        AssertRejected(StartupData.FromBytes(ReadOnlySpan<byte>.Empty), "signature");
        AssertRejected(StartupData.FromBytes("V8H"u8), "signature");
        var random = new byte[4096];
        new Random(13).NextBytes(random);
        AssertRejected(StartupData.FromBytes(random), "signature");
    }

    [Fact]
    public void Another_magic_number_is_not_a_snapshot()
    {
        var bytes = ThreeFlavors().ToArray();
        "V8HX"u8.CopyTo(bytes);

        AssertRejected(StartupData.FromBytes(bytes), "does not start with the V8Host snapshot signature");
    }

    [Fact]
    public void Format_version_1_data_is_refused_with_its_version()
    {
        // Format 1: magic, version 1, the context count, per context its scripts (name, source, cache); no checksum.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("V8HS"u8);
            writer.Write((byte)1);
            writer.Write(1);
            writer.Write(1);
            writer.Write("old.js");
            writer.Write("globalThis.old = true;");
            writer.Write(0);
        }

        AssertRejected(StartupData.FromBytes(stream.ToArray()), "format version 1, and this runtime reads version 2");
        // A short one (the smallest format-1 data: no contexts) says the same, not "no signature".
        AssertRejected(StartupData.FromBytes([.. "V8HS"u8, 1, 0, 0, 0, 0]), "format version 1");
    }

    [Fact]
    public void A_future_format_version_is_refused_with_its_version()
    {
        var bytes = ThreeFlavors().ToArray();
        bytes[4] = 3;

        AssertRejected(StartupData.FromBytes(bytes), "format version 3");
    }

    [Theory]
    [InlineData("")]
    [InlineData("v8host:glue.js")]
    public void A_script_name_Compile_refuses_makes_the_data_malformed(string name)
    {
        // Such data passed IsValid, and every context start threw about a "filename" parameter.
        var data = StartupData.Create([[new SnapshotScript("fine.js", "1", []), new SnapshotScript(name, "2", [])]], "00000000-00000000");

        AssertRejected(data, "malformed: script 1 of context 0 has a name V8Host cannot compile");
    }

    // ---- rejected caches ----

    /// <summary>The data of <paramref name="blob"/> again, with each script's cache replaced by <paramref name="change"/>'s.</summary>
    private static StartupData WithCaches(StartupData blob, Func<byte[], byte[]> change, string? tag = null) =>
        StartupData.Create(
            blob.Contexts.Select(scripts => (IReadOnlyList<SnapshotScript>)scripts.Select(s => s with { CodeCache = change(s.CodeCache) }).ToList()).ToList(),
            tag ?? blob.V8CacheTag);

    private static StartupData OneContext() => Bake(creator =>
    {
        creator.Eval("function helper(x) { return x + 1; } globalThis.fromPrelude = helper(41);", "prelude.js");
        creator.AddContext("globalThis.fromContext = helper(fromPrelude);", filename: "context.js");
    });

    [Fact]
    public void A_good_blob_has_every_cache_accepted()
    {
        using var context = new Isolate(OneContext()).CreateContextFromSnapshot(0);

        Assert.False(context.SnapshotRestore!.CacheRejected);
        Assert.Empty(context.SnapshotRestore.RejectedScripts);
        Assert.Null(context.SnapshotRestore.RejectionReason);
        Assert.Equal(2, context.SnapshotRestore.ScriptCount);
        Assert.Contains("2 script(s) from their code caches", context.SnapshotRestore.ToString());
    }

    [Fact]
    public void A_context_not_from_a_snapshot_has_no_restore_report()
    {
        using var plain = new Isolate().CreateContext();
        using var built = new Isolate(OneContext()).CreateContextBuilder().SetGlobal("x", 1).Build();

        Assert.Null(plain.SnapshotRestore);
        Assert.Null(built.SnapshotRestore);
        Assert.Equal("undefined", built.Eval<string>("typeof fromPrelude"));
    }

    [Fact]
    public void A_cache_of_another_V8_version_is_rejected_and_the_scripts_compile_from_source()
    {
        var good = OneContext();
        var other = WithCaches(good, cache =>
        {
            var copy = (byte[])cache.Clone();
            for (var i = 4; i < 8; i++)
                copy[i] ^= 0x5A;
            return copy;
        });

        using var context = new Isolate(other).CreateContextFromSnapshot(0);

        Assert.Equal(43, context.Eval<int>("fromContext"));
        Assert.Equal(11, context.Eval<int>("helper(10)"));
        var restore = context.SnapshotRestore!;
        Assert.True(restore.CacheRejected);
        Assert.Equal(["prelude.js", "context.js"], restore.RejectedScripts);
        // The reason reads the tag each rejected cache carries, not only the blob's (which is this process's here).
        var altered = CodeCacheHeader.Tag(other.Contexts[0][0].CodeCache);
        Assert.NotEqual(good.V8CacheTag, altered);
        Assert.Contains($"carry V8 cache tag {altered}, and this process runs ClearScript {StartupData.CurrentClearScriptVersion} with V8 cache tag {good.V8CacheTag}", restore.RejectionReason);
        Assert.Contains("2 of 2 code cache(s) rejected", restore.ToString());
    }

    [Fact]
    public void A_cache_made_for_another_source_is_rejected_though_its_tag_matches()
    {
        var good = OneContext();
        // V8 checks the source's length: a cache of a longer script does not fit this one.
        using var creator = new SnapshotCreator();
        creator.Eval("globalThis.somethingMuchLongerThanTheOriginal = [1, 2, 3].map(x => x * 2);", "other.js");
        creator.AddContext();
        var otherCache = creator.CreateBlob().Contexts[0][0].CodeCache;
        var mismatched = WithCaches(good, _ => otherCache);

        using var context = new Isolate(mismatched).CreateContextFromSnapshot(0);

        Assert.Equal(43, context.Eval<int>("fromContext"));
        Assert.Equal(["prelude.js", "context.js"], context.SnapshotRestore!.RejectedScripts);
        Assert.Contains($"carry V8 cache tag {good.V8CacheTag}, which matches this process's", context.SnapshotRestore.RejectionReason);
    }

    [Fact]
    public void A_blob_made_by_another_V8_says_both_cache_tags()
    {
        var good = OneContext();
        // What a blob baked by another V8 looks like: its tag, and caches whose version hash is that tag's.
        var foreign = WithCaches(good, cache =>
        {
            var copy = (byte[])cache.Clone();
            copy.AsSpan(4, 4).Fill(0);
            return copy;
        }, "00000000-" + good.V8CacheTag[9..]);

        using var context = new Isolate(foreign).CreateContextFromSnapshot(0);

        Assert.Equal(43, context.Eval<int>("fromContext"));
        var reason = context.SnapshotRestore!.RejectionReason!;
        Assert.Contains("V8 cache tag 00000000-", reason);
        Assert.Contains("this process runs ClearScript " + StartupData.CurrentClearScriptVersion + " with V8 cache tag " + good.V8CacheTag, reason);
    }

    [Fact]
    public void A_garbage_cache_is_rejected_and_the_script_still_runs()
    {
        var good = OneContext();
        var garbage = WithCaches(good, cache =>
        {
            var noise = new byte[cache.Length];
            new Random(7).NextBytes(noise);
            return noise;
        });

        using var context = new Isolate(garbage).CreateContextFromSnapshot(0);

        Assert.Equal(43, context.Eval<int>("fromContext"));
        Assert.True(context.SnapshotRestore!.CacheRejected);
        Assert.Equal(["prelude.js", "context.js"], context.SnapshotRestore.RejectedScripts);
        Assert.Contains("a rejected cache is not a V8 code cache", context.SnapshotRestore.RejectionReason);
    }

    [Fact]
    public void An_empty_cache_is_rejected_and_the_script_still_runs()
    {
        var empty = WithCaches(OneContext(), _ => []);

        using var context = new Isolate(empty).CreateContextFromSnapshot(0);

        Assert.Equal(43, context.Eval<int>("fromContext"));
        Assert.Equal(["prelude.js", "context.js"], context.SnapshotRestore!.RejectedScripts);
    }

    [Fact]
    public void Only_the_damaged_cache_is_reported()
    {
        var good = OneContext();
        var contexts = good.Contexts.Select(scripts => (IReadOnlyList<SnapshotScript>)scripts.Select((s, i) => i == 1 ? s with { CodeCache = [1, 2, 3] } : s).ToList()).ToList();

        using var context = new Isolate(StartupData.Create(contexts, good.V8CacheTag)).CreateContextFromSnapshot(0);

        Assert.Equal(["context.js"], context.SnapshotRestore!.RejectedScripts);
        Assert.Equal(43, context.Eval<int>("fromContext"));
    }

    // ---- after-execution caches ----

    /// <summary>Functions V8 compiles lazily: the first half run at top level, the second half only when the warm-up calls them.</summary>
    private static readonly string s_lazySource = string.Concat(Enumerable.Range(0, 40).Select(i =>
        $"function f{i}(a) {{ let s = 0; for (let k = 0; k < a; k++) {{ s += k * {i} + (k % 3 ? {i} : -{i}); }} return s; }}\n"))
        + "globalThis.top = 0;\nfor (let i = 0; i < 20; i++) globalThis.top += globalThis['f' + i](5);\n";

    private const string LazyWarmUp = "for (let i = 20; i < 40; i++) globalThis['f' + i](5); globalThis.warmedUp = true;";

    [Fact]
    public void Caches_taken_after_the_run_and_the_warm_up_hold_more_compiled_functions()
    {
        int fresh;
        using (var context = new Isolate().CreateContext())
        using (var script = context.Compile(s_lazySource, "lazy.js"))
            fresh = script.CreateCodeCache().Length;

        var blob = Bake(creator =>
        {
            creator.AddContext(s_lazySource, filename: "lazy.js");
            creator.AddContext(s_lazySource, LazyWarmUp, "lazy.js", "warm-up.js");
        });
        var afterRun = blob.Contexts[0][0].CodeCache.Length;
        var afterWarmUp = blob.Contexts[1][0].CodeCache.Length;

        Assert.True(afterRun > fresh, $"after the run {afterRun} bytes, fresh {fresh}");
        Assert.True(afterWarmUp > afterRun, $"after the warm-up {afterWarmUp} bytes, after the run {afterRun}");
        for (var i = 0; i < 2; i++)
        {
            using var restored = new Isolate(blob).CreateContextFromSnapshot(i);
            Assert.False(restored.SnapshotRestore!.CacheRejected);
            Assert.Equal(restored.Eval<double>("f3(7) + f30(7)"), Expected(3, 7) + Expected(30, 7));
        }
    }

    private static double Expected(int i, int a)
    {
        double s = 0;
        for (var k = 0; k < a; k++)
            s += k * i + (k % 3 != 0 ? i : -i);
        return s;
    }

    [Fact]
    public void The_warm_up_is_not_part_of_the_context()
    {
        var blob = Bake(creator => creator.AddContext(s_lazySource, LazyWarmUp, "lazy.js", "warm-up.js"));

        using var context = new Isolate(blob).CreateContextFromSnapshot(0);

        Assert.Equal("undefined", context.Eval<string>("typeof warmedUp"));
        Assert.Equal(1, context.SnapshotRestore!.ScriptCount);
        Assert.True(context.Eval<double>("top") != 0);
    }

    [Fact]
    public void A_failing_warm_up_names_its_file_and_line()
    {
        using var creator = new SnapshotCreator();

        var error = Assert.Throws<JavaScriptException>(() =>
            creator.AddContext("function parse(x) { return JSON.parse(x); }", "parse('[1]');\nparse('{oops');", "lib.js", "warm/up.js"));

        Assert.Equal("SyntaxError", error.ErrorName);
        Assert.Contains(error.Frames, frame => frame.ScriptName == "warm/up.js" && frame.Line == 2);
        Assert.Contains(error.Frames, frame => frame.ScriptName == "lib.js" && frame.FunctionName == "parse");
        // A failed warm-up takes no index either.
        Assert.Equal(0, creator.AddContext("1"));
    }

    [Fact]
    public void A_warm_up_without_a_name_is_named_for_its_context()
    {
        using var creator = new SnapshotCreator();
        creator.AddContext("1");

        var error = Assert.Throws<JavaScriptException>(() => creator.AddContext("2", "null.x"));

        Assert.Equal("<snapshot-warm-up-1>", error.ScriptResourceName);
    }

    [Fact]
    public void ScriptTimeout_ends_endless_scripts_and_the_creator_stays_usable()
    {
        using var creator = new SnapshotCreator { ScriptTimeout = TimeSpan.FromMilliseconds(200) };

        Assert.Throws<ScriptTerminatedException>(() => creator.Eval("for (;;) {}", "loop.js"));
        Assert.Throws<ScriptTerminatedException>(() => creator.AddContext("while (true) {}"));
        Assert.Throws<ScriptTerminatedException>(() => creator.AddContext("globalThis.x = 1", "for (;;) {}"));
        Assert.True(creator.IsAlive);

        creator.Eval("globalThis.after = 'timeouts';");
        Assert.Equal(0, creator.AddContext("globalThis.y = after + '!'"));
        var blob = creator.CreateBlob();
        using var context = new Isolate(blob).CreateContextFromSnapshot(0);
        Assert.Equal("timeouts!", context.Eval<string>("y"));
        Assert.Equal(2, context.SnapshotRestore!.ScriptCount);
    }

    [Theory]
    [InlineData("eval")]
    [InlineData("context")]
    [InlineData("warm-up")]
    public async Task Disposing_the_creator_ends_an_endless_script_without_ScriptTimeout(string where)
    {
        // Dispose reached only Eval's context: an endless context script or warm-up ran on for ever.
        var creator = new SnapshotCreator();
        using var started = new ManualResetEventSlim();
        var run = Task.Run(() =>
        {
            started.Set();
            switch (where)
            {
                case "eval": creator.Eval("for (;;) {}"); break;
                case "context": creator.AddContext("for (;;) {}"); break;
                default: creator.AddContext("1", "for (;;) {}"); break;
            }
        });
        started.Wait();
        await Task.Delay(100);

        creator.Dispose();

        // Whether Dispose came before the script started or while it ran, the call ends.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => run.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.True(error is ScriptTerminatedException or ObjectDisposedException, error.ToString());
        Assert.False(creator.IsAlive);
    }

    // ---- metadata ----

    [Fact]
    public void The_data_records_the_versions_and_V8s_cache_tag()
    {
        var blob = StartupData.FromBytes(OneContext().ToArray());

        var clearScript = typeof(Microsoft.ClearScript.V8.V8ScriptEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(clearScript, blob.ClearScriptVersion);
        Assert.Equal(typeof(StartupData).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion, blob.RuntimeVersion);
        Assert.False(string.IsNullOrWhiteSpace(blob.RuntimeVersion));
        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{8}$"), blob.V8CacheTag);
        Assert.Equal(CodeCacheHeader.Current, blob.V8CacheTag);
    }

    [Fact]
    public void A_blob_without_scripts_still_records_the_cache_tag()
    {
        var blob = Bake(creator => creator.AddContext());

        Assert.Matches(new Regex("^[0-9a-f]{8}-[0-9a-f]{8}$"), blob.V8CacheTag);
        using var context = new Isolate(blob).CreateContextFromSnapshot(0);
        Assert.Equal(0, context.SnapshotRestore!.ScriptCount);
    }

    // ---- threads ----

    [Fact]
    public void One_startup_data_serves_contexts_on_eight_threads()
    {
        // From bytes, so the first parse happens on the racing threads too.
        var blob = StartupData.FromBytes(ThreeFlavors().ToArray());
        using var start = new Barrier(8);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                for (var round = 0; round < 3; round++)
                {
                    var index = (t + round) % 3;
                    using var context = new Isolate(blob).CreateContextFromSnapshot(index);
                    var result = context.Eval<string>($"flavor + ':' + lib.square({t})");
                    var expected = new[] { "plain", "fancy", "bare" }[index] + ":" + (t * t);
                    if (result != expected || context.SnapshotRestore!.CacheRejected)
                        failures.Enqueue($"thread {t} round {round}: {result} ({context.SnapshotRestore})");
                }
            }
            catch (Exception exception)
            {
                failures.Enqueue($"thread {t}: {exception}");
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(failures);
    }

    // ---- manifest resources ----

    [Fact]
    public void Startup_data_is_read_from_a_manifest_resource()
    {
        // The test assembly embeds a small file that is not a snapshot: its bytes come through as they are.
        var assembly = typeof(SnapshotTests).Assembly;
        var data = StartupData.FromManifestResource(assembly, "Hosting/not-a-snapshot.bin");

        Assert.Equal("not a V8Host snapshot\n"u8.Length, data.Length);
        Assert.Equal("not a V8Host snapshot\n"u8.ToArray(), data.ToArray());
        AssertRejected(data, "signature");
    }

    [Fact]
    public void A_missing_manifest_resource_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() => StartupData.FromManifestResource(typeof(SnapshotTests).Assembly, "Hosting/no-such.snapshot"));

        Assert.Contains("'Hosting/no-such.snapshot'", error.Message);
        Assert.Contains("V8Host.Runtime.Tests", error.Message);
        Assert.Equal("resourceName", error.ParamName);
        Assert.Throws<ArgumentException>(() => StartupData.FromManifestResource(typeof(SnapshotTests).Assembly, ""));
    }
}
