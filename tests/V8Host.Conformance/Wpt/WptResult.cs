namespace V8Host.Conformance.Wpt;

/// <summary>testharness.js's subtest statuses, in its numbering.</summary>
public enum SubtestStatus
{
    Pass = 0,
    Fail = 1,
    Timeout = 2,
    NotRun = 3,
    PreconditionFailed = 4,
}

/// <summary>One subtest's outcome.</summary>
public sealed record SubtestResult(string Name, SubtestStatus Status, string? Message)
{
    /// <summary>Only PASS counts as passed.</summary>
    public bool Passed => Status == SubtestStatus.Pass;
}

/// <summary>
/// One test file's outcome: the harness status (OK, ERROR, TIMEOUT, PRECONDITION_FAILED, or a host failure),
/// every subtest the harness created, and the uncaught errors the host saw.
/// </summary>
public sealed record WptFileResult(WptTestFile File, string Harness, string? HarnessMessage, IReadOnlyList<SubtestResult> Subtests, IReadOnlyList<string> Errors)
{
    /// <summary>Subtests with status PASS.</summary>
    public int Passed => Subtests.Count(subtest => subtest.Passed);
}
