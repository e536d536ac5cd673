namespace V8Host.Tests.Modules;

/// <summary>A directory loader never reads outside its root; each way out is refused with the reason named.</summary>
public sealed class SandboxTests : IDisposable
{
    private readonly ModuleTree _outside = new(new Dictionary<string, string> { ["secret.js"] = "module.exports = 'SECRET';", ["secret.mjs"] = "export default 'SECRET';" });
    private readonly ModuleTree _tree = new(new Dictionary<string, string> { ["app/main.js"] = "module.exports = 1;" });

    public void Dispose()
    {
        _tree.Dispose();
        _outside.Dispose();
    }

    public static TheoryData<string, string> Escapes() => new()
    {
        { "../../outside.js", "climbs above the loader's root" },
        { "./%2e%2e/%2e%2e/x.js", "encoded dots and separators are refused" },
        { "./a%2fb.js", "encoded dots and separators are refused" },
        { "..\\..\\x.js", "Windows-style paths are refused" },
        { ".\\app\\main.js", "Windows-style paths are refused" },
        { "/etc/passwd", "is outside the module root" },
        { "file:///etc/passwd", "is outside the module root" },
        { "C:\\Windows\\win.ini", "Windows-style paths are refused" },
        { "./app/main.js\0.png", "NUL" },
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Require_refuses_escapes(string specifier, string reason)
    {
        using var context = _tree.CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Require(specifier.Replace("\0", "")));
        if (specifier.Contains('\0'))
            return;

        Assert.Contains(reason, error.Message);
        Assert.Contains(specifier, error.Message);
    }

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task Import_refuses_escapes(string specifier, string reason)
    {
        using var context = _tree.CreateContext();

        var message = await context.EvalAsync($"import({System.Text.Json.JsonSerializer.Serialize(specifier)}).then(() => 'loaded', e => e.message)");

        Assert.IsType<string>(message);
        Assert.Contains(reason, (string)message!);
    }

    [Fact]
    public void Absolute_paths_inside_the_root_are_allowed()
    {
        using var context = _tree.CreateContext();

        Assert.Equal(1, context.Require(Path.Combine(_tree.Root, "app", "main.js")));
    }

    [Fact]
    public void A_symlinked_file_leaving_the_root_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_tree.Root, "app", "link.js"), Path.Combine(_outside.Root, "secret.js"));
        using var context = _tree.CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Require("./app/link.js"));

        Assert.Contains("outside the module root", error.Message);
        Assert.DoesNotContain("SECRET", error.Message);
    }

    [Fact]
    public void A_symlinked_directory_leaving_the_root_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_tree.Root, "node_modules"), _outside.Root);
        using var context = _tree.CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Import("./node_modules/secret.mjs"));

        Assert.Contains("outside the module root", error.Message);
    }

    [Fact]
    public void A_symlink_inside_the_root_is_one_module_under_its_real_url()
    {
        Directory.CreateDirectory(Path.Combine(_tree.Root, "real"));
        File.WriteAllText(Path.Combine(_tree.Root, "real", "m.mjs"), "export const url = import.meta.url;");
        Directory.CreateSymbolicLink(Path.Combine(_tree.Root, "alias"), Path.Combine(_tree.Root, "real"));
        using var context = _tree.CreateContext();

        Assert.Equal(_tree.Url("real/m.mjs"), context.Import("./alias/m.mjs").Get<string>("url"));
    }

    [Fact]
    public void An_import_map_cannot_point_outside_the_root()
    {
        using var context = _tree.CreateContext($$"""{ "imports": { "secret": "{{new Uri(Path.Combine(_outside.Root, "secret.mjs")).AbsoluteUri}}" } }""");

        var error = Assert.Throws<JavaScriptException>(() => context.Import("secret"));

        Assert.Contains("is outside the module root", error.Message);
        Assert.Contains("the import map maps it to", error.Message);
    }

    [Fact]
    public void Node_modules_lookup_stops_at_the_root()
    {
        File.WriteAllText(Path.Combine(_tree.Root, "..", "escape-probe.js"), "module.exports = 'above';");
        using var context = _tree.CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Require("escape-probe"));

        Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/') + "/node_modules", error.Message);
    }

    [Fact]
    public async Task A_NUL_in_a_specifier_is_shown_escaped_in_the_message()
    {
        using var context = _tree.CreateContext();

        var message = (string)(await context.EvalAsync("import('./app/main.js\\u0000.png').catch(e => e.message)"))!;

        Assert.DoesNotContain('\0', message);
        Assert.Contains("./app/main.js\\u0000.png", message);
    }
}
