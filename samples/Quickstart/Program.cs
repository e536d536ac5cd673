// Quickstart: JavaScript computes an invoice with help from C# host functions.
using V8Host;

var taxRates = new Dictionary<string, double> { ["food"] = 0.07, ["books"] = 0.0, ["tools"] = 0.19 };

using var context = new Isolate(new IsolateOptions { MaxHeapBytes = 64 * 1024 * 1024 })
    .CreateContextBuilder()
    .AddHostFunction("taxRate", (string category) =>
        taxRates.TryGetValue(category, out var rate) ? rate : throw new ArgumentException($"unknown category '{category}'"))
    .AddHostFunction("money.format", (double amount) => amount.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("en-US")))
    .SetGlobal("items", new[]
    {
        new Dictionary<string, object> { ["name"] = "Coffee", ["category"] = "food", ["price"] = 12.5, ["qty"] = 2 },
        new Dictionary<string, object> { ["name"] = "SICP", ["category"] = "books", ["price"] = 45.0, ["qty"] = 1 },
        new Dictionary<string, object> { ["name"] = "Hammer", ["category"] = "tools", ["price"] = 19.9, ["qty"] = 3 },
    })
    .Build();

var invoice = context.Eval<JsObject>("""
    const lines = items.map(item => {
        const net = item.price * item.qty;
        const tax = net * taxRate(item.category);
        return { name: item.name, net, tax };
    });
    const total = lines.reduce((sum, line) => sum + line.net + line.tax, 0);
    ({ lines, total, summary: `${lines.length} items, total ${money.format(total)}` })
    """, TimeSpan.FromSeconds(5));

foreach (var line in invoice.Get<JsArray>("lines").Cast<JsObject>())
    Console.WriteLine($"{line.Get<string>("name"),-8} net {line.Get<double>("net"),7:F2}  tax {line.Get<double>("tax"),6:F2}");
Console.WriteLine(invoice.Get<string>("summary"));

// Errors come back structured: name, message, line and frames.
try
{
    context.Eval("items.map(item => taxRate('toys'))");
}
catch (JavaScriptException error)
{
    Console.WriteLine($"JS error: {error.ErrorName}: {error.JsMessage} (line {error.LineNumber})");
}
