using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Hosting.Web;

/// <summary>
/// TextEncoder, TextDecoder, atob and btoa. The glue (Encoding.js) decides per call whether the bytes
/// cross: short inputs stay in JS, where a host call would cost more than the work; long UTF-8 inputs
/// and every legacy multi-byte encoding go to System.Text.Encoding, once per call, reading and writing
/// the Uint8Array's own memory.
/// </summary>
internal static class EncodingInstaller
{
    /// <summary>V8's longest string (<c>v8::String::kMaxLength</c> on 64-bit): a longer result cannot cross back.</summary>
    internal const int MaxStringLength = (1 << 29) - 24;

    public static void Install(WebGlue web)
    {
        var decoders = new LegacyDecoders();
        var encoded = new EncodedBytes();
        var encode = new V8FastHostFunction("encode", (bool _, in V8FastArgs args, in V8FastResult result) =>
            result.Set(encoded.Encode(args.GetCharSpan(0))));
        var takeEncoded = new V8FastHostFunction("takeEncoded", (bool _, in V8FastArgs args, in V8FastResult _) =>
            encoded.TakeInto(args.Get<object>(0) as IArrayBufferView
                ?? throw new ArgumentException("takeEncoded: the target is not a Uint8Array.")));
        // encodeInto(string, Uint8Array) -> code units read; the bytes written are read back with
        // lastWritten() (one number per fast call, and both are exact).
        long lastWritten = 0;
        var encodeInto = new V8FastHostFunction("encodeInto", (bool _, in V8FastArgs args, in V8FastResult result) =>
        {
            var source = args.GetCharSpan(0);
            var target = args.Get<object>(1) as IArrayBufferView
                ?? throw new ArgumentException("encodeInto: the destination is not a Uint8Array.");
            var (read, written) = EncodeInto(source, target);
            lastWritten = written;
            result.Set(read);
        });
        var readWritten = new V8FastHostFunction("lastWritten", (bool _, in V8FastArgs _, in V8FastResult result) =>
            result.Set(lastWritten));
        var decodeUtf8 = new V8FastHostFunction("decodeUtf8", (bool _, in V8FastArgs args, in V8FastResult result) =>
        {
            var bytes = args.Get<object>(0) as IArrayBufferView
                ?? throw new ArgumentException("decodeUtf8: the input is not a Uint8Array.");
            DecodeUtf8(bytes, args.GetBoolean(1), result);
        });
        var decodeSingleByte = new V8FastHostFunction("decodeSingleByte", (bool _, in V8FastArgs args, in V8FastResult result) =>
        {
            var bytes = args.Get<object>(1) as IArrayBufferView
                ?? throw new ArgumentException("decodeSingleByte: the input is not a Uint8Array.");
            DecodeSingleByte(args.GetCharSpan(0), bytes, args.GetBoolean(2), result);
        });
        var legacyOpen = new V8FastHostFunction("legacyOpen", (bool _, in V8FastArgs args, in V8FastResult result) =>
            result.Set(decoders.Open(args.GetInt32(0), args.GetBoolean(1))));
        var legacyDecode = new V8FastHostFunction("legacyDecode", (bool _, in V8FastArgs args, in V8FastResult result) =>
        {
            var bytes = args.Get<object>(1) as IArrayBufferView
                ?? throw new ArgumentException("legacyDecode: the input is not a Uint8Array.");
            SetText(result, decoders.Decode(args.GetInt32(0), bytes, args.GetBoolean(2)));
        });
        var legacyClose = new V8FastHostFunction("legacyClose", (bool _, in V8FastArgs args, in V8FastResult _) =>
            decoders.Close(args.GetInt32(0)));
        var indexes = web.Load("SingleByteIndexes");
        web.Run("Encoding", indexes, encode, takeEncoded, encodeInto, readWritten, decodeUtf8, decodeSingleByte, legacyOpen, legacyDecode, legacyClose);
        web.Run("Base64");
    }

    // A decoded string, null for invalid input in fatal mode, undefined when it is too long for V8.
    private static void SetText(in V8FastResult result, string? text)
    {
        if (text is null)
            result.SetNull();
        else if (ReferenceEquals(text, TooLong))
            result.SetUndefined();
        else
            result.Set(text);
    }

    /// <summary>The marker for a result longer than <see cref="MaxStringLength"/>.</summary>
    internal static readonly string TooLong = new('\uFFFF', 1);

    // TextEncoder's encodeInto: whole code points only (a surrogate pair is never split), lone
    // surrogates already replaced by USVString conversion, stopping where the next one no longer fits.
    private static unsafe (long Read, long Written) EncodeInto(ReadOnlySpan<char> source, IArrayBufferView target)
    {
        // More than 3 bytes per code unit are never written, which also keeps the length an int.
        var length = (int)Math.Min(target.Size, (ulong)source.Length * 3);
        if (length == 0 || source.IsEmpty)
            return (0, 0);
        fixed (char* chars = source)
        {
            var state = (Chars: (IntPtr)chars, Count: source.Length, Length: length);
            return target.InvokeWithDirectAccess(static (pointer, state) =>
            {
                var from = new ReadOnlySpan<char>((char*)state.Chars, state.Count);
                var to = new Span<byte>((byte*)pointer, state.Length);
                Utf8.FromUtf16(from, to, out var read, out var written, replaceInvalidSequences: true, isFinalBlock: true);
                return ((long)read, (long)written);
            }, state);
        }
    }

    // UTF-8 with the Encoding Standard's error handling: .NET replaces each maximal invalid
    // subsequence with one U+FFFD, which is the Standard's rule too. The text goes from a pooled
    // buffer straight into the V8 string (no .NET string in between). Null when fatal and invalid,
    // undefined when the text would be longer than V8's longest string.
    private static unsafe void DecodeUtf8(IArrayBufferView bytes, bool fatal, in V8FastResult result)
    {
        // Every 4 bytes give at least one code unit, so more than 2^31 bytes are always too long.
        if (bytes.Size > int.MaxValue)
        {
            result.SetUndefined();
            return;
        }
        var length = (int)bytes.Size;
        if (length == 0)
        {
            result.Set(string.Empty);
            return;
        }
        // Never more code units than bytes.
        var chars = ArrayPool<char>.Shared.Rent(Math.Min(length, MaxStringLength + 1));
        try
        {
            var written = bytes.InvokeWithDirectAccess(static (pointer, state) =>
            {
                var status = Utf8.ToUtf16(new ReadOnlySpan<byte>((byte*)pointer, state.Length), state.Chars, out _, out var written,
                    replaceInvalidSequences: !state.Fatal, isFinalBlock: true);
                return status switch
                {
                    OperationStatus.Done => written,
                    OperationStatus.DestinationTooSmall => int.MaxValue,
                    _ => -1,
                };
            }, (Length: length, Fatal: fatal, Chars: chars));
            if (written < 0)
                result.SetNull();
            else if (written > MaxStringLength)
                result.SetUndefined();
            else
                result.Set(chars.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // A single-byte encoding through its index (the 128 code points of bytes 0x80-0xFF, U+FFFD
    // where the index has none): one code unit per byte. Null when fatal and a byte has no code point.
    private static unsafe void DecodeSingleByte(ReadOnlySpan<char> index, IArrayBufferView bytes, bool fatal, in V8FastResult result)
    {
        var length = checked((int)Math.Min(bytes.Size, (ulong)MaxStringLength + 1));
        if (bytes.Size > (ulong)MaxStringLength)
        {
            result.SetUndefined();
            return;
        }
        if (length == 0)
        {
            result.Set(string.Empty);
            return;
        }
        var chars = ArrayPool<char>.Shared.Rent(length);
        try
        {
            bool valid;
            fixed (char* table = index)
            {
                valid = bytes.InvokeWithDirectAccess(static (pointer, state) =>
                {
                    var from = new ReadOnlySpan<byte>((byte*)pointer, state.Length);
                    var to = state.Chars.AsSpan(0, state.Length);
                    var map = new ReadOnlySpan<char>((char*)state.Table, 128);
                    var ok = true;
                    for (var i = 0; i < from.Length; i++)
                    {
                        var b = from[i];
                        var unit = b < 0x80 ? (char)b : map[b - 0x80];
                        ok &= unit != '\uFFFD';
                        to[i] = unit;
                    }
                    return ok || !state.Fatal;
                }, (Length: length, Chars: chars, Table: (IntPtr)table, Fatal: fatal));
            }
            if (valid)
                result.Set(chars.AsSpan(0, length));
            else
                result.SetNull();
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
