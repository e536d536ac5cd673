namespace V8Host.Hosting.Web;

/// <summary>PLACEHOLDER: filled in by the Clone part of issue 11.</summary>
internal static class CloneInstaller
{
    public static void Install(WebGlue web)
    {
    }
}
