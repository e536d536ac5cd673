using System.Security.Cryptography;
using static V8Host.Tests.Hosting.Web.WebPlatformContext;

namespace V8Host.Tests.Hosting.Web.Crypto;

/// <summary>crypto and crypto.subtle.digest beyond the WPT files: shapes, errors, hostile arguments, tampering, huge inputs.</summary>
public class CryptoTests
{
    [Fact]
    public void GetRandomValues_fills_in_place_and_refuses_what_it_must()
    {
        var result = Eval("""
            const out = [];
            const a = new Uint8Array(4096);
            out.push(crypto.getRandomValues(a) === a, a.some((b) => b !== 0));
            const backing = new Uint8Array(32);
            crypto.getRandomValues(new Uint8Array(backing.buffer, 8, 16));
            out.push(backing.subarray(0, 8).every((b) => b === 0) && backing.subarray(24).every((b) => b === 0));
            const attempt = (f) => { try { f(); out.push('no error'); } catch (e) { out.push(`${e.constructor.name} ${e.name}: ${e.message}`); } };
            attempt(() => crypto.getRandomValues(new DataView(new ArrayBuffer(4))));
            attempt(() => crypto.getRandomValues(new Float64Array(1)));
            attempt(() => crypto.getRandomValues([1, 2]));
            attempt(() => crypto.getRandomValues(new Uint8Array(new SharedArrayBuffer(4))));
            attempt(() => crypto.getRandomValues());
            attempt(() => Crypto.prototype.getRandomValues.call({}, new Uint8Array(1)));
            attempt(() => new Crypto());
            attempt(() => new SubtleCrypto());
            try { crypto.getRandomValues(new Uint32Array(16385)); } catch (e) {
              out.push(e instanceof QuotaExceededError, e instanceof DOMException, e.code, e.quota, e.requested);
            }
            out.join('\n');
            """);
        Assert.Equal("""
            true
            true
            true
            DOMException TypeMismatchError: Failed to execute 'getRandomValues' on 'Crypto': The provided ArrayBufferView is of type 'DataView', which is not an integer array type.
            DOMException TypeMismatchError: Failed to execute 'getRandomValues' on 'Crypto': The provided ArrayBufferView is of type 'Float64Array', which is not an integer array type.
            TypeError TypeError: Failed to execute 'getRandomValues' on 'Crypto': parameter 1: The provided value is not of type 'ArrayBufferView'.
            TypeError TypeError: Failed to execute 'getRandomValues' on 'Crypto': parameter 1: The provided ArrayBufferView value must not be shared.
            TypeError TypeError: Failed to execute 'getRandomValues' on 'Crypto': 1 argument required, but only 0 present.
            TypeError TypeError: Failed to execute 'getRandomValues' on 'Crypto': Illegal invocation
            TypeError TypeError: Failed to construct 'Crypto': Illegal constructor
            TypeError TypeError: Failed to construct 'SubtleCrypto': Illegal constructor
            true
            true
            22
            
            
            """.Replace("22\n\n\n", "22\n\n"), result);
    }

    [Fact]
    public void QuotaExceededError_validates_its_options()
    {
        var result = Eval("""
            const out = [];
            const e = new QuotaExceededError('full', { quota: 10, requested: 12 });
            out.push(e.name, e.message, e.code, e.quota, e.requested, Object.prototype.toString.call(e));
            for (const options of [{ quota: -1 }, { requested: -1 }, { quota: 5, requested: 4 }, { quota: NaN }]) {
              try { new QuotaExceededError('', options); out.push('accepted'); } catch (err) { out.push(err.constructor.name); }
            }
            out.push(new QuotaExceededError().quota === null);
            out.join();
            """);
        Assert.Equal("QuotaExceededError,full,22,10,12,[object QuotaExceededError],RangeError,RangeError,RangeError,TypeError,true", result);
    }

    [Fact]
    public void RandomUUID_is_version_4_and_unique()
    {
        var result = Eval("""
            const seen = new Set();
            let ok = true;
            for (let i = 0; i < 2000; i++) {
              const u = crypto.randomUUID();
              ok &&= /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u) && !seen.has(u);
              seen.add(u);
            }
            String(ok);
            """);
        Assert.Equal("true", result);
    }

    [Fact]
    public async Task Digest_errors_are_rejections_with_precise_messages()
    {
        var result = await EvalAsync("""
            const out = [];
            const settle = async (f) => { try { await f(); out.push('resolved'); } catch (e) { out.push(`${e.constructor.name} ${e.name}: ${e.message}`); } };
            await settle(() => crypto.subtle.digest('MD5', new Uint8Array(1)));
            await settle(() => crypto.subtle.digest({}, new Uint8Array(1)));
            await settle(() => crypto.subtle.digest({ get name() { throw new RangeError('from getter'); } }, new Uint8Array(1)));
            await settle(() => crypto.subtle.digest('SHA-256', 'text'));
            await settle(() => crypto.subtle.digest('SHA-256', new Uint8Array(new SharedArrayBuffer(1))));
            await settle(() => crypto.subtle.digest('SHA-256'));
            await settle(() => SubtleCrypto.prototype.digest.call({}, 'SHA-256', new Uint8Array(1)));
            out.push(typeof crypto.subtle.encrypt, typeof crypto.subtle.importKey);
            return out.join('\n');

            """);
        Assert.Equal("""
            DOMException NotSupportedError: Failed to execute 'digest' on 'SubtleCrypto': Algorithm: Unrecognized name MD5 for digest.
            TypeError TypeError: Failed to execute 'digest' on 'SubtleCrypto': parameter 1: Algorithm: name: Missing or not a string.
            RangeError RangeError: from getter
            TypeError TypeError: Failed to execute 'digest' on 'SubtleCrypto': parameter 2: The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.
            TypeError TypeError: Failed to execute 'digest' on 'SubtleCrypto': parameter 2: The provided ArrayBufferView value must not be shared.
            TypeError TypeError: Failed to execute 'digest' on 'SubtleCrypto': 2 arguments required, but only 1 present.
            TypeError TypeError: Failed to execute 'digest' on 'SubtleCrypto': Illegal invocation
            undefined
            undefined
            """, result);
    }

    [Fact]
    public async Task Digest_of_64_MiB_matches_dotnet_and_tampering_changes_nothing()
    {
        var data = new byte[64 << 20];
        for (var i = 0; i < data.Length; i++)
            data[i] = (byte)(i * 31 + (i >> 8));
        var expected = Convert.ToHexStringLower(SHA512.HashData(data)) + "," + Convert.ToHexStringLower(SHA1.HashData("abc"u8));
        var result = await EvalAsync("""
            const data = new Uint8Array(64 << 20);
            for (let i = 0; i < data.length; i++) data[i] = i * 31 + (i >> 8);
            const then = Promise.prototype.then;
            const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
            Promise.prototype.then = function () { throw new Error('then'); };
            String.prototype.toUpperCase = () => 'MD5';
            ArrayBuffer.prototype.slice = () => { throw new Error('slice'); };
            const big = await crypto.subtle.digest({ name: 'sha-512' }, data);
            const small = await crypto.subtle.digest('Sha-1', new TextEncoder().encode('abc').buffer);
            Promise.prototype.then = then; // for the host, which waits on the result through it
            return hex(big) + ',' + hex(small);

            """);
        Assert.Equal(expected, result);
    }

    [Fact]
    public async Task Digest_of_a_detached_buffer_hashes_no_bytes()
    {
        var result = await EvalAsync("""
            const buffer = new ArrayBuffer(8);
            buffer.transfer();
            const digest = await crypto.subtle.digest('SHA-256', buffer);
            return Array.from(new Uint8Array(digest).subarray(0, 4)).join();

            """);
        Assert.Equal("227,176,196,66", result);
    }
}
