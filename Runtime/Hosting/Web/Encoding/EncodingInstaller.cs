namespace V8Host.Hosting.Web;

/// <summary>PLACEHOLDER: filled in by the Encoding part of issue 11.</summary>
internal static class EncodingInstaller
{
    public static void Install(WebGlue web)
    {
    }
}
