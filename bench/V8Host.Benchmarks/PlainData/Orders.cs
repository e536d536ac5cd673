using Microsoft.ClearScript;

namespace V8Host.Benchmarks.PlainData;

// The data every plain-data variant moves. [HostData] makes the V8Host generator emit the
// reflection-free converters (V8Host names the JS properties camelCase by policy). ClearScript has no
// naming policy, so [ScriptMember] gives its host-object proxies the same names; Jint maps
// `quantity` -> `Quantity` by itself. All variants therefore run the same JS.

/// <summary>One order line: JS sees <c>{ sku, quantity, price }</c>.</summary>
[HostData]
public sealed record Line(
    [property: ScriptMember("sku")] string Sku,
    [property: ScriptMember("quantity")] int Quantity,
    [property: ScriptMember("price")] double Price);

/// <summary>An order of <see cref="OrderData.LinesPerOrder"/> lines: JS sees <c>{ id, customer, lines }</c>.</summary>
[HostData]
public sealed record Order(
    [property: ScriptMember("id")] string Id,
    [property: ScriptMember("customer")] string Customer,
    [property: ScriptMember("lines")] List<Line> Lines);
