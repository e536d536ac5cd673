using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/V8Host.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
