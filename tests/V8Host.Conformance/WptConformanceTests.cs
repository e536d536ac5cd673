using V8Host.Conformance.Wpt;
using Xunit.Abstractions;

namespace V8Host.Conformance;

/// <summary>
/// The web-platform-tests bar: in every area of the subset, V8Host passes at least 90% as many subtests as
/// Node 20 does. The whole subset runs once per test run (about a minute on two cores); each area is its
/// own test case so that a regression names its area and its failing subtests.
/// </summary>
public sealed class WptConformanceTests(ITestOutputHelper output)
{
    private const double Bar = 0.9;

    private static readonly Lazy<ConformanceReport> Report = new(() =>
    {
        var suite = WptSuite.Load();
        return ConformanceReport.Run(suite, suite.Files, Environment.ProcessorCount, timeoutScale: 2);
    });

    public static TheoryData<string> Areas()
    {
        var areas = new TheoryData<string>();
        foreach (var area in WptSuite.Load().Files.Select(file => file.Area).Distinct())
            areas.Add(area);
        return areas;
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void AreaPassesAtLeastNinetyPercentOfNodesSubtests(string area)
    {
        var report = Report.Value;
        var figures = report.Areas.Single(row => row.Area == area);
        output.WriteLine($"{area}: {figures.Passed}/{figures.Total}, Node {figures.NodePassed}/{figures.NodeTotal}");
        var failures = report.Files.Where(file => file.File.Area == area)
            .SelectMany(file => file.Subtests.Where(subtest => !subtest.Passed).Select(subtest => $"{file.File.Path}: {subtest.Name}: {subtest.Status} {subtest.Message}")
                .Concat(file.Errors.Select(error => $"{file.File.Path}: host: {error}")))
            .Take(25);
        Assert.True(figures.Passed >= Math.Ceiling(Bar * figures.NodePassed),
            $"{area}: {figures.Passed} subtests pass, below {Bar:P0} of Node's {figures.NodePassed}. First failures:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void TheSuiteTravelsWithItsLicence()
    {
        var root = WptSuite.Load().Root;
        Assert.True(File.Exists(Path.Combine(root, "LICENSE.md")), "wpt/LICENSE.md (WPT's BSD licence) must travel with the copied tests.");
        Assert.Contains("3-Clause BSD", File.ReadAllText(Path.Combine(root, "LICENSE.md")));
        Assert.True(File.Exists(Path.Combine(root, "NOTICE.md")));
    }
}
