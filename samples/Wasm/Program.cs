// Wasm: a pricing plugin compiled from C (pricing.c) calls C# through a generated host profile, and
// C# calls the plugin's export in a loop, through a typed delegate checked against its signature.
using System.Diagnostics;
using V8Host;

using var context = new Isolate(new IsolateOptions { MaxWasmMemoryBytes = 16 * 1024 * 1024 }).CreateContext();
using var module = context.CompileWasm(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "pricing.wasm")));

Console.WriteLine("imports: " + string.Join(", ", module.Imports.Select(i => $"{i.Module}.{i.Name} {i.Signature}")));
Console.WriteLine("exports: " + string.Join(", ", module.Exports.Select(e => $"{e.Name} {e.Signature}")));

// The profile's functions become the imports of module "shop": no glue written by hand.
using var instance = context.InstantiateWasm(module, new WasmImports().Add("shop", ShopProfile.Instance));
var orderTotal = instance.GetFunction<Func<int, int, int, double>>("orderTotal");

for (var order = 1; order <= 5; order++)
    Console.WriteLine($"order {order}: {orderTotal(order, order * 100, order * 20):F2}");

const int Orders = 100_000;
var stopwatch = Stopwatch.StartNew();
var sum = 0.0;
for (var order = 0; order < Orders; order++)
    sum += orderTotal(order, order % 1000, 10);
stopwatch.Stop();
Console.WriteLine($"{Orders:N0} orders priced in wasm, {Orders * 10:N0} host calls: sum {sum:F2}, {stopwatch.Elapsed.TotalMicroseconds / Orders:F2} µs per order");
Console.WriteLine($"orders flagged by the plugin: {Shop.Flagged}");

/// <summary>The C# side of the plugin's imports.</summary>
public static partial class Shop
{
    public static int Flagged { get; private set; }

    /// <summary>shop.unitPrice: the price of a product, in the host's catalogue.</summary>
    [HostFunction]
    public static double UnitPrice(int sku) => 5 + sku % 17 * 0.25;

    /// <summary>shop.flag: the plugin reports a large order.</summary>
    [HostFunction]
    public static void Flag(int order, double total)
    {
        if (Flagged++ < 3)
            Console.WriteLine($"  flagged: order {order}, total {total:F2}");
    }
}

[HostProfile(typeof(Shop))]
public partial class ShopProfile { }
