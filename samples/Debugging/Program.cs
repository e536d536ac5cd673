// V8Host debugging sample: waits for Chrome DevTools or VS Code, then runs scripts/pricing.js.
//
//   dotnet run --project samples/Debugging            (port 9229, where chrome://inspect and VS Code look)
//   dotnet run --project samples/Debugging -- 9230    (another port)
//
// Then attach (docs/debugging.md has the steps and screenshots):
//   Chrome:  open chrome://inspect, "Configure…" localhost:9229 if it is not listed, click "inspect";
//            or paste the devtools:// URL printed below into the address bar.
//   VS Code: open this folder and start "Attach to V8Host" (.vscode/launch.json).
// The script stops on its first line; breakpoints set before that bind. Resume (F8 / F5) to run it.
using V8Host;

var port = args.Length > 0 && int.TryParse(args[0], out var given) ? given : 9229;
var options = new IsolateOptions { EnableInspector = true, InspectorPort = port, WaitForDebugger = true };
using var context = new Isolate(options).CreateContext();

Console.WriteLine($"Debugger port: {context.Inspector.Port}");
Console.WriteLine($"Chrome DevTools: {context.Inspector.DevToolsUrl}");
Console.WriteLine($"WebSocket: {context.Inspector.WebSocketUrl}");
Console.WriteLine("Waiting for a debugger to attach…");

// Named by its full path: DevTools shows that name, and VS Code opens the file itself.
var path = Path.Combine(AppContext.BaseDirectory, "scripts", "pricing.js");
var total = context.Compile(File.ReadAllText(path), path).Run();
Console.WriteLine($"total: {total}");
