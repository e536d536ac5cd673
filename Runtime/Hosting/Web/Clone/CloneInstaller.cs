namespace V8Host.Hosting.Web;

/// <summary>
/// The global <c>structuredClone</c>, over the same serializer that copies values between contexts
/// (StructuredClone.js), with Blob, File and DOMException as serializable platform objects.
/// </summary>
internal static class CloneInstaller
{
    public static void Install(WebGlue web)
    {
        var bridge = web.Context.Bridge;
        var clone = bridge.StructuredCloneGlue;
        web.Run("WebStructuredClone", bridge.Pick(clone, "serialize"), bridge.Pick(clone, "deserialize"),
            bridge.Pick(clone, "isCloneError"), bridge.Pick(clone, "setPlatformHooks"));
    }
}
