namespace V8Host.Hosting.Web;

/// <summary>PLACEHOLDER: filled in by the Crypto part of issue 11.</summary>
internal static class CryptoInstaller
{
    public static void Install(WebGlue web)
    {
    }
}
