namespace V8Host.Tests.Hosting;

public class ProfileTests
{
    private sealed class GreetingApi : IHostApi
    {
        public void Register(HostProfile profile) => profile
            .AddFunction("greeting.base", new Func<string, string>(name => $"Hello, {name}"))
            .AddSetupScript("greeting.js", "greeting.loud = name => greeting.base(name).toUpperCase() + '!';");
    }

    [Fact]
    public void Runtime_profile_installs_functions_classes_and_apis()
    {
        var profile = new HostProfile()
            .AddFunction("add", new Func<int, int, int>((a, b) => a + b))
            .AddClass<Point>()
            .Install(new GreetingApi());

        Assert.Equal(2, profile.HostFunctionCount);
        Assert.Equal(1, profile.HostClassCount);
        Assert.Single(profile.Apis);

        using var first = new Isolate().CreateContextBuilder().UseProfile(profile).Build();
        using var second = new Isolate().CreateContextBuilder().UseProfile(profile).Build();
        Assert.Equal(5, first.Eval<int>("add(2, 3)"));
        Assert.Equal("HELLO, ADA!", first.Eval<string>("greeting.loud('Ada')"));
        Assert.True(second.Eval<bool>("new Point(1, 1) instanceof Point"));
    }

    [Fact]
    public void Duplicate_and_invalid_names_are_rejected()
    {
        var profile = new HostProfile().AddFunction("add", new Func<int, int, int>((a, b) => a + b));

        Assert.Contains("already defines 'add'", Assert.Throws<ArgumentException>(() => profile.AddFunction("add", new Action(() => { }))).Message);
        Assert.Contains("reserved word", Assert.Throws<ArgumentException>(() => profile.AddFunction("class", new Action(() => { }))).Message);
        Assert.Throws<ArgumentException>(() => profile.AddFunction("1abc", new Action(() => { })));
        Assert.Throws<ArgumentException>(() => new HostProfile().AddClass<Point>().AddClass<Point>());
    }

    [Fact]
    public void Builder_is_consumed_by_build()
    {
        var builder = new Isolate().CreateContextBuilder().SetGlobal("answer", 42);
        using var context = builder.Build();

        Assert.False(builder.IsAlive);
        Assert.Equal(42, context.Eval<int>("answer"));
        Assert.Contains("consumed by Build()", Assert.Throws<InvalidOperationException>(() => builder.Build()).Message);
        Assert.Throws<InvalidOperationException>(() => builder.SetGlobal("x", 1));
    }

    [Fact]
    public void Disposing_an_unbuilt_builder_releases_the_isolate()
    {
        var builder = new Isolate().CreateContextBuilder();
        builder.Dispose();

        Assert.False(builder.IsAlive);
        Assert.Throws<ObjectDisposedException>(() => builder.Build());
    }

    [Fact]
    public void Host_functions_receive_the_calling_context_and_a_cancellation_token()
    {
        CancellationToken seen = default;
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("globalCount", new Func<Context, string, int>((ctx, prefix) => ctx.Eval<int>($"Object.keys(globalThis).filter(k => k.startsWith('{prefix}')).length")))
            .AddHostFunction("capture", new Action<CancellationToken>(token => seen = token))
            .Build();

        context.Eval("globalThis.item1 = 1; globalThis.item2 = 2;");
        Assert.Equal(2, context.Eval<int>("globalCount('item')"));
        context.Eval("capture()");
        Assert.True(seen.CanBeCanceled);
        Assert.False(seen.IsCancellationRequested);
        context.Dispose();
        Assert.True(seen.IsCancellationRequested);
    }

    [Fact]
    public async Task Task_and_ValueTask_results_become_promises_on_the_reflection_path()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("later", new Func<int, ValueTask<int>>(async x => { await Task.Yield(); return x + 1; }))
            .AddHostFunction("done", new Func<ValueTask>(() => ValueTask.CompletedTask))
            .Build();

        Assert.Equal(42, await context.EvalAsync("later(41)"));
        Assert.Equal("undefined", await context.EvalAsync("done().then(v => typeof v)"));
    }
}
