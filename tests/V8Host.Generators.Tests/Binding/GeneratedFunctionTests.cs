using V8Host.Generators.Tests.Fixtures;

namespace V8Host.Generators.Tests.Binding;

public class GeneratedFunctionTests
{
    private static Context CreateContext() => new Isolate().CreateContextBuilder().UseProfile(GeometryProfile.Instance).Build();

    private static string ErrorOf(Context context, string code) => context.Eval<string>($"try {{ {code}; 'no error' }} catch (e) {{ `${{e.name}}: ${{e.message}}` }}");

    [Fact]
    public void Profile_counts_and_declarations()
    {
        var profile = GeometryProfile.Instance;

        Assert.Same(profile, GeometryProfile.Instance);
        Assert.Equal(3, profile.HostClassCount);
        Assert.Equal(8, profile.HostFunctionCount);
        Assert.Contains("declare namespace math {", profile.TypeScriptDeclarations);
        Assert.Contains("declare class Vec2 {", profile.TypeScriptDeclarations);
        Assert.Contains("declare function version(): string;", profile.TypeScriptDeclarations);
    }

    [Fact]
    public void Functions_and_namespaces_are_callable()
    {
        using var context = CreateContext();

        Assert.Equal(5, context.Eval<int>("add(2, 3)"));
        Assert.Equal(10.0, context.Eval<double>("math.clamp(12, 0, 10)"));
        Assert.Equal("1.0", context.Eval<string>("version()"));
        Assert.Equal("function", context.Eval<string>("typeof math.clamp"));
        Assert.Equal("clamp:3", context.Eval<string>("`${math.clamp.name}:${math.clamp.length}`"));
    }

    [Fact]
    public void Overloads_dispatch_by_js_type()
    {
        using var context = CreateContext();

        Assert.Equal("int 4", context.Eval<string>("describe(4)"));
        Assert.Equal("string x", context.Eval<string>("describe('x')"));
        Assert.Equal("TypeError: describe expects (value: number) or (value: string); got (true).", ErrorOf(context, "describe(true)"));
    }

    [Fact]
    public void Optional_rest_and_injected_parameters()
    {
        using var context = CreateContext();
        context.Eval("globalThis.items = [1, 2, 3]");

        Assert.Equal("Hello, Ada", context.Eval<string>("greet('Ada')"));
        Assert.Equal("Hi, Ada", context.Eval<string>("greet('Ada', 'Hi')"));
        Assert.Equal("a-b-c", context.Eval<string>("join('-', 'a', 'b', 'c')"));
        Assert.Equal(string.Empty, context.Eval<string>("join('-')"));
        Assert.Equal(3, context.Eval<int>("count()"));
    }

    [Fact]
    public async Task Task_results_become_promises()
    {
        using var context = CreateContext();

        Assert.Equal(42, await context.EvalAsync("slowDouble(21)"));
        Assert.True(context.Eval<bool>("slowDouble(1) instanceof Promise"));
    }

    [Fact]
    public void Argument_errors_are_type_and_range_errors()
    {
        using var context = CreateContext();

        Assert.Equal("TypeError: add: parameter 'b' expects an integer (Int32); got a string (\"2\").", ErrorOf(context, "add(1, '2')"));
        Assert.StartsWith("RangeError: add: parameter 'a'", ErrorOf(context, "add(1.5, 2)"));
        Assert.Equal("TypeError: add: missing argument 'b' (an integer (Int32)).", ErrorOf(context, "add(1)"));
    }
}
