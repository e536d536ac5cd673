namespace ScriptServer;

/// <summary>
/// The page (wwwroot/index.html and its script and style), served from the assembly's resources with
/// a Content-Security-Policy that allows only this origin's script and style: the page shows
/// attacker-controlled text, and renders it with textContent, never as HTML.
/// </summary>
public static class PageEndpoints
{
    private static readonly Dictionary<string, (string Resource, string ContentType)> s_files = new()
    {
        ["/"] = ("wwwroot/index.html", "text/html; charset=utf-8"),
        ["/app.js"] = ("wwwroot/app.js", "text/javascript; charset=utf-8"),
        ["/app.css"] = ("wwwroot/app.css", "text/css; charset=utf-8"),
    };

    public static void MapPage(this WebApplication app)
    {
        foreach (var (path, (resource, contentType)) in s_files)
        {
            var bytes = Read(resource);
            app.MapGet(path, (HttpContext http) =>
            {
                http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                return Results.Bytes(bytes, contentType);
            });
        }
    }

    private static byte[] Read(string resource)
    {
        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page resource {resource} is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
