using Microsoft.ClearScript;

namespace V8Host.Hosting.Web;

/// <summary>
/// Installs the Web APIs' glue into one context, in dependency order. Every glue file receives the
/// primordials and <c>web</c>, an internal null-prototype table no script can reach: WebIdl.js creates
/// it with the WebIDL helpers (<c>web.idl</c>), and each later file adds what the files after it use
/// (<c>web.DOMException</c>, <c>web.EventTarget</c>, <c>web.Blob</c> …).
/// </summary>
internal sealed class WebGlue
{
    private WebGlue(Context context)
    {
        Context = context;
        Table = context.Bridge.LoadGlue("WebIdl");
    }

    /// <summary>The context being set up.</summary>
    public Context Context { get; }

    /// <summary>The shared internal table (<c>web</c> in the glue).</summary>
    public ScriptObject Table { get; }

    /// <summary>Runs glue file <paramref name="name"/> as <c>(primordials, web, ...args)</c>; it adds to <see cref="Table"/>.</summary>
    public void Run(string name, params object[] args) => Context.Bridge.RunGlue(name, [Table, .. args]);

    /// <summary>Runs glue file <paramref name="name"/> like <see cref="Run"/>; returns the table of helpers .NET calls.</summary>
    public ScriptObject Load(string name, params object[] args) => Context.Bridge.LoadGlue(name, [Table, .. args]);

    /// <summary><c>navigator.userAgent</c>: "V8Host/1.2.3".</summary>
    private static readonly string UserAgent = "V8Host/" + typeof(WebGlue).Assembly.GetName().Version!.ToString(3);

    /// <summary>
    /// Installs the Web APIs into <paramref name="context"/> once and returns their glue; APIs built on them
    /// (<c>FetchApi</c>) call this first and then load their own glue with <see cref="Load"/>.
    /// </summary>
    public static WebGlue Install(Context context) => context.Run("WebApis", _ =>
    {
        if (context.WebGlue is { } installed)
            return installed;
        var web = new WebGlue(context);
        web.Run("DomException");
        EventsInstaller.Install(web);
        EncodingInstaller.Install(web);
        UrlInstaller.Install(web);
        CryptoInstaller.Install(web);
        BlobInstaller.Install(web);
        MessagingInstaller.Install(web);
        CloneInstaller.Install(web);
        web.Run("GlobalScope", UserAgent);
        context.WebGlue = web;
        return web;
    });
}
