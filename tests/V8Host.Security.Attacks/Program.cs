using V8Host.Security.Attacks;

// Runs ONE scenario and prints `RESULT <name> <outcome>` lines. Exit 0 = the scenario completed
// (whatever its outcomes); anything else (crash, abort, unhandled exception) is a failure of the process.
if (args.Length == 0 || !Registry.Scenarios.TryGetValue(args[0], out var scenario))
{
    Console.Error.WriteLine("usage: V8Host.Security.Attacks <scenario> [args]; scenarios: " + string.Join(", ", Registry.Scenarios.Keys.Order()));
    return 2;
}

Console.WriteLine($"SCENARIO {string.Join(' ', args)}");
scenario(args[1..]);
Console.WriteLine("DONE");
return 0;
