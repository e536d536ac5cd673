using V8Host.Hosting.Web;

namespace V8Host;

/// <summary>
/// The Web platform APIs that need neither network nor file system, as the WinterTC (Ecma TC55)
/// Minimum Common Web Platform API defines them: <c>TextEncoder</c>, <c>TextDecoder</c>, <c>atob</c>,
/// <c>btoa</c>, <c>structuredClone</c>, <c>URL</c>, <c>URLSearchParams</c>, <c>AbortController</c>,
/// <c>AbortSignal</c>, <c>Event</c>, <c>EventTarget</c>, <c>CustomEvent</c>, <c>ErrorEvent</c>,
/// <c>PromiseRejectionEvent</c>, <c>DOMException</c>, <c>performance</c>, <c>crypto</c>
/// (<c>getRandomValues</c>, <c>randomUUID</c>, <c>subtle.digest</c>), <c>Blob</c>, <c>File</c>,
/// <c>MessageChannel</c>, <c>reportError</c>, <c>navigator.userAgent</c> and <c>self</c>; the global
/// object becomes an <c>EventTarget</c> that receives uncaught errors as <c>error</c> events.
/// </summary>
/// <remarks>
/// <para>
/// They follow WebIDL's JavaScript binding: brand checks (a method called on the wrong object is a
/// <c>TypeError</c> naming the member), argument conversion, <c>Symbol.toStringTag</c>, and
/// <c>DOMException</c> names and codes. docs/web-apis.md lists what is there, and docs/conformance.md
/// how each area scores on the web-platform-tests.
/// </para>
/// <para>
/// Encoding, random numbers and digests run in .NET and cross in bulk; the URL parser, event dispatch
/// and abort signals run in the context, on intrinsics captured before any script, so that a script
/// that replaces <c>Array.prototype.push</c> or <c>String.prototype.replace</c> cannot change them.
/// Installing twice into one context installs once. <see cref="ContextBuilder.UseWebPlatform"/> installs
/// these together with <see cref="TimersApi"/>.
/// </para>
/// </remarks>
public sealed class WebApis : IHostApi
{
    /// <inheritdoc/>
    public void Register(HostProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.AddInstaller(context => WebGlue.Install(context));
    }
}
