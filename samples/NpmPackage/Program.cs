// NpmPackage: loads npm packages (dayjs, marked) from node_modules with ModuleLoader.FromDirectory.
// Run `npm install` in this folder first (see README.md).
using V8Host;

var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
if (!Directory.Exists(Path.Combine(root, "node_modules", "dayjs")))
{
    Console.Error.WriteLine($"No node_modules in {root}: run `npm install` in samples/NpmPackage first, then `dotnet run` from there.");
    return 1;
}

// The loader never reads outside root; module URLs are the files' real file:// URLs.
using var context = new Isolate().CreateContextBuilder()
    .UseModules(ModuleLoader.FromDirectory(root))
    .Build();

// An ES module tree: app.mjs imports both packages (dayjs is CommonJS, marked an ES module).
var app = await context.ImportAsync("./app.mjs");
Console.WriteLine(app.Get<string>("summary"));
Console.WriteLine(app.Get<string>("html").Trim());
Console.WriteLine($"dayjs {app.Get<string>("requiredVersion")} (read through require)");

// The same package through require(), from .NET: module.exports, cached per resolved file.
var dayjs = (JsFunction)context.Require("dayjs")!;
using var millennium = (JsObject)dayjs.Invoke("2000-01-01")!;
Console.WriteLine($"require('dayjs')('2000-01-01').year() = {millennium.Get<JsFunction>("year").InvokeWithThis(millennium)}");

// A specifier that does not resolve names what was tried.
try
{
    await context.ImportAsync("left-pad");
}
catch (JavaScriptException error)
{
    Console.WriteLine(error.JsMessage[..Math.Min(120, error.JsMessage.Length)] + "…");
}

return 0;
