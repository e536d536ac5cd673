using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace ScriptServer;

/// <summary>
/// POST /run. The body is read and checked by hand, not bound by the framework, so that every malformed
/// request gets the same JSON shape as a script's error, with a status saying what was wrong.
/// </summary>
public static class RunEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, ScriptRunner runner, ScriptServerOptions options)
    {
        var request = http.Request;
        if (!request.HasJsonContentType())
            return Reject(StatusCodes.Status415UnsupportedMediaType, "The request's Content-Type must be application/json.");

        JsonDocument body;
        try
        {
            body = await ReadBodyAsync(http, options.MaxRequestBytes);
        }
        catch (RequestTooLargeException)
        {
            return Reject(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {options.MaxRequestBytes:N0} bytes.");
        }
        catch (JsonException exception)
        {
            return Reject(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {exception.Message}");
        }

        using (body)
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object
                || !body.RootElement.TryGetProperty("script", out var property)
                || property.ValueKind != JsonValueKind.String)
                return Reject(StatusCodes.Status400BadRequest, "The request body must be a JSON object with a string property \"script\".");

            var script = property.GetString()!;
            if (script.Length > options.MaxScriptCharacters)
                return Reject(StatusCodes.Status400BadRequest, $"The script is {script.Length:N0} characters long; the limit is {options.MaxScriptCharacters:N0}.");

            return Results.Json(await runner.RunAsync(script, http.RequestAborted));
        }
    }

    private static async Task<JsonDocument> ReadBodyAsync(HttpContext http, int limit)
    {
        if (http.Request.ContentLength > limit)
            throw new RequestTooLargeException();
        // Kestrel enforces the same limit (Program.cs); this also holds where it does not (TestServer).
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                    throw new RequestTooLargeException();
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new RequestTooLargeException();
        }

        return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static IResult Reject(int status, string message) =>
        Results.Json(RunResponse.Failed("RequestError", message), statusCode: status);

    private sealed class RequestTooLargeException : Exception;
}
