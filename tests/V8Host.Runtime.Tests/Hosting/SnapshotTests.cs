namespace V8Host.Tests.Hosting;

public class SnapshotTests
{
    [Fact]
    public void Snapshot_contexts_start_with_their_scripts()
    {
        StartupData blob;
        using (var creator = new SnapshotCreator())
        {
            creator.Eval("globalThis.lib = { square: x => x * x };");
            Assert.Equal(0, creator.AddContext("globalThis.flavor = 'plain';"));
            Assert.Equal(1, creator.AddContext("globalThis.flavor = 'fancy';"));
            blob = creator.CreateBlob();
            Assert.False(creator.IsAlive);
        }

        var restored = StartupData.FromBytes(blob.ToArray());
        Assert.True(restored.IsValid());
        Assert.Equal(2, restored.ContextCount);

        using var plain = new Isolate(restored).CreateContextFromSnapshot(0);
        using var fancy = new Isolate(restored).CreateContextBuilder().UseSnapshot(1).SetGlobal("extra", true).Build();
        Assert.Equal("plain:9", plain.Eval<string>("flavor + ':' + lib.square(3)"));
        Assert.Equal("fancy:16:true", fancy.Eval<string>("flavor + ':' + lib.square(4) + ':' + extra"));
    }

    [Fact]
    public void Script_errors_surface_when_the_snapshot_is_created()
    {
        using var creator = new SnapshotCreator();
        var error = Assert.Throws<JavaScriptException>(() => creator.AddContext("undefinedFunction()"));

        Assert.Equal("ReferenceError", error.ErrorName);
        Assert.True(creator.IsAlive);
    }

    [Fact]
    public void Creator_is_consumed_by_CreateBlob()
    {
        var creator = new SnapshotCreator();
        creator.AddContext();
        creator.CreateBlob();

        Assert.Contains("consumed by CreateBlob()", Assert.Throws<InvalidOperationException>(() => creator.Eval("1")).Message);
    }

    [Fact]
    public void Invalid_startup_data_is_detected()
    {
        var garbage = StartupData.FromBytes(new byte[] { 1, 2, 3, 4, 5 });

        Assert.False(garbage.IsValid());
        Assert.Throws<ArgumentException>(() => new Isolate(garbage));
        Assert.Throws<InvalidOperationException>(() => new Isolate().CreateContextFromSnapshot());
    }

    [Fact]
    public void Context_index_out_of_range_is_rejected_without_consuming_the_isolate()
    {
        using var creator = new SnapshotCreator();
        creator.AddContext("1");
        var blob = creator.CreateBlob();
        var isolate = new Isolate(blob);

        Assert.Throws<ArgumentOutOfRangeException>(() => isolate.CreateContextFromSnapshot(3));
        Assert.True(isolate.IsAlive);
        using var context = isolate.CreateContextFromSnapshot(0);
    }
}
