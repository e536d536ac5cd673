using System.Text;
using Microsoft.ClearScript.JavaScript;

namespace V8Host.Hosting.Web;

/// <summary>
/// The streaming decoders of one context's TextDecoders for the legacy multi-byte encodings (GBK,
/// gb18030, Big5, EUC-JP, ISO-2022-JP, Shift_JIS, EUC-KR), which .NET's code pages implement. A
/// System.Text.Decoder keeps the partial sequence between <c>decode(…, {stream: true})</c> calls; the
/// glue holds only its id and closes it when its TextDecoder is collected.
/// </summary>
internal sealed class LegacyDecoders
{
    private readonly Dictionary<int, (Decoder Decoder, bool Fatal)> _open = [];
    private int _lastId;

    /// <summary>Opens a decoder for <paramref name="codePage"/>; returns its id.</summary>
    public int Open(int codePage, bool fatal)
    {
        var encoding = CodePagesEncodingProvider.Instance.GetEncoding(
            codePage,
            EncoderFallback.ReplacementFallback,
            fatal ? DecoderFallback.ExceptionFallback : new DecoderReplacementFallback("\uFFFD"))
            ?? throw new NotSupportedException($"Code page {codePage} is not available.");
        var id = ++_lastId;
        _open[id] = (encoding.GetDecoder(), fatal);
        return id;
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> after what the decoder holds; with <paramref name="flush"/> the
    /// held bytes end too (an incomplete sequence becomes U+FFFD). Null when fatal and invalid; the
    /// decoder is then reset, as the Standard's decoder starts afresh after an error.
    /// <see cref="EncodingInstaller.TooLong"/> when the result would be longer than V8's longest string.
    /// </summary>
    public unsafe string? Decode(int id, IArrayBufferView bytes, bool flush)
    {
        if (!_open.TryGetValue(id, out var entry))
            throw new InvalidOperationException("The TextDecoder's decoder is closed.");
        if (bytes.Size > int.MaxValue)
            return EncodingInstaller.TooLong;
        var length = (int)bytes.Size;
        try
        {
            if (length == 0)
                return Finish(entry.Decoder, ReadOnlySpan<byte>.Empty, flush);
            return bytes.InvokeWithDirectAccess(static (pointer, state) =>
                Finish(state.Decoder, new ReadOnlySpan<byte>((byte*)pointer, state.Length), state.Flush),
                (entry.Decoder, Length: length, Flush: flush));
        }
        catch (DecoderFallbackException) when (entry.Fatal)
        {
            entry.Decoder.Reset();
            return null;
        }
    }

    public void Close(int id) => _open.Remove(id);

    private static string Finish(Decoder decoder, ReadOnlySpan<byte> bytes, bool flush)
    {
        // GetCharCount leaves the decoder's state as it was.
        var count = decoder.GetCharCount(bytes, flush);
        if (count > EncodingInstaller.MaxStringLength)
            return EncodingInstaller.TooLong;
        Span<char> chars = count <= 1024 ? stackalloc char[1024] : new char[count];
        var total = decoder.GetChars(bytes, chars, flush);
        return new string(chars[..total]);
    }
}
