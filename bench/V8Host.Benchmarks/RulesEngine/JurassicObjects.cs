using Jurassic;
using Jurassic.Library;

namespace V8Host.Benchmarks.RulesEngine;

// Jurassic 3.2.4 has two ways to show .NET objects to JS. ClrInstanceWrapper (with
// EnableExposedClrTypes) binds any object by reflection, but under its .NET names only (`order.Items`,
// `item.UnitPrice`: it ignores [JSProperty(Name = ...)], tried), so the rule's JS would differ. The
// way its documentation builds host objects is an ObjectInstance subclass whose [JSProperty] and
// [JSFunction] members are bound once on a prototype (PopulateFunctions); that keeps the JS identical.
// These are those subclasses: thin views over the same C# objects, one created per order and call.

/// <summary>A JS view of a <see cref="RuleLineItem"/>: <c>sku</c>, <c>quantity</c>, <c>unitPrice</c>.</summary>
public sealed class JurassicLineItem : ObjectInstance
{
    private readonly RuleLineItem? _item;

    private JurassicLineItem(ObjectInstance prototype, RuleLineItem? item)
        : base(prototype) => _item = item;

    /// <summary>The prototype every item view shares: its getters bound once, by reflection.</summary>
    public static JurassicLineItem CreatePrototype(ScriptEngine engine)
    {
        var prototype = new JurassicLineItem(engine.Object.InstancePrototype, null);
        prototype.PopulateFunctions();
        return prototype;
    }

    public static JurassicLineItem Wrap(ObjectInstance prototype, RuleLineItem item) => new(prototype, item);

    [JSProperty(Name = "sku")]
    public string Sku => _item!.Sku;

    [JSProperty(Name = "quantity")]
    public int Quantity => _item!.Quantity;

    [JSProperty(Name = "unitPrice")]
    public double UnitPrice => _item!.UnitPrice;
}

/// <summary>A JS view of a <see cref="RuleOrder"/>: <c>id</c>, <c>tier</c>, <c>region</c>, <c>items</c>.</summary>
public sealed class JurassicOrder : ObjectInstance
{
    private readonly RuleOrder? _order;
    private readonly ObjectInstance _itemPrototype;

    private JurassicOrder(ObjectInstance prototype, RuleOrder? order, ObjectInstance itemPrototype)
        : base(prototype)
    {
        _order = order;
        _itemPrototype = itemPrototype;
    }

    public static JurassicOrder CreatePrototype(ScriptEngine engine, ObjectInstance itemPrototype)
    {
        var prototype = new JurassicOrder(engine.Object.InstancePrototype, null, itemPrototype);
        prototype.PopulateFunctions();
        return prototype;
    }

    public static JurassicOrder Wrap(ObjectInstance prototype, RuleOrder order, ObjectInstance itemPrototype) => new(prototype, order, itemPrototype);

    [JSProperty(Name = "id")]
    public int Id => _order!.Id;

    [JSProperty(Name = "tier")]
    public string Tier => _order!.Tier;

    [JSProperty(Name = "region")]
    public string Region => _order!.Region;

    /// <summary>A new JS Array of item views on every read, as V8Host's [HostClass] copies a read-only list.</summary>
    [JSProperty(Name = "items")]
    public ArrayInstance Items
    {
        get
        {
            var items = _order!.Items;
            var views = new object[items.Count];
            for (var i = 0; i < views.Length; i++)
                views[i] = JurassicLineItem.Wrap(_itemPrototype, items[i]);
            return Engine.Array.New(views);
        }
    }
}

/// <summary><c>pricing</c>: its two [JSFunction] methods call the shared <see cref="RulePricing"/>.</summary>
public sealed class JurassicPricing : ObjectInstance
{
    private readonly RulePricing _pricing;

    public JurassicPricing(ScriptEngine engine, RulePricing pricing)
        : base(engine)
    {
        _pricing = pricing;
        PopulateFunctions();
    }

    [JSFunction(Name = "discountFor")]
    public double DiscountFor(string tier, double total) => _pricing.DiscountFor(tier, total);

    [JSFunction(Name = "taxRate")]
    public double TaxRate(string region) => _pricing.TaxRate(region);
}
