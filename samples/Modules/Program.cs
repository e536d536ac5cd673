// Modules: ES modules compiled from strings, linked by specifier, with their namespaces read from C#.
using V8Host;

using var context = new Isolate().CreateContext();

// A library module and an app module that imports it under a name of our choosing.
var money = context.CompileModule("""
    export const currency = 'EUR';
    export function format(cents) { return `${(cents / 100).toFixed(2)} ${currency}`; }
    """, "lib/money.js");
var app = context.CompileModule("""
    import { format } from 'money';
    const prices = [1999, 4500, 250];
    export const total = prices.reduce((a, b) => a + b, 0);
    export const label = `Total: ${format(total)}`;
    """, "app.js");

money.Instantiate();
app.Instantiate(new Dictionary<string, Module> { ["money"] = money });
app.Evaluate();

Console.WriteLine($"{app.Specifier}: {app.Status}");
Console.WriteLine(app.Namespace.Get<string>("label"));
Console.WriteLine($"exports of {money.Specifier}: {string.Join(", ", money.Namespace.Keys)}");

// Unresolvable imports fail at evaluation, naming the specifier.
var broken = context.CompileModule("import { nope } from 'missing'; export default nope;", "broken.js");
broken.Instantiate();
try
{
    broken.Evaluate();
}
catch (JavaScriptException error)
{
    Console.WriteLine($"{broken.Specifier}: {broken.Status} - {error.JsMessage}");
}
