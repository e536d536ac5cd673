using System.Text;

namespace V8Host.Debugging;

/// <summary>The request line and headers of one HTTP/1.1 request, all the inspector endpoint reads.</summary>
internal sealed class HttpRequestHead
{
    private readonly Dictionary<string, string> _headers;

    private HttpRequestHead(string method, string path, Dictionary<string, string> headers)
    {
        Method = method;
        Path = path;
        _headers = headers;
    }

    public string Method { get; }

    public string Path { get; }

    public bool IsWebSocketUpgrade =>
        Method == "GET" &&
        Header("Upgrade")?.Equals("websocket", StringComparison.OrdinalIgnoreCase) == true &&
        Header("Sec-WebSocket-Key") is { Length: > 0 };

    public string? Header(string name) => _headers.GetValueOrDefault(name);

    /// <summary>Reads up to the blank line ending the head; null when the request is malformed or its head exceeds <paramref name="maxBytes"/>.</summary>
    public static async Task<HttpRequestHead?> ReadAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        // Byte by byte: the WebSocket frames that follow an upgrade must stay in the stream.
        var head = new List<byte>(1024);
        var one = new byte[1];
        while (head.Count < maxBytes)
        {
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
                return null;
            head.Add(one[0]);
            var count = head.Count;
            if (count >= 4 && head[count - 4] == '\r' && head[count - 3] == '\n' && head[count - 2] == '\r' && head[count - 1] == '\n')
                return Parse(Encoding.Latin1.GetString(head.ToArray(), 0, count - 4));
        }

        return null;
    }

    private static HttpRequestHead? Parse(string text)
    {
        var lines = text.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || !requestLine[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                return null;
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var path = requestLine[1];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return new HttpRequestHead(requestLine[0], query < 0 ? path : path[..query], headers);
    }
}
