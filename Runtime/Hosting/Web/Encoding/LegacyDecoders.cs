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
    private readonly Dictionary<int, (Decoder Decoder, bool Fatal, bool C1IsError)> _open = [];
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
        // The Standard's Big5, EUC-JP, ISO-2022-JP and EUC-KR decoders (not Shift_JIS, not gb18030)
        // treat a lone 0x80 as an error; these code pages pass it through as U+0080.
        _open[id] = (encoding.GetDecoder(), fatal, codePage is 950 or 51932 or 50220 or 949);
        return id;
    }

    /// <summary>
    /// Decodes <paramref name="bytes"/> after what the decoder holds; with <paramref name="flush"/> the
    /// held bytes end too (an incomplete sequence becomes U+FFFD). Null when fatal and invalid (the
    /// next decode starts afresh, as the Standard's decoder does after an error).
    /// <see cref="EncodingInstaller.TooLong"/> when the result would be longer than V8's longest string.
    /// After a flush, an error or a result too long the decoder is closed here: a second host call
    /// right after a result that crossed the heap limit would meet the termination before V8 does,
    /// and ClearScript answers such a call with a catchable Error, which let the script go on.
    /// </summary>
    public unsafe string? Decode(int id, IArrayBufferView bytes, bool flush)
    {
        if (!_open.TryGetValue(id, out var entry))
            throw new InvalidOperationException("The TextDecoder's decoder is closed.");
        if (bytes.Size > int.MaxValue)
        {
            _open.Remove(id);
            return EncodingInstaller.TooLong;
        }
        var length = (int)bytes.Size;
        string? text = null;
        try
        {
            text = length == 0
                ? Finish(entry.Decoder, ReadOnlySpan<byte>.Empty, flush, entry.Fatal, entry.C1IsError)
                : bytes.InvokeWithDirectAccess(static (pointer, state) =>
                    Finish(state.Decoder, new ReadOnlySpan<byte>((byte*)pointer, state.Length), state.Flush, state.Fatal, state.C1IsError),
                    (entry.Decoder, Length: length, Flush: flush, entry.Fatal, entry.C1IsError));
        }
        catch (DecoderFallbackException) when (entry.Fatal)
        {
        }
        if (flush || text is null || ReferenceEquals(text, EncodingInstaller.TooLong))
            _open.Remove(id);
        return text;
    }

    public void Close(int id) => _open.Remove(id);

    // Windows' double-byte code pages map the single bytes they leave unassigned (0xA0, 0xFD-0xFF in
    // 932; 0xFF in 949 and 950) to private-use U+F8F0-U+F8F8, which no index of the Standard has:
    // those, and U+0080 where it is an error, are the Standard's errors. Null when one turns up and
    // the decoder is fatal.
    private static string? Finish(Decoder decoder, ReadOnlySpan<byte> bytes, bool flush, bool fatal, bool c1IsError)
    {
        // GetCharCount leaves the decoder's state as it was.
        var count = decoder.GetCharCount(bytes, flush);
        if (count > EncodingInstaller.MaxStringLength)
            return EncodingInstaller.TooLong;
        Span<char> chars = count <= 1024 ? stackalloc char[1024] : new char[count];
        var total = decoder.GetChars(bytes, chars, flush);
        var text = chars[..total];
        for (var at = IndexOfError(text, c1IsError); at >= 0; at = IndexOfError(text, c1IsError))
        {
            if (fatal)
                return null;
            text[at] = '\uFFFD';
        }
        return new string(text);
    }

    private static int IndexOfError(ReadOnlySpan<char> text, bool c1IsError)
    {
        var unassigned = text.IndexOfAnyInRange('\uF8F0', '\uF8F8');
        if (!c1IsError)
            return unassigned;
        var c1 = text.IndexOf('\u0080');
        return unassigned < 0 ? c1 : c1 < 0 ? unassigned : Math.Min(unassigned, c1);
    }
}
