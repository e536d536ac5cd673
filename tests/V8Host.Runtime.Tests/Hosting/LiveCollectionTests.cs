using System.Collections.ObjectModel;
using System.Runtime.CompilerServices;
using V8Host.Binding;

namespace V8Host.Tests.Hosting;

/// <summary>A host-class element type, registered by reflection.</summary>
public sealed class Part
{
    public Part(string name) => Name = name;

    public string Name { get; set; }
}

/// <summary>A list whose .NET code refuses some writes: its exceptions must reach JS as errors.</summary>
public sealed class PickyList : Collection<int>
{
    protected override void SetItem(int index, int item)
    {
        if (item < 0)
            throw new InvalidOperationException($"PickyList refuses {item}.");
        base.SetItem(index, item);
    }
}

/// <summary>
/// A host class whose collection members are live views, bound by hand the way generated bindings call
/// <see cref="HostResult.SetLive"/>.
/// </summary>
public sealed class Basket
{
    public List<int> Numbers { get; set; } = new();

    public List<string?> Names { get; } = new();

    public IList<int> Frozen { get; } = new ReadOnlyCollection<int>(new[] { 1, 2, 3 });

    public Dictionary<string, int> Counts { get; } = new();

    public HashSet<string> Tags { get; } = new();

    public LinkedList<int> Log { get; } = new();

    public List<Part> Parts { get; } = new();

    public PickyList Picky { get; } = new() { 1 };

    public int[] Fixed { get; } = { 1, 2 };

    public List<int>? Missing { get; set; }

    /// <summary>A new list on every read: each read is a new view, dropped as soon as JS drops it.</summary>
    public List<int> Fresh => new() { 1, 2, 3 };

    private static HostClassBinding V8HostBinding { get; } = new(typeof(Basket), "Basket", 0, (in HostArgs _) => new Basket(), new[]
    {
        Live("numbers", b => b.Numbers, (Basket b, in HostArgs args) => b.Numbers = args.Get<List<int>>(0, "Basket.numbers", "value")),
        Live("names", b => b.Names),
        Live("frozen", b => b.Frozen),
        Live("counts", b => b.Counts),
        Live("tags", b => b.Tags),
        Live("log", b => b.Log),
        Live("parts", b => b.Parts),
        Live("picky", b => b.Picky),
        Live("fixed", b => b.Fixed),
        Live("missing", b => b.Missing),
        Live("fresh", b => b.Fresh),
        Live("alias", b => b.Numbers),
    });

    private delegate void Setter(Basket basket, in HostArgs args);

    private static HostMemberBinding Live(string name, Func<Basket, object?> get, Setter? set = null) => HostMemberBinding.Property(
        name,
        false,
        (object? self, in HostArgs _, in HostResult result) => result.SetLive(get((Basket)self!), "Basket." + name),
        set is null ? null : (object? self, in HostArgs args, in HostResult result) =>
        {
            set((Basket)self!, args);
            result.SetUndefined();
        });
}

public class LiveCollectionTests
{
    private static Context CreateContext(Basket basket)
    {
        var context = new Isolate().CreateContextBuilder().AddHostClass<Basket>().AddHostClass<Part>().Build();
        context.SetGlobal("basket", basket);
        return context;
    }

    private static string ErrorOf(Context context, string script) =>
        context.Eval<string>($"try {{ {script}; 'no error' }} catch (e) {{ `${{e.name}}: ${{e.message}}` }}");

    [Fact]
    public void A_list_is_the_same_array_view_on_every_read()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);

        Assert.True(context.Eval<bool>("basket.numbers === basket.numbers"));
        Assert.True(context.Eval<bool>("Array.isArray(basket.numbers) && basket.numbers instanceof Array"));
        Assert.True(context.Eval<bool>("basket.alias === basket.numbers"), "one .NET list, one view, whichever member returns it");
        context.Eval("globalThis.kept = basket.numbers");
        Assert.True(context.Eval<bool>("kept === basket.numbers"), "identity holds across calls");
    }

    [Fact]
    public void Array_operations_reach_the_dotnet_list()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);

        Assert.Equal(3, context.Eval<int>("basket.numbers.push(3, 1, 2)"));
        Assert.Equal(new[] { 3, 1, 2 }, basket.Numbers);
        context.Eval("basket.numbers[0] = 5; basket.numbers[3] = 9");
        Assert.Equal(new[] { 5, 1, 2, 9 }, basket.Numbers);
        context.Eval("basket.numbers.sort((a, b) => a - b)");
        Assert.Equal(new[] { 1, 2, 5, 9 }, basket.Numbers);
        Assert.Equal("2", context.Eval<string>("basket.numbers.splice(1, 1, 7, 8).join()"));
        Assert.Equal(new[] { 1, 7, 8, 5, 9 }, basket.Numbers);
        Assert.Equal("7,8", context.Eval<string>("basket.numbers.splice(-4, 2).join()"));
        Assert.Equal(new[] { 1, 5, 9 }, basket.Numbers);
        Assert.Equal(9, context.Eval<int>("basket.numbers.pop()"));
        Assert.Equal(1, context.Eval<int>("basket.numbers.shift()"));
        Assert.Equal(3, context.Eval<int>("basket.numbers.unshift(4, 6)"));
        Assert.Equal(new[] { 4, 6, 5 }, basket.Numbers);
        context.Eval("basket.numbers.reverse()");
        Assert.Equal(new[] { 5, 6, 4 }, basket.Numbers);
        context.Eval("basket.numbers.length = 1");
        Assert.Equal(new[] { 5 }, basket.Numbers);
        context.Eval("Array.prototype.push.call(basket.numbers, 8); basket.numbers.fill(2, 1)");
        Assert.Equal(new[] { 5, 2 }, basket.Numbers);

        basket.Numbers.Add(7);
        Assert.Equal(3, context.Eval<int>("basket.numbers.length"));
        Assert.Equal("5,2,7", context.Eval<string>("[...basket.numbers].join()"));
        Assert.Equal("[5,2,7]", context.Eval<string>("JSON.stringify(basket.numbers)"));
        Assert.Equal("10,4,14|2|true|0,1,2|5,2,7", context.Eval<string>(
            "const n = basket.numbers; [n.map(x => x * 2).join(), n.indexOf(7), n.includes(2), Object.keys(n).join(), n.slice().join()].join('|')"));
        Assert.Equal("5,2,7", context.Eval<string>("const out = []; for (const x of basket.numbers) out.push(x); out.join()"));
    }

    [Fact]
    public void A_for_of_loop_that_changes_the_list_does_not_fail()
    {
        var basket = new Basket { Numbers = { 1, 2, 3 } };
        using var context = CreateContext(basket);

        Assert.Equal("1,3", context.Eval<string>("const seen = []; for (const x of basket.numbers) { seen.push(x); basket.numbers.splice(0, 1); } seen.join()"));
        Assert.Equal(new[] { 3 }, basket.Numbers);
        context.Eval("let i = 0; for (const x of basket.numbers) { if (++i > 3) break; basket.numbers.push(x + 1); }");
        Assert.Equal(new[] { 3, 4, 5, 6 }, basket.Numbers);
    }

    [Fact]
    public void A_wrong_element_type_is_a_type_error_naming_member_and_index_and_changes_nothing()
    {
        var basket = new Basket { Numbers = { 1 } };
        using var context = CreateContext(basket);

        Assert.Equal("TypeError: Basket.numbers[2] expects an integer (Int32); got a string (\"x\").", ErrorOf(context, "basket.numbers.push(2, 'x')"));
        Assert.Equal("TypeError: Basket.numbers[0] expects an integer (Int32); got an object.", ErrorOf(context, "basket.numbers[0] = {}"));
        Assert.Equal("RangeError: Basket.numbers[0] must be an integer; got 1.5.", ErrorOf(context, "basket.numbers[0] = 1.5"));
        Assert.Equal("TypeError: Basket.numbers[1] expects an integer (Int32); got a string (\"y\").", ErrorOf(context, "basket.numbers.splice(0, 1, 3, 'y')"));
        Assert.Equal(new[] { 1 }, basket.Numbers);
        Assert.StartsWith("TypeError: Basket.parts[0] expects a Part; got", ErrorOf(context, "basket.parts.push({ name: 'fake' })"));
        context.Eval("basket.parts.push(new Part('wheel'))");
        Assert.Equal("wheel", Assert.Single(basket.Parts).Name);
        Assert.True(context.Eval<bool>("basket.parts[0] === basket.parts[0] && basket.parts[0] instanceof Part"));
    }

    [Fact]
    public void Holes_are_range_errors_and_only_nullable_elements_let_length_grow()
    {
        var basket = new Basket { Numbers = { 1, 2, 3 } };
        using var context = CreateContext(basket);

        Assert.StartsWith("RangeError: Basket.numbers[5]: index 5 is past the end of the list (length 3)", ErrorOf(context, "basket.numbers[5] = 1"));
        Assert.StartsWith("TypeError: Basket.numbers[0] cannot be deleted: a .NET list has no holes", ErrorOf(context, "delete basket.numbers[0]"));
        Assert.StartsWith("RangeError: Basket.numbers: cannot grow the length from 3 to 5", ErrorOf(context, "basket.numbers.length = 5"));
        Assert.Equal("RangeError: Invalid array length", ErrorOf(context, "basket.numbers.length = -1"));
        Assert.Equal(new[] { 1, 2, 3 }, basket.Numbers);
        Assert.True(context.Eval<bool>("delete basket.numbers[2]"), "deleting the last element removes it");
        Assert.Equal(new[] { 1, 2 }, basket.Numbers);

        context.Eval("basket.names.push('a'); basket.names.length = 3");
        Assert.Equal(new[] { "a", null, null }, basket.Names);
        Assert.Equal("a,null,null", context.Eval<string>("basket.names.map(String).join()"));
    }

    [Fact]
    public void A_read_only_list_rejects_every_write()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);

        Assert.Equal("1,2,3", context.Eval<string>("basket.frozen.join()"));
        foreach (var write in new[] { "basket.frozen.push(4)", "basket.frozen[0] = 9", "basket.frozen.pop()", "basket.frozen.length = 0", "basket.frozen.splice(0, 1)", "basket.frozen.sort((a, b) => b - a)" })
            Assert.StartsWith("TypeError: Basket.frozen is read-only: the .NET ReadOnlyCollection<Int32> cannot be changed", ErrorOf(context, write));
        Assert.Equal(new[] { 1, 2, 3 }, basket.Frozen);
        Assert.False(context.Eval<bool>("Object.getOwnPropertyDescriptor(basket.frozen, 0).writable"));
        Assert.StartsWith("TypeError: Basket.numbers is a live view of a .NET collection: it cannot be frozen", ErrorOf(context, "Object.freeze(basket.numbers)"));
    }

    [Fact]
    public void A_dotnet_exception_in_a_trap_is_a_javascript_error()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);

        Assert.Equal("Error: PickyList refuses -1.", ErrorOf(context, "basket.picky[0] = -1"));
        Assert.True(context.Eval<bool>("try { basket.picky[0] = -1 } catch (e) { e instanceof Error && e.stack.includes('Error: PickyList') }"));
        var exception = Assert.Throws<JavaScriptException>(() => context.Eval("basket.picky[0] = -2"));
        Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Equal(new[] { 1 }, basket.Picky);
    }

    [Fact]
    public void Unknown_properties_are_refused_not_dropped()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);

        Assert.Equal("TypeError: Basket.numbers is a live view of a .NET list: it has elements and a length, no property 'note'.", ErrorOf(context, "basket.numbers.note = 1"));
        Assert.StartsWith("TypeError: Basket.numbers is a live view of a .NET list", ErrorOf(context, "Object.defineProperty(basket.numbers, Symbol.iterator, { value: 1 })"));
        Assert.StartsWith("TypeError: Basket.numbers[0]: an element of a live .NET list is a plain", ErrorOf(context, "Object.defineProperty(basket.numbers, 0, { get() { return 1 } })"));
    }

    [Fact]
    public void The_runtime_finds_the_dotnet_collection_behind_a_view()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);
        using var view = (JsObject)context.Eval("basket.counts")!;
        using var plain = (JsObject)context.Eval("({})")!;

        Assert.Same(basket.Counts, context.Run("test", _ => context.LiveCollections.CollectionOf(context.Resolve(view, "test"))));
        Assert.Null(context.Run("test", _ => context.LiveCollections.CollectionOf(context.Resolve(plain, "test"))));
    }

    [Fact]
    public void Arrays_and_null_are_not_live()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);

        Assert.True(context.Eval<bool>("basket.missing === null"));
        Assert.False(context.Eval<bool>("basket.fixed === basket.fixed"), "a T[] is copied per read (types.md)");
        context.Eval("basket.fixed[0] = 9");
        Assert.Equal(new[] { 1, 2 }, basket.Fixed);
    }

    [Fact]
    public void Assigning_an_array_to_a_live_member_converts_a_copy()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);
        var before = basket.Numbers;

        context.Eval("globalThis.source = [4, 5]; basket.numbers = source; source.push(6)");
        Assert.NotSame(before, basket.Numbers);
        Assert.Equal(new[] { 4, 5 }, basket.Numbers);
        Assert.True(context.Eval<bool>("basket.numbers !== source && basket.numbers.length === 2"));
    }

    [Fact]
    public void A_dictionary_is_a_plain_object_view()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);

        Assert.True(context.Eval<bool>("basket.counts === basket.counts && Object.getPrototypeOf(basket.counts) === null"));
        context.Eval("const c = basket.counts; c.apples = 3; c['pears and plums'] = 4; c.gone = 1; delete c.gone");
        Assert.Equal(new Dictionary<string, int> { ["apples"] = 3, ["pears and plums"] = 4 }, basket.Counts);
        basket.Counts["kiwis"] = 5;
        Assert.Equal("apples,pears and plums,kiwis", context.Eval<string>("Object.keys(basket.counts).join()"));
        Assert.Equal("{\"apples\":3,\"pears and plums\":4,\"kiwis\":5}", context.Eval<string>("JSON.stringify(basket.counts)"));
        Assert.Equal("true|false|undefined|apples=3", context.Eval<string>(
            "const d = basket.counts; ['kiwis' in d, 'toString' in d, String(d.missing), Object.entries(d)[0].join('=')].join('|')"));
        Assert.Equal("TypeError: Basket.counts.apples expects an integer (Int32); got a string (\"many\").", ErrorOf(context, "basket.counts.apples = 'many'"));
        Assert.Equal(3, basket.Counts["apples"]);
        Assert.StartsWith("TypeError: Basket.counts is a live view of a .NET dictionary: its keys are strings", ErrorOf(context, "basket.counts[Symbol.iterator] = 1"));
    }

    [Fact]
    public void Sets_and_other_collections_get_the_set_api()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);

        Assert.Equal("true|false|2", context.Eval<string>(
            "const t = basket.tags; t.add('red').add('blue').add('red'); [t === basket.tags, t instanceof Set, t.size].join('|')"));
        Assert.Equal(new[] { "red", "blue" }, basket.Tags);
        Assert.Equal("true|false|false|true", context.Eval<string>("const s = basket.tags; [s.has('red'), s.has(42), s.delete(42), s.delete('red')].join('|')"));
        Assert.Equal(new[] { "blue" }, basket.Tags);
        basket.Tags.Add("green");
        Assert.Equal("blue,green|blue=blue,green=green|[\"blue\",\"green\"]", context.Eval<string>(
            "const v = basket.tags; [[...v].sort().join(), [...v.entries()].map(e => e.join('=')).sort().join(), JSON.stringify(v.toJSON().sort())].join('|')"));
        Assert.Equal("blue,green", context.Eval<string>("const seen = []; basket.tags.forEach(x => { seen.push(x); basket.tags.add(x + '!'); }); seen.sort().join()"));
        Assert.Equal(4, basket.Tags.Count);
        Assert.Equal("TypeError: Basket.tags.add: value expects a string; got a number (1).", ErrorOf(context, "basket.tags.add(1)"));
        context.Eval("basket.tags.clear()");
        Assert.Empty(basket.Tags);
        Assert.Equal("{\"t\":[\"solo\"]}", context.Eval<string>("basket.tags.add('solo'); JSON.stringify({ t: basket.tags })"));

        context.Eval("basket.log.add(1); basket.log.add(1); basket.log.add(2)");
        Assert.Equal(new[] { 1, 1, 2 }, basket.Log);
        Assert.Equal("3|1,1,2", context.Eval<string>("[basket.log.size, [...basket.log].join()].join('|')"));
        Assert.StartsWith("TypeError: Set view method has called on an object", ErrorOf(context, "Object.getPrototypeOf(basket.tags).has.call({}, 1)"));
    }

    [Fact]
    public void A_view_and_its_collection_are_released_when_javascript_drops_it()
    {
        var basket = new Basket();
        using var context = CreateContext(basket);
        var live = context.LiveCollections;

        context.Eval("for (let i = 0; i < 200; i++) basket.fresh.length");
        Assert.True(live.LiveViewCount > 0);
        WaitUntil(context, () => live.LiveViewCount == 0);

        var weak = KeepInJavaScript(context, basket);
        Collect(context);
        Assert.True(weak.IsAlive, "a view JS still holds keeps its .NET collection");
        Assert.Equal(1, live.LiveViewCount);
        Assert.Equal(3, context.Eval<int>("kept.length"));

        context.Eval("delete globalThis.kept");
        WaitUntil(context, () => live.LiveViewCount == 0 && !weak.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference KeepInJavaScript(Context context, Basket basket)
    {
        var list = new List<int> { 1, 2, 3 };
        basket.Numbers = list;
        context.Eval("globalThis.kept = basket.numbers");
        basket.Numbers = new List<int>();
        return new WeakReference(list);
    }

    private static void Collect(Context context)
    {
        context.CollectGarbage();
        context.RunUntilIdle();
        context.Eval("1");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    // FinalizationRegistry callbacks run as V8 tasks after a collection: poll, with a generous bound.
    private static void WaitUntil(Context context, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the views were not released within 30 seconds");
            Collect(context);
            Thread.Sleep(10);
        }
    }

    [Theory]
    [InlineData(typeof(List<int>), true)]
    [InlineData(typeof(IList<string>), true)]
    [InlineData(typeof(ICollection<int>), true)]
    [InlineData(typeof(Dictionary<string, int>), true)]
    [InlineData(typeof(IDictionary<string, Part>), true)]
    [InlineData(typeof(HashSet<int>), true)]
    [InlineData(typeof(ISet<string>), true)]
    [InlineData(typeof(LinkedList<int>), false)]
    [InlineData(typeof(int[]), false)]
    [InlineData(typeof(IReadOnlyList<int>), false)]
    [InlineData(typeof(IReadOnlyDictionary<string, int>), false)]
    [InlineData(typeof(IEnumerable<int>), false)]
    [InlineData(typeof(Dictionary<int, string>), false)]
    [InlineData(typeof(string), false)]
    public void Mutable_collection_types_are_the_live_ones(Type declared, bool live) =>
        // The type table decides, for generated and reflection members alike (LinkedList<T> is no row at all).
        Assert.Equal(live, V8Host.Shared.Binding.TypeRules.Classify(new V8Host.Engine.Reflection.ClrTypeView(declared, null), V8Host.Shared.Binding.TypePosition.MemberReturn).IsLive);

    [Fact]
    public void A_hostile_script_cannot_break_a_view_or_reach_its_internals()
    {
        var basket = new Basket { Numbers = { 1, 2 } };
        using var context = CreateContext(basket);

        context.Eval("""
            globalThis.leaks = 0;
            const grab = function () { leaks++; };
            // Descriptor fields a glue descriptor would inherit if it had a prototype.
            for (const field of ['value', 'writable', 'enumerable', 'configurable'])
                Object.defineProperty(Object.prototype, field, { __proto__: null, get() { leaks++; return false; }, configurable: true });
            // Trap names a handler would inherit if it had a prototype.
            for (const trap of ['get', 'set', 'has', 'deleteProperty', 'ownKeys', 'getOwnPropertyDescriptor', 'defineProperty',
                                'getPrototypeOf', 'setPrototypeOf', 'isExtensible', 'preventExtensions', 'apply', 'construct'])
                Object.defineProperty(Object.prototype, trap, { __proto__: null, value: grab, configurable: true, writable: true });
            Object.defineProperty(Array.prototype, '0', { __proto__: null, get() { leaks++; return 'evil'; }, set(v) { leaks++; }, configurable: true });
            Array.prototype.push = Array.prototype.splice = Array.prototype.pop = () => { throw new Error('tampered'); };
            Reflect.get = Reflect.set = Reflect.has = Reflect.ownKeys = () => { throw new Error('tampered'); };
            globalThis.Proxy = function () { throw new Error('tampered'); };
            WeakMap.prototype.get = WeakMap.prototype.set = () => { throw new Error('tampered'); };
            JSON.stringify = () => { throw new Error('tampered'); };
            Object.freeze = Object.defineProperty = () => { throw new Error('tampered'); };
            """);

        Assert.Equal("4|9,2,7,8", context.Eval<string>("""
            const n = basket.numbers;
            n.push(7);
            n[0] = 9;
            n.splice(3, 0, 8);
            [n.length, Object.keys(n).map(k => n[k]).join()].join('|')
            """));
        Assert.Equal(new[] { 9, 2, 7, 8 }, basket.Numbers);
        context.Eval("basket.counts.a = 1; basket.tags.add('x'); Object.keys(basket.counts); [...basket.tags]; basket.tags.size");
        Assert.Equal(1, basket.Counts["a"]);
        Assert.Contains("x", basket.Tags);
        Assert.Equal(0, context.Eval<int>("leaks"));
    }
}
