namespace V8Host.Hosting.Web;

/// <summary>PLACEHOLDER: filled in by the Events part of issue 11.</summary>
internal static class EventsInstaller
{
    public static void Install(WebGlue web)
    {
    }
}
