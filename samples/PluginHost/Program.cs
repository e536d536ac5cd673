// PluginHost: run untrusted plugin scripts against a small C# API, each in its own isolate with a
// heap limit and a time limit, and show the errors a plugin author would see.
using V8Host;

// Plugins may be hostile: interpret all JavaScript so that limits reach every loop (docs/runtime.md).
V8HostSettings.DisableJitCompilation = true;

var plugins = new (string Name, string Source)[]
{
    ("discount", """
        // Good plugin: 10% off orders over 100.
        const order = shop.currentOrder();
        order.total > 100 ? order.total * 0.9 : order.total
        """),
    ("typo", """
        // Calls an API function with the wrong argument type.
        shop.log(42);
        """),
    ("crash", """
        function applyRules(order) {
            return order.items.map(item => item.price.toFixed(2));   // items is undefined
        }
        applyRules(shop.currentOrder());
        """),
    ("spin", "while (true) {}   // never returns"),
    ("hog", "let chain = {}; while (true) { chain = { next: chain, pad: 'x'.repeat(16) + Math.random() }; }"),
    ("flood", "const a = []; while (true) a.push(new Array(1000).fill('x' + a.length));"),
    ("syntax", "const total = ;"),
};

foreach (var (name, source) in plugins)
    Console.WriteLine($"{name,-9} {RunPlugin(name, source)}");

static string RunPlugin(string name, string source)
{
    // One isolate per plugin: a runaway plugin cannot take the others down with it.
    using var context = new Isolate(new IsolateOptions { MaxHeapBytes = 32 * 1024 * 1024, MaxArrayBufferBytes = 16 * 1024 * 1024 })
        .CreateContextBuilder()
        .UseProfile(PluginApi.Instance)
        .Build();
    try
    {
        var script = context.Compile(source, $"{name}.js");
        return $"ok: {script.Run(TimeSpan.FromMilliseconds(500))}";
    }
    catch (JavaScriptException error)
    {
        var where = error.Frames.Count > 0 ? error.Frames[0].ToString() : $"{error.ScriptResourceName}:{error.LineNumber}:{error.StartColumn + 1}";
        return $"{error.ErrorName ?? "Error"}: {error.JsMessage}\n          at {where}";
    }
    catch (ScriptTerminatedException stopped)
    {
        return $"stopped: {stopped.Message}";
    }
    catch (ScriptResourceException limit)
    {
        return $"stopped: {limit.Message}";
    }
}

/// <summary>The C# API plugins may call, under the JS namespace <c>shop</c>.</summary>
public static partial class ShopApi
{
    [HostFunction("shop.currentOrder")]
    public static Dictionary<string, object> CurrentOrder() => new() { ["id"] = 7, ["total"] = 240.0 };

    [HostFunction("shop.log")]
    public static void Log(string message) => Console.WriteLine($"          [plugin log] {message}");
}

[HostProfile(typeof(ShopApi))]
public partial class PluginApi { }
