using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace V8Host.Debugging;

/// <summary>
/// The top-level fields of one Chrome DevTools Protocol message that the hub routes by: the
/// request or response <c>id</c> and the <c>method</c>. Only these are read; the rest of the message,
/// which can be megabytes (a heap snapshot chunk, a profile), is skipped, and the message travels on
/// as the same UTF-8 bytes with at most its id replaced.
/// </summary>
internal readonly struct CdpMessage
{
    private readonly int _idStart;
    private readonly int _idLength;

    private CdpMessage(byte[] utf8, long? id, int idStart, int idLength, string? method, bool isError)
    {
        Utf8 = utf8;
        Id = id;
        _idStart = idStart;
        _idLength = idLength;
        Method = method;
        IsError = isError;
    }

    public byte[] Utf8 { get; }

    /// <summary>The request or response id; null for an event.</summary>
    public long? Id { get; }

    /// <summary>The method of a request or an event; null for a response.</summary>
    public string? Method { get; }

    /// <summary>Whether a response carries <c>error</c> rather than <c>result</c>.</summary>
    public bool IsError { get; }

    /// <summary>The domain of <see cref="Method"/> ("Debugger" for "Debugger.paused").</summary>
    public string? Domain => Method is { } method && method.IndexOf('.') is var dot and > 0 ? method[..dot] : null;

    /// <summary>Reads a message; <paramref name="problem"/> says why when it is not a JSON object with a usable id and method.</summary>
    public static bool TryParse(byte[] utf8, out CdpMessage message, out string? problem)
    {
        message = default;
        problem = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 1024 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "a DevTools protocol message must be a JSON object";
                return false;
            }

            long? id = null;
            int idStart = 0, idLength = 0;
            string? method = null;
            var isError = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                if (!reader.Read())
                    break;
                if (name.SequenceEqual("id"u8))
                {
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value))
                    {
                        problem = "the message's \"id\" must be an integer";
                        return false;
                    }

                    id = value;
                    idStart = (int)reader.TokenStartIndex;
                    idLength = reader.ValueSpan.Length;
                }
                else if (name.SequenceEqual("method"u8))
                {
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        problem = "the message's \"method\" must be a string";
                        return false;
                    }

                    method = reader.GetString();
                }
                else
                {
                    if (name.SequenceEqual("error"u8))
                        isError = true;
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                problem = "a DevTools protocol message must be exactly one JSON object";
                return false;
            }

            message = new CdpMessage(utf8, id, idStart, idLength, method, isError);
            return true;
        }
        catch (JsonException exception)
        {
            problem = "the message is not valid JSON: " + exception.Message;
            return false;
        }
    }

    /// <summary>The same message with its id replaced by <paramref name="id"/>.</summary>
    public byte[] WithId(long id)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(id, digits, out var written);
        var result = new byte[Utf8.Length - _idLength + written];
        Utf8.AsSpan(0, _idStart).CopyTo(result);
        digits[..written].CopyTo(result.AsSpan(_idStart));
        Utf8.AsSpan(_idStart + _idLength).CopyTo(result.AsSpan(_idStart + written));
        return result;
    }

    /// <summary>A response with an empty result, for a request the hub answers itself.</summary>
    public static byte[] EmptyResult(long id) => Encoding.UTF8.GetBytes($"{{\"id\":{id},\"result\":{{}}}}");

    /// <summary>An error response (JSON-RPC codes, as V8 sends them); without an id when the request had none.</summary>
    public static byte[] Error(long? id, int code, string message)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (id is { } value)
                writer.WriteNumber("id", value);
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>V8's farewell event, sent to a client the hub disconnects (reason <c>target_closed</c>, <c>message_queue_full</c>).</summary>
    public static byte[] Detached(string reason) =>
        Encoding.UTF8.GetBytes($"{{\"method\":\"Inspector.detached\",\"params\":{{\"reason\":\"{reason}\"}}}}");

    /// <summary>A request the hub makes on its own behalf.</summary>
    public static byte[] Request(long id, string method, Action<Utf8JsonWriter>? writeParams = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            if (writeParams is not null)
            {
                writer.WriteStartObject("params");
                writeParams(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
