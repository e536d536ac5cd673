namespace V8Host.Hosting.Web;

/// <summary>PLACEHOLDER: filled in by the Url part of issue 11.</summary>
internal static class UrlInstaller
{
    public static void Install(WebGlue web)
    {
    }
}
