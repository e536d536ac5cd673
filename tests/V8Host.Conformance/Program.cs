using System.Runtime.InteropServices;
using V8Host.Conformance.Wpt;

namespace V8Host.Conformance;

/// <summary>
/// <c>dotnet run -c Release --project tests/V8Host.Conformance -- [filters] [--verbose] [--markdown FILE] [--jobs N] [--timeout-scale X]</c>:
/// runs the WPT files whose path contains one of the filters (all without filters) and prints passed/total per
/// file and area next to Node's; <c>--markdown</c> writes docs/conformance.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var filters = new List<string>();
        var verbose = false;
        string? markdown = null;
        var jobs = Environment.ProcessorCount;
        var timeoutScale = 1.0;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--verbose":
                    verbose = true;
                    break;
                case "--markdown" when i + 1 < args.Length:
                    markdown = args[++i];
                    break;
                case "--jobs" when i + 1 < args.Length:
                    jobs = int.Parse(args[++i]);
                    break;
                case "--timeout-scale" when i + 1 < args.Length:
                    timeoutScale = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        Console.Error.WriteLine($"unknown option {args[i]}; use [filters] [--verbose] [--markdown FILE] [--jobs N] [--timeout-scale X]");
                        return 2;
                    }
                    filters.Add(args[i]);
                    break;
            }
        }

        var suite = WptSuite.Load();
        var files = suite.Files.Where(file => filters.Count == 0 || filters.Any(filter => file.Path.Contains(filter, StringComparison.Ordinal))).ToArray();
        if (files.Length == 0)
        {
            Console.Error.WriteLine("no test file matches " + string.Join(", ", filters));
            return 2;
        }
        var report = ConformanceReport.Run(suite, files, jobs, timeoutScale);
        Console.Write(report.ToText(verbose));
        if (markdown is not null)
        {
            File.WriteAllText(markdown, report.ToMarkdown($"{RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, V8Host {typeof(Context).Assembly.GetName().Version}"));
            Console.WriteLine("wrote " + markdown);
        }
        return 0;
    }
}
