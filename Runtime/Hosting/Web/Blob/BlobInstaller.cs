namespace V8Host.Hosting.Web;

/// <summary>PLACEHOLDER: filled in by the Blob part of issue 11.</summary>
internal static class BlobInstaller
{
    public static void Install(WebGlue web)
    {
    }
}
