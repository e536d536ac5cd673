using BenchmarkDotNet.Running;
using V8Host.Benchmarks.RulesEngine;
using V8Host.Benchmarks.Servers;

// dotnet run -c Release --project bench/V8Host.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/V8Host.Benchmarks -- shared-isolate-check   (not a benchmark: prints what sharing an isolate gives up)
// dotnet run -c Release --project bench/V8Host.Benchmarks -- rules-crossings        (not a benchmark: the rules engine's pieces timed in one process)
if (args is ["shared-isolate-check"])
    SharedIsolateCheck.Run();
else if (args is ["rules-crossings"])
    CrossingCheck.Run();
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
