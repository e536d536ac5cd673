using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Hosting.Web;

/// <summary>
/// Installs <c>URL</c> and <c>URLSearchParams</c>: the parser (UrlParser.js), URLSearchParams
/// (UrlSearchParams.js) and URL (Url.js). Hosts that are not plain ASCII reach .NET once, through
/// <see cref="UrlIdna.ToAscii"/>.
/// </summary>
internal static class UrlInstaller
{
    public static void Install(WebGlue web)
    {
        web.Run("UrlParser", s_toAscii);
        web.Run("UrlSearchParams");
        web.Run("Url");
    }

    private static readonly V8FastHostFunction s_toAscii = new("toAscii", static (bool _, in V8FastArgs args, in V8FastResult result) =>
    {
        if (UrlIdna.ToAscii(args.GetString(0)) is { } ascii)
            result.Set(ascii);
        else
            result.SetNull();
    });
}
