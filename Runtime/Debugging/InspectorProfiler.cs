using System.Text;

namespace V8Host.Debugging;

/// <summary>
/// Serves the DevTools protocol's <c>Profiler.start</c>, <c>Profiler.stop</c> and
/// <c>Profiler.setSamplingInterval</c> through
/// <see cref="Context.StartCpuProfile"/>. V8's own profiler agent samples the thread that handled
/// <c>Profiler.start</c>, which is whichever thread ClearScript dispatched it on, not the one that
/// will run the script; the context's profile follows the script's thread instead. One profile at
/// a time: while the host records one, a debugger's <c>Profiler.start</c> gets an error, and the other way round.
/// </summary>
internal sealed class InspectorProfiler(Context context)
{
    private const string Title = "DevTools profile";

    private readonly object _gate = new();

    // Whether the profile being recorded is the one Profiler.start began (guarded by _gate): a
    // Profiler.stop must not end, and hand a debugger, a profile the host started.
    private bool _recording;

    /// <summary>Answers <paramref name="method"/> if it is one of the profiler's, off the caller's thread (the context may be busy); false otherwise.</summary>
    public bool TryHandle(string method, long id, byte[] request, Action<byte[]> reply)
    {
        Func<byte[]>? handle = method switch
        {
            "Profiler.setSamplingInterval" => () =>
            {
                if (ReadInterval(request) is not { } microseconds)
                    return CdpMessage.Error(id, -32602, "Profiler.setSamplingInterval needs params.interval, a positive integer of microseconds.");
                context.SetCpuProfileSampleInterval(microseconds);
                return CdpMessage.EmptyResult(id);
            },
            "Profiler.start" => () =>
            {
                context.StartCpuProfile(Title);
                _recording = true;
                return CdpMessage.EmptyResult(id);
            },
            "Profiler.stop" => () =>
            {
                if (!_recording)
                    return CdpMessage.Error(id, -32000, "Profiler.stop: no profile was started by Profiler.start.");
                _recording = false;
                var profile = context.StopCpuProfile().ToJson();
                return Encoding.UTF8.GetBytes($"{{\"id\":{id},\"result\":{{\"profile\":{profile}}}}}");
            },
            _ => null,
        };
        if (handle is null)
            return false;

        _ = Task.Run(() =>
        {
            byte[] response;
            try
            {
                lock (_gate)
                    response = handle();
            }
            catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException or ScriptTerminatedException or ArgumentOutOfRangeException)
            {
                response = CdpMessage.Error(id, -32000, exception.Message);
            }

            reply(response);
        });
        return true;
    }

    private static int? ReadInterval(byte[] request)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(request);
            return json.RootElement.TryGetProperty("params", out var parameters) &&
                parameters.ValueKind == System.Text.Json.JsonValueKind.Object &&
                parameters.TryGetProperty("interval", out var interval) &&
                interval.TryGetInt32(out var value) && value > 0
                ? value
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
