using System.Collections.ObjectModel;

namespace V8Host.Tests.Hosting;

public class Widget
{
    public Widget(string name) => Name = name;

    public string Name { get; }
}

public sealed class SpecialWidget : Widget
{
    public SpecialWidget(string name)
        : base(name)
    {
    }

    public string Extra => "special";
}

public sealed class Machine
{
    private readonly List<Widget> _parts;

    public Machine(int count) => _parts = Enumerable.Range(0, count).Select(i => i % 3 == 2 ? new SpecialWidget("s" + i) : new Widget("p" + i)).ToList();

    public IReadOnlyList<Widget> Parts => _parts;

    public Widget[] PartArray => _parts.ToArray();

    public IReadOnlyList<Widget> ReadOnlyParts => new ReadOnlyCollection<Widget>(_parts);

    public IReadOnlyList<Widget> FirstOnly => [_parts[0]];

    public IReadOnlyList<Widget?> WithNulls => [_parts[0], null, _parts[1]];

    public IEnumerable<Widget> Lazy => _parts.Where(_ => true);

    public Widget First => _parts[0];

    public Widget? Missing => null;

    public Widget PartAt(int index) => _parts[index];

    /// <summary>Returns the parts after calling back into JS, which reads other host objects meanwhile.</summary>
    public IReadOnlyList<Widget> PartsAfter(Func<Machine, double> callback)
    {
        callback(new Machine(40));
        return _parts;
    }
}

/// <summary>
/// Host objects cross by id through the context's transfer buffer (a host call's result, a list of
/// them, JsFunction.Invoke arguments): identity, nulls, subclasses, sizes past the buffer, nesting.
/// </summary>
public class HostObjectTransferTests
{
    private static Context CreateContext() =>
        new Isolate().CreateContextBuilder().AddHostClass<Widget>().AddHostClass<SpecialWidget>().AddHostClass<Machine>().Build();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(61)]
    [InlineData(62)]
    [InlineData(63)]
    [InlineData(100_000)]
    public void A_list_of_host_objects_is_an_array_of_the_same_objects(int count)
    {
        using var context = CreateContext();
        context.SetGlobal("a", new Machine(count));

        Assert.Equal(count, context.Eval<int>("a.parts.length"));
        Assert.True(context.Eval<bool>("Array.isArray(a.parts) && a.parts !== a.parts"));
        Assert.True(context.Eval<bool>("""
            const first = a.parts, second = a.parts;
            first.every((p, i) => p === second[i] && p === a.partAt(i) && p.name === (i % 3 == 2 ? 's' : 'p') + i && p instanceof (i % 3 == 2 ? SpecialWidget : Widget))
            """));
        if (count > 2)
            Assert.Equal("special", context.Eval<string>("a.parts[2].extra"));
    }

    [Theory]
    [InlineData("partArray")]
    [InlineData("readOnlyParts")]
    [InlineData("lazy")]
    public void Arrays_read_only_collections_and_sequences_give_the_same_objects(string member)
    {
        using var context = CreateContext();
        context.SetGlobal("a", new Machine(5));

        Assert.Equal("p0,p1,s2,p3,p4", context.Eval<string>($"a.{member}.map(p => p.name).join()"));
        Assert.True(context.Eval<bool>($"const parts = a.parts; a.{member}.every((p, i) => p === parts[i])"));
    }

    [Fact]
    public void Nulls_single_objects_and_collection_expressions_cross()
    {
        using var context = CreateContext();
        context.SetGlobal("a", new Machine(3));

        Assert.Equal("p0,null,p1", context.Eval<string>("a.withNulls.map(p => p === null ? 'null' : p.name).join()"));
        Assert.True(context.Eval<bool>("a.missing === null"));
        Assert.True(context.Eval<bool>("a.first === a.parts[0] && a.firstOnly[0] === a.first && a.firstOnly.length === 1"));
    }

    [Fact]
    public void Host_objects_passed_to_a_function_are_the_objects_js_already_has()
    {
        using var context = CreateContext();
        var assembly = new Machine(3);
        context.SetGlobal("a", assembly);
        var same = context.Eval<JsFunction>("(x, n, y, z) => x === a.parts[0] && n === 7 && y === a && z === a.parts[2] && z.extra === 'special'");

        Assert.True(same.Invoke<bool>(assembly.Parts[0], 7, assembly, assembly.Parts[2]));
        Assert.Same(assembly.Parts[1], context.Eval<JsFunction>("x => x").Invoke(assembly.Parts[1]));

        // An instance JS has never seen gets its JS object on the way in, and keeps it.
        var fresh = new Widget("fresh");
        var keep = context.Eval<JsFunction>("x => { globalThis.kept = x; return x.name; }");
        Assert.Equal("fresh", keep.Invoke<string>(fresh));
        Assert.True(context.Eval<JsFunction>("x => x === kept").Invoke<bool>(fresh));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(100_000)]
    public void Lists_of_host_objects_passed_to_a_function_are_new_arrays_of_the_same_objects(int count)
    {
        using var context = CreateContext();
        var machine = new Machine(count);
        context.SetGlobal("a", machine);
        var check = context.Eval<JsFunction>("""
            (n, parts, x, more, withNulls) => { const all = a.parts; return Array.isArray(parts) && parts !== all && parts.length === all.length
              && parts.every((p, i) => p === all[i]) && Object.getPrototypeOf(parts) === Array.prototype
              && n === 1 && x === a && more.length === 2 && more[0] === a && more[1].name === 'fresh' && more[1] === globalThis.fresh
              && withNulls.length === 3 && withNulls[1] === null && withNulls[2] === a; }
            """);
        var fresh = new Widget("fresh");
        context.Eval<JsFunction>("x => { globalThis.fresh = x; }").Invoke(fresh);

        Assert.True(check.Invoke<bool>(1, machine.Parts, machine, new List<object> { machine, fresh }, new Machine?[] { machine, null, machine }));
    }

    [Fact]
    public void A_call_without_host_objects_after_one_with_them_gets_its_own_arguments()
    {
        using var context = CreateContext();
        var machine = new Machine(3);
        var describe = context.Eval<JsFunction>("(...args) => args.map(a => a === null ? 'null' : typeof a === 'object' ? a.constructor.name : String(a)).join()");
        var fail = context.Eval<JsFunction>("(m) => { throw new Error('no ' + m.parts.length); }");

        Assert.Equal("Machine,1,Widget", describe.Invoke<string>(machine, 1, machine.Parts[0]));
        Assert.Equal("2,3,null", describe.Invoke<string>(2, 3, null));
        Assert.Contains("no 3", Assert.Throws<JavaScriptException>(() => fail.Invoke(machine)).Message);
        Assert.Equal("4,null", describe.Invoke<string>(4, null));
        Assert.Equal("", describe.Invoke<string>());
        Assert.Equal("Machine,Array", describe.Invoke<string>(machine, machine.Parts));
    }

    [Fact]
    public void A_list_of_host_objects_as_an_argument_makes_no_engine_call()
    {
        using var context = CreateContext();
        var machine = new Machine(50);
        var count = context.Eval<JsFunction>("parts => parts.length");
        Assert.Equal(50, count.Invoke<int>(machine.Parts));
        var before = context.Values.GlueCalls;
        Assert.Equal(50, count.Invoke<int>(machine.Parts.ToList()));
        Assert.Equal(before, context.Values.GlueCalls);
    }

    [Fact]
    public void A_host_call_nested_in_another_does_not_disturb_its_result()
    {
        using var context = CreateContext();
        context.SetGlobal("a", new Machine(4));

        Assert.Equal("p0,p1,s2,p3|40", context.Eval<string>("""
            let inner = 0;
            const parts = a.partsAfter(other => { inner = other.parts.length; return other.parts[39].name.length; });
            parts.map(p => p.name).join() + '|' + inner
            """));
    }

    [Fact]
    public void An_object_collected_in_js_comes_back_as_a_working_object()
    {
        using var context = CreateContext();
        var assembly = new Machine(10);
        context.SetGlobal("a", assembly);

        for (var round = 0; round < 5; round++)
        {
            // No JS reference survives the call: the JS objects may be collected before their release runs.
            Assert.Equal(10, context.Eval<int>("a.parts.filter(p => p.name.length > 1).length"));
            context.CollectGarbage();
            Assert.Equal("p0,p1,s2", context.Eval<string>("a.parts.slice(0, 3).map(p => p.name).join()"));
            Assert.Equal("p9", context.Eval<JsFunction>("p => p.name").Invoke<string>(assembly.Parts[9]));
        }

        // Every widget's JS object is garbage now; only the machine (a global) stays.
        for (var i = 0; i < 20 && context.HostClasses.LiveInstanceCount > 1; i++)
        {
            context.CollectGarbage();
            context.RunEventLoopOnce(TimeSpan.Zero);
        }

        Assert.Equal(1, context.HostClasses.LiveInstanceCount);
    }

    [Fact]
    public void Tampered_array_and_object_prototypes_do_not_reach_the_copy()
    {
        using var context = CreateContext();
        context.SetGlobal("a", new Machine(3));

        Assert.Equal("p0,p1,s2", context.Eval<string>("""
            Object.defineProperty(Array.prototype, '0', { set() { throw new Error('setter ran'); }, configurable: true });
            Object.defineProperty(Object.prototype, '1', { set() { throw new Error('setter ran'); }, configurable: true });
            Object.defineProperty(Object.getPrototypeOf(Int32Array.prototype), 'length', { get() { return 1e9; } });
            let names = '';
            const parts = a.parts;
            for (let i = 0; i < parts.length; i++) names += (i ? ',' : '') + parts[i].name;
            names
            """));
    }

    [Fact]
    public void Concurrent_contexts_never_see_each_others_objects()
    {
        var failures = 0;
        Parallel.For(0, 4, worker =>
        {
            using var context = CreateContext();
            var assembly = new Machine(50 + worker);
            context.SetGlobal("a", assembly);
            var check = context.Eval<JsFunction>("(p, n) => { const parts = a.parts; return parts.length === n && parts[n - 1] === p && p === a.partAt(n - 1); }");
            for (var i = 0; i < 200; i++)
            {
                if (!check.Invoke<bool>(assembly.Parts[^1], assembly.Parts.Count))
                    Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }
}
