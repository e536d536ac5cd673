using V8Host.Binding;

namespace V8Host.Tests.Hosting;

/// <summary>A host class registered by reflection.</summary>
public sealed class Customer
{
    public Customer(string name) => Name = name;

    public string Name { get; set; }

    public Customer? Referrer { get; set; }

    public static int Count { get; set; }

    public string Greet() => "hi " + Name;
}

/// <summary>A host class with its own toJSON member, which JSON.stringify must keep using.</summary>
public sealed class Token
{
    public string Secret { get; set; } = "s3cret";

    // JSON.stringify passes the key.
    [HostName("toJSON")]
    public string ToJson(string key = "") => "redacted";
}

/// <summary>A host class whose getter fails, bound by hand as a generated binding calls the getter.</summary>
public sealed class Broken
{
    public int Fine => 1;

    public int Failing => throw new InvalidOperationException("Failing is not available.");

    private static HostClassBinding V8HostBinding { get; } = new(typeof(Broken), "Broken", 0, (in HostArgs _) => new Broken(), new[]
    {
        HostMemberBinding.Property("fine", false, (object? self, in HostArgs _, in HostResult result) => result.Set(((Broken)self!).Fine), null),
        HostMemberBinding.Property("failing", false, (object? self, in HostArgs _, in HostResult result) => result.Set(((Broken)self!).Failing), null),
    });
}

/// <summary>A host class bound by hand, with live collection members as generated bindings return them.</summary>
public sealed class Invoice
{
    public int Number { get; set; } = 7;

    public Customer Customer { get; set; } = new("Ann");

    public List<string> Lines { get; } = new() { "tea", "cake" };

    public Dictionary<string, int> Totals { get; } = new() { ["tea"] = 3 };

    private static HostClassBinding V8HostBinding { get; } = new(typeof(Invoice), "Invoice", 0, null, new[]
    {
        HostMemberBinding.Property("number", false, (object? self, in HostArgs _, in HostResult result) => result.Set(((Invoice)self!).Number), null),
        HostMemberBinding.Property("customer", false, (object? self, in HostArgs _, in HostResult result) => result.SetObject(((Invoice)self!).Customer), null),
        HostMemberBinding.Property("lines", false, (object? self, in HostArgs _, in HostResult result) => result.SetLive(((Invoice)self!).Lines, "Invoice.lines"), null),
        HostMemberBinding.Property("totals", false, (object? self, in HostArgs _, in HostResult result) => result.SetLive(((Invoice)self!).Totals, "Invoice.totals"), null),
        HostMemberBinding.Property("prefix", true, (object? _, in HostArgs _, in HostResult result) => result.Set("INV"), null),
        HostMemberBinding.Method("total", false, 0, (object? self, in HostArgs _, in HostResult result) => result.Set(((Invoice)self!).Totals.Values.Sum())),
    });
}

public class HostObjectJsonTests
{
    private static Context CreateContext() =>
        new Isolate().CreateContextBuilder().AddHostClass<Customer>().AddHostClass<Token>().AddHostClass<Broken>().AddHostClass<Invoice>().Build();

    [Fact]
    public void Stringify_gives_the_public_instance_properties_with_nested_host_objects_and_live_collections()
    {
        using var context = CreateContext();
        var invoice = new Invoice();
        invoice.Customer.Referrer = new Customer("Bob");
        context.SetGlobal("invoice", invoice);

        Assert.Equal(
            "{\"number\":7,\"customer\":{\"name\":\"Ann\",\"referrer\":{\"name\":\"Bob\",\"referrer\":null}},\"lines\":[\"tea\",\"cake\"],\"totals\":{\"tea\":3}}",
            context.Eval<string>("JSON.stringify(invoice)"));
        context.Eval("invoice.lines.push('jam'); invoice.totals.jam = 2");
        Assert.Equal("[\"tea\",\"cake\",\"jam\"]|{\"tea\":3,\"jam\":2}", context.Eval<string>("const j = JSON.parse(JSON.stringify(invoice)); JSON.stringify(j.lines) + '|' + JSON.stringify(j.totals)"));
    }

    [Fact]
    public void Reflection_registered_classes_get_to_json_too_and_it_is_not_enumerable()
    {
        using var context = CreateContext();

        Assert.Equal("{\"name\":\"Cy\",\"referrer\":null}", context.Eval<string>("JSON.stringify(new Customer('Cy'))"));
        Assert.Equal("name:Cy", context.Eval<string>("Object.entries(new Customer('Cy').toJSON()).filter(e => e[1] !== null).map(e => e.join(':')).join()"));
        Assert.False(context.Eval<bool>("Object.getOwnPropertyDescriptor(Customer.prototype, 'toJSON').enumerable"));
        Assert.DoesNotContain("toJSON", context.Eval<string>("Object.keys(Customer.prototype).join()"));
        Assert.Equal("[{\"name\":\"A\",\"referrer\":null}]", context.Eval<string>("JSON.stringify([new Customer('A')])"));
    }

    [Fact]
    public void The_glue_getters_are_used_whatever_a_script_puts_on_the_prototype()
    {
        using var context = CreateContext();

        Assert.Equal("{\"name\":\"Dee\",\"referrer\":null}", context.Eval<string>(
            "Object.defineProperty(Customer.prototype, 'name', { get() { return 'fake' } }); JSON.stringify(new Customer('Dee'))"));
        Assert.Contains("not a Customer", context.Eval<string>("try { Customer.prototype.toJSON.call({}) } catch (e) { `${e.name}: ${e.message}` }"));
    }

    [Fact]
    public void A_class_with_its_own_to_json_keeps_it()
    {
        using var context = CreateContext();

        Assert.Equal("\"redacted\"", context.Eval<string>("JSON.stringify(new Token())"));
    }

    [Fact]
    public void A_failing_getter_fails_stringify_with_its_own_error()
    {
        using var context = CreateContext();

        Assert.Equal("Error: Failing is not available.", context.Eval<string>("try { JSON.stringify(new Broken()) } catch (e) { `${e.name}: ${e.message}` }"));
        var exception = Assert.Throws<JavaScriptException>(() => context.Eval("JSON.stringify(new Broken())"));
        Assert.IsType<InvalidOperationException>(exception.InnerException);
    }

    [Fact]
    public void Serializing_a_host_object_is_a_data_clone_error()
    {
        using var context = CreateContext();
        var customer = new Customer("Eve");

        var direct = Assert.Throws<JavaScriptException>(() => context.Serialize(customer));
        Assert.Equal("DataCloneError", direct.ErrorName);
        Assert.Equal("The value is a host object (HostClass Customer) and cannot be cloned; pass plain data instead.", direct.JsMessage);

        var nested = Assert.Throws<JavaScriptException>(() => context.Serialize(new Dictionary<string, object?> { ["who"] = new List<object?> { 1, customer } }));
        Assert.Equal("DataCloneError", nested.ErrorName);
        Assert.Contains("(HostClass Customer)", nested.JsMessage);

        Assert.Equal(new byte[] { 0xC5, 0x01, 0x05, 0x02 }, context.Serialize(1));
    }

    [Fact]
    public void Serializing_a_live_view_is_a_data_clone_error()
    {
        using var context = CreateContext();
        context.SetGlobal("invoice", new Invoice());

        foreach (var view in new[] { "invoice.lines", "invoice.totals" })
        {
            using var handle = (JsObject)context.Eval(view)!;
            var exception = Assert.Throws<JavaScriptException>(() => context.Serialize(handle));
            Assert.Equal("DataCloneError", exception.ErrorName);
            Assert.Contains($"(live view of {view.Replace("invoice", "Invoice")})", exception.JsMessage);
        }

        using var copy = (JsArray)context.Eval("[...invoice.lines]")!;
        Assert.Equal(new object?[] { "tea", "cake" }, context.Deserialize(context.Serialize(copy)) is JsArray back ? back.ToArray() : null);
    }
}
