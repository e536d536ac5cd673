namespace V8Host.Hosting.Web;

/// <summary>
/// Blob and File, entirely in the glue (Blob.js): their bytes are a Uint8Array that scripts never
/// reach, and every operation on them is a copy or a view that V8 does faster than a host call.
/// </summary>
internal static class BlobInstaller
{
    public static void Install(WebGlue web) => web.Run("Blob");
}
