namespace V8Host.Tests.Hosting;

public class HostModuleTests
{
    private static Context CreateContext() => new Isolate().CreateContextBuilder()
        .UseProfile(new HostProfile().AddModule("text", new Dictionary<string, Delegate>
        {
            ["upper"] = new Func<string, string>(s => s.ToUpperInvariant()),
            ["repeat"] = new Func<string, int, string>((s, n) => string.Concat(Enumerable.Repeat(s, n))),
        }))
        .Build();

    [Fact]
    public void Modules_import_host_modules_statically()
    {
        using var context = CreateContext();
        var app = context.CompileModule("import { upper, repeat } from 'host:text'; export const shout = upper(repeat('ab', 2));", "app");
        app.Instantiate();
        app.Evaluate();

        Assert.Equal("ABAB", app.Namespace.Get<string>("shout"));
    }

    [Fact]
    public async Task Scripts_import_host_modules_dynamically()
    {
        using var context = CreateContext();

        Assert.Equal("HI", await context.EvalAsync("import('host:text').then(m => m.upper('hi'))"));
        Assert.Equal("function", await context.EvalAsync("import('host:text').then(m => typeof m.default.repeat)"));
    }

    [Fact]
    public void Host_module_functions_convert_and_report_like_host_functions()
    {
        using var context = CreateContext();
        var app = context.CompileModule("import { repeat } from 'host:text'; export let error; try { repeat('x', 'y'); } catch (e) { error = `${e.name}: ${e.message}`; }", "app");
        app.Instantiate();
        app.Evaluate();

        // Named as generated module exports are: module.export.
        Assert.Equal("TypeError: text.repeat: parameter 'n' expects an integer (Int32); got a string (\"y\").", app.Namespace.Get<string>("error"));
    }

    [Fact]
    public void Unknown_host_modules_fail_with_the_specifier_named()
    {
        using var context = CreateContext();
        var app = context.CompileModule("import { x } from 'host:nope'; export default x;", "app");
        app.Instantiate();

        Assert.Contains("host:nope", Assert.Throws<JavaScriptException>(() => app.Evaluate()).Message);
    }

    [Fact]
    public void Invalid_module_declarations_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => new HostProfile().AddModule("", new Dictionary<string, Delegate>()));
        Assert.Throws<ArgumentException>(() => new HostProfile().AddModule("m", new Dictionary<string, Delegate> { ["not valid"] = new Action(() => { }) }));
        var profile = new HostProfile().AddModule("m", new Dictionary<string, Delegate>());
        Assert.Throws<ArgumentException>(() => profile.AddModule("m", new Dictionary<string, Delegate>()));
    }
}
