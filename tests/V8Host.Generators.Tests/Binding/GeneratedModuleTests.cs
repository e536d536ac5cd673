using V8Host.Generators.Tests.Fixtures;

namespace V8Host.Generators.Tests.Binding;

public class GeneratedModuleTests
{
    private static Context CreateContext() => new Isolate().CreateContextBuilder().UseProfile(GeometryProfile.Instance).Build();

    [Fact]
    public void Module_exports_are_importable_statically()
    {
        using var context = CreateContext();
        var app = context.CompileModule("import { toRadians, cm } from 'host:units'; export const r = toRadians(180); export const c = cm(1);", "app");
        app.Instantiate();
        app.Evaluate();

        Assert.Equal(Math.PI, app.Namespace.Get<double>("r"), 10);
        Assert.Equal(2.54, app.Namespace.Get<double>("c"), 10);
    }

    [Fact]
    public async Task Module_is_importable_dynamically_and_hides_ignored_members()
    {
        using var context = CreateContext();

        Assert.Equal("cm,toRadians", await context.EvalAsync("import('host:units').then(m => Object.keys(m).filter(k => k !== 'default').sort().join())"));
    }

    [Fact]
    public void Module_binding_and_declarations_are_generated()
    {
        Assert.Equal("units", Units.V8HostModule.Name);
        Assert.Equal("host:units", Units.V8HostModule.Specifier);
        Assert.Contains("declare module \"host:units\" {", GeometryProfile.Instance.TypeScriptDeclarations);
        Assert.Contains("    export function cm(inches: number): number;", GeometryProfile.Instance.TypeScriptDeclarations);
    }

    [Fact]
    public void Module_arguments_are_checked_like_host_functions()
    {
        using var context = CreateContext();
        var app = context.CompileModule("import { cm } from 'host:units'; export let error; try { cm('x'); } catch (e) { error = `${e.name}: ${e.message}`; }", "app");
        app.Instantiate();
        app.Evaluate();

        Assert.Equal("TypeError: units.cm: parameter 'inches' expects a number; got a string (\"x\").", app.Namespace.Get<string>("error"));
    }
}
