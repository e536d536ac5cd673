using System.Reflection;
using V8Host.Generators.Tests.Infrastructure;

namespace V8Host.Generators.Tests.Binding;

/// <summary>
/// Plain data through generated converters and live collections through generated members, in real V8:
/// records nested in lists cross by value both ways, <c>[HostData]</c> types read back through
/// <c>Eval&lt;T&gt;</c>, and a host class's mutable list is the .NET list itself.
/// </summary>
public sealed class GeneratedDataTests : IDisposable
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Linq;

        namespace Shop;

        public sealed record Line(string Sku, int Quantity, decimal Price);

        [HostData]
        public sealed record Order(string Id, List<Line> Lines)
        {
            public string? Note { get; init; }
            public decimal Total => Lines.Sum(l => l.Quantity * l.Price);
        }

        public struct Point { public double X; public double Y; }

        public class Settings { public string Theme { get; set; } = "dark"; public int Size { get; set; } = 12; }

        [HostClass]
        public partial class Cart
        {
            public List<Line> Lines { get; } = new();
            public IReadOnlyList<Line> Snapshot => Lines.ToArray();
            public Dictionary<string, int> Counts { get; } = new();
            public int Count() => Lines.Count;
        }

        public static partial class Api
        {
            [HostFunction] public static decimal Total(List<Order> orders) => orders.Sum(o => o.Total);
            [HostFunction] public static Order Make(string id) => new(id, new List<Line> { new("a", 2, 1.25m), new("b", 1, 10m) }) { Note = "gift" };
            [HostFunction] public static Point Mirror(Point p) => new() { X = -p.X, Y = -p.Y };
            [HostFunction] public static string Describe(Settings settings) => settings.Theme + "/" + settings.Size;
            [HostFunction] public static Cart NewCart() => new();
            [HostFunction] [return: HostDecimalAsString] public static decimal Exact([HostDecimalAsString] decimal value) => value * 10;
            [HostFunction] public static decimal Inexact() => 12345678901234567.89m;
            [HostFunction] public static bool IsCartLines(Cart cart, List<Line> lines) => ReferenceEquals(cart.Lines, lines);
        }

        [HostProfile(typeof(Cart), typeof(Api))]
        public partial class ShopProfile { }
        """;

    private static readonly Lazy<(GeneratorRun Run, LoadedAssembly Assembly)> s_compiled = new(() =>
    {
        var run = GeneratorHarness.Run(Source);
        return (run, GeneratorHarness.Load(run));
    });

    private readonly Context _context;

    public GeneratedDataTests() => _context = s_compiled.Value.Assembly.CreateContext("Shop.ShopProfile");

    public void Dispose() => _context.Dispose();

    private Type TypeNamed(string name) => s_compiled.Value.Assembly.TypeNamed(name);

    [Fact]
    public void Generation_is_clean_and_emits_a_converter_per_plain_data_type()
    {
        var run = s_compiled.Value.Run;
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputErrors);
        foreach (var type in new[] { "Shop_Order", "Shop_Line", "Shop_Point", "Shop_Settings" })
            Assert.Contains(run.Sources.Keys, k => k.Contains(type, StringComparison.Ordinal));
        var typeScript = run.Source("V8Host.TypeScript");
        Assert.Contains("interface Order {\n    id: string;\n    lines: Line[];\n    note: string | null;\n    total: number;\n}", typeScript);
        Assert.Contains("declare function total(orders: Order[]): number;", typeScript);
        Assert.Contains("readonly lines: Line[];", typeScript.Replace("    readonly snapshot: readonly Line[];", string.Empty));
    }

    [Fact]
    public void Records_nested_in_lists_cross_by_value_both_ways()
    {
        Assert.Equal("gift 2 12.5", _context.Eval<string>("const o = make('A1'); `${o.note} ${o.lines.length} ${o.total}`"));
        Assert.Equal(25m, _context.Eval<decimal>("total([make('x'), make('y')])"));
        Assert.Equal(7m, _context.Eval<decimal>("total([{ id: 'z', lines: [{ sku: 'q', quantity: 7, price: 1 }] }])"));
    }

    [Fact]
    public void A_missing_member_is_a_type_error_naming_it()
    {
        var error = _context.Eval<string>("try { total([{ id: 'z' }]) } catch (e) { `${e.name}: ${e.message}` }");
        Assert.StartsWith("TypeError:", error);
        Assert.Contains("lines", error);
    }

    [Fact]
    public void Structs_and_classes_are_plain_data_too()
    {
        Assert.Equal("-1,2", _context.Eval<string>("const p = mirror({ x: 1, y: -2 }); `${p.x},${p.y}`"));
        Assert.Equal("light/12", _context.Eval<string>("describe({ theme: 'light' })")); // absent members keep their defaults
    }

    [Fact]
    public void Host_data_types_read_back_through_typed_eval()
    {
        var order = Eval(TypeNamed("Shop.Order"), "({ id: 'B7', lines: [{ sku: 's', quantity: 3, price: 0.1 }], note: null })");
        Assert.Equal("B7", order.GetType().GetProperty("Id")!.GetValue(order));
        Assert.Equal(0.3m, order.GetType().GetProperty("Total")!.GetValue(order));
    }

    [Fact]
    public void A_host_class_list_is_live_and_keeps_identity()
    {
        Assert.Equal(true, _context.Eval("globalThis.cart = newCart(); cart.lines === cart.lines"));
        _context.Eval("cart.lines.push({ sku: 'p', quantity: 1, price: 2 }); cart.counts.p = 1");
        Assert.Equal(1, _context.Eval<int>("cart.count()"));
        Assert.Equal(1, _context.Eval<int>("cart.counts.p"));
        // A view going back into .NET is the collection itself; an Array is a copy.
        Assert.Equal(true, _context.Eval("isCartLines(cart, cart.lines)"));
        Assert.Equal(false, _context.Eval("isCartLines(cart, [...cart.lines])"));
        // A read-only list is a copy: pushing to it does not reach .NET.
        Assert.Equal(1, _context.Eval<int>("const copy = cart.snapshot; copy.push({ sku: 'x', quantity: 1, price: 1 }); cart.count()"));
        Assert.Equal("{\"lines\":[{\"sku\":\"p\",\"quantity\":1,\"price\":2}],\"snapshot\":[{\"sku\":\"p\",\"quantity\":1,\"price\":2}],\"counts\":{\"p\":1}}", _context.Eval<string>("JSON.stringify(cart)"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Decimals_as_strings_and_inexact_decimals_behave_the_same_on_both_paths(bool reflected)
    {
        using var context = reflected ? ReflectedContext() : s_compiled.Value.Assembly.CreateContext("Shop.ShopProfile");
        Assert.Equal("123456789012345678.90", context.Eval<string>("exact('12345678901234567.89')"));
        var error = context.Eval<string>("try { inexact() } catch (e) { `${e.name}: ${e.message}` }");
        Assert.StartsWith("RangeError: inexact: return value", error);
        Assert.Contains("HostDecimalAsString", error);
    }

    private Context ReflectedContext()
    {
        var api = TypeNamed("Shop.Api");
        var builder = new Isolate().CreateContextBuilder();
        foreach (var name in new[] { "Exact", "Inexact" })
        {
            var method = api.GetMethod(name)!;
            var function = method.CreateDelegate(System.Linq.Expressions.Expression.GetDelegateType(method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).ToArray()));
            builder.AddHostFunction(char.ToLowerInvariant(name[0]) + name[1..], function);
        }

        return builder.Build();
    }

    private object Eval(Type type, string code) =>
        typeof(Context).GetMethods().Single(m => m.Name == nameof(Context.Eval) && m.IsGenericMethodDefinition && m.GetParameters().Length == 2)
            .MakeGenericMethod(type).Invoke(_context, new object?[] { code, null })!;
}
