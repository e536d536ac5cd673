namespace V8Host.Security.Tests;

/// <summary>Host-class instances that scripts drop are released; live ones keep their identity.</summary>
public class HostClassLifetimeTests
{
    [Fact]
    public void Dropped_instances_are_finalized() =>
        ChildProcess.Completed("hostclass", "release").AssertResult("hostclass.release.finalized-90pct", "true");

    [Fact]
    public void Live_instances_keep_their_identity()
    {
        ChildProcess.Completed("hostclass", "identity")
            .AssertResult("hostclass.identity.js-held", "true")
            .AssertResult("hostclass.identity.passed-twice", "true")
            .AssertResult("hostclass.identity.round-trip", "true");
    }
}
