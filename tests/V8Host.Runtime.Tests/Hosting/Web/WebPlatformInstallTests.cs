namespace V8Host.Tests.Hosting.Web;

/// <summary>
/// api.md §7: what UseWebPlatform and WebApis install, WebIDL's shape of the globals, and that installing
/// twice installs once.
/// </summary>
public sealed class WebPlatformInstallTests
{
    private static Context WebContext() => new Isolate().CreateContextBuilder().UseWebPlatform().Build();

    [Theory]
    [InlineData("TextEncoder")]
    [InlineData("TextDecoder")]
    [InlineData("URL")]
    [InlineData("URLSearchParams")]
    [InlineData("AbortController")]
    [InlineData("AbortSignal")]
    [InlineData("Event")]
    [InlineData("EventTarget")]
    [InlineData("CustomEvent")]
    [InlineData("DOMException")]
    [InlineData("Blob")]
    [InlineData("File")]
    [InlineData("Navigator")]
    [InlineData("MessageChannel")]
    [InlineData("MessagePort")]
    [InlineData("MessageEvent")]
    [InlineData("ErrorEvent")]
    [InlineData("PromiseRejectionEvent")]
    [InlineData("QuotaExceededError")]
    public void InterfaceObjectsAreNonEnumerableWritableConfigurableGlobals(string name)
    {
        using var context = WebContext();
        Assert.Equal("function|false|true|true|" + name, context.Eval($$"""
            const d = Object.getOwnPropertyDescriptor(globalThis, '{{name}}');
            [typeof d.value, d.enumerable, d.writable, d.configurable, d.value.prototype[Symbol.toStringTag]].join('|')
            """));
    }

    [Theory]
    [InlineData("atob")]
    [InlineData("btoa")]
    [InlineData("structuredClone")]
    [InlineData("reportError")]
    [InlineData("setTimeout")]
    [InlineData("queueMicrotask")]
    public void OperationsAreEnumerableFunctions(string name)
    {
        using var context = WebContext();
        Assert.Equal("function|true", context.Eval($"const d = Object.getOwnPropertyDescriptor(globalThis, '{name}'); typeof d.value + '|' + d.enumerable"));
    }

    [Fact]
    public void NavigatorNamesTheRuntimeAndSelfIsTheGlobal()
    {
        using var context = WebContext();
        var version = typeof(Context).Assembly.GetName().Version!.ToString(3);
        Assert.Equal($"V8Host/{version}|true|[object Navigator]", context.Eval("[navigator.userAgent, self === globalThis, String(navigator)].join('|')"));
        Assert.Equal("Failed to read the 'userAgent' property from 'Navigator': Illegal invocation",
            context.Eval("try { Object.getOwnPropertyDescriptor(Navigator.prototype, 'userAgent').get.call({}) } catch (e) { e.message }"));
    }

    [Fact]
    public void ReplaceableAttributesCanBeReassignedByScripts()
    {
        using var context = WebContext();
        Assert.Equal("42|true", context.Eval("navigator = 42; const d = Object.getOwnPropertyDescriptor(globalThis, 'navigator'); navigator + '|' + ('value' in d)"));
    }

    [Fact]
    public void WebApisWithoutTimersStillInstallsTheWebPlatform()
    {
        using var context = new Isolate().CreateContextBuilder().Install(new WebApis()).Build();
        Assert.Equal("undefined|function|function", context.Eval("[typeof setTimeout, typeof URL, typeof AbortSignal.timeout].join('|')"));
    }

    [Fact]
    public void InstallingTwiceInstallsOnce()
    {
        using var context = new Isolate().CreateContextBuilder().UseWebPlatform().Install(new WebApis()).Build();
        Assert.Equal("true", context.Eval("String(DOMException === globalThis.DOMException && new DOMException('x') instanceof DOMException)"));
    }

    [Fact]
    public void ContextsWithoutWebApisHaveNone()
    {
        using var context = new Isolate().CreateContextBuilder().Build();
        Assert.Equal("undefined|undefined|undefined", context.Eval("[typeof URL, typeof DOMException, typeof navigator].join('|')"));
    }
}
