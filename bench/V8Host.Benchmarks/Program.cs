using BenchmarkDotNet.Running;
using V8Host.Benchmarks.Servers;

// dotnet run -c Release --project bench/V8Host.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/V8Host.Benchmarks -- shared-isolate-check   (not a benchmark: prints what sharing an isolate gives up)
if (args is ["shared-isolate-check"])
    SharedIsolateCheck.Run();
else
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
