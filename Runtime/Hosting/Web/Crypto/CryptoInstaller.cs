using System.Security.Cryptography;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8.FastProxy;

namespace V8Host.Hosting.Web;

/// <summary>
/// <c>crypto</c>: random values from <see cref="RandomNumberGenerator"/>, written straight into the
/// typed array's memory; <c>crypto.subtle.digest</c> with .NET's SHA-1/SHA-2, one host call per
/// digest (synchronous: hashing 1 MiB takes well under a millisecond, less than a hop to another
/// thread and back through the event loop would cost); and the QuotaExceededError interface.
/// </summary>
internal static class CryptoInstaller
{
    public static void Install(WebGlue web)
    {
        var fillRandom = new V8FastHostFunction("fillRandom", (bool _, in V8FastArgs args, in V8FastResult _) =>
        {
            var view = args.Get<object>(0) as IArrayBufferView
                ?? throw new ArgumentException("fillRandom: not a typed array.");
            FillRandom(view);
        });
        var randomUuid = new V8FastHostFunction("randomUUID", (bool _, in V8FastArgs _, in V8FastResult result) =>
            result.Set(RandomUuid()));
        var hash = new V8FastHostFunction("hash", (bool _, in V8FastArgs args, in V8FastResult _) =>
        {
            var input = args.Get<object>(1) as IArrayBufferView
                ?? throw new ArgumentException("hash: the input is not a Uint8Array.");
            var output = args.Get<object>(2) as IArrayBufferView
                ?? throw new ArgumentException("hash: the output is not a Uint8Array.");
            Hash(args.GetInt32(0), input, output);
        });
        web.Run("QuotaExceededError");
        web.Run("Crypto", fillRandom, randomUuid, hash);
    }

    private static unsafe void FillRandom(IArrayBufferView view)
    {
        var length = checked((int)view.Size);
        view.InvokeWithDirectAccess(static (pointer, length) =>
            RandomNumberGenerator.Fill(new Span<byte>((byte*)pointer, length)), length);
    }

    // Version 4 (random), variant 10xx, lower-case hex with dashes, as RFC 9562 §5.4 lays out.
    private static string RandomUuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return string.Create(36, bytes.ToArray(), static (chars, value) =>
        {
            const string Hex = "0123456789abcdef";
            var at = 0;
            for (var i = 0; i < 16; i++)
            {
                if (i is 4 or 6 or 8 or 10)
                    chars[at++] = '-';
                chars[at++] = Hex[value[i] >> 4];
                chars[at++] = Hex[value[i] & 0xF];
            }
        });
    }

    private static unsafe void Hash(int algorithm, IArrayBufferView input, IArrayBufferView output)
    {
        Span<byte> digest = stackalloc byte[64];
        var length = checked((int)input.Size);
        int written;
        fixed (byte* target = digest)
        {
            written = length == 0
                ? HashData(algorithm, ReadOnlySpan<byte>.Empty, digest)
                : input.InvokeWithDirectAccess(static (pointer, state) =>
                    HashData(state.Algorithm, new ReadOnlySpan<byte>((byte*)pointer, state.Length), new Span<byte>((byte*)state.Digest, 64)),
                    (Algorithm: algorithm, Length: length, Digest: (IntPtr)target));
        }
        output.WriteBytes(digest[..written], 0, (ulong)written, 0);
    }

    private static int HashData(int algorithm, ReadOnlySpan<byte> data, Span<byte> digest) => algorithm switch
    {
        1 => SHA1.HashData(data, digest),
        256 => SHA256.HashData(data, digest),
        384 => SHA384.HashData(data, digest),
        512 => SHA512.HashData(data, digest),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
