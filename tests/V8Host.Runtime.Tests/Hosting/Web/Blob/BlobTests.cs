using static V8Host.Tests.Hosting.Web.WebPlatformContext;

namespace V8Host.Tests.Hosting.Web.Blob;

/// <summary>Blob and File beyond the WPT files: immutability, hostile parts and options, tampering, huge contents.</summary>
public class BlobTests
{
    [Fact]
    public async Task Contents_are_copied_at_construction_and_results_are_fresh_copies()
    {
        var result = await EvalAsync("""
            const source = new Uint8Array([1, 2, 3, 4]);
            const blob = new Blob([source, source.buffer]);
            source[0] = 9;
            const first = await blob.bytes();
            first[1] = 9;
            const second = new Uint8Array(await blob.arrayBuffer());
            const slice = blob.slice(1, -1);
            return [Array.from(second).join(''), Array.from(await slice.bytes()).join(''), first !== second, slice.size].join();

            """);
        Assert.Equal("12341234,234123,true,6", result);
    }

    [Fact]
    public async Task Slice_converts_with_Clamp_and_relative_indices()
    {
        var result = await EvalAsync("""
            const blob = new Blob(['abcdefgh']);
            const cases = [[0.5], [1.5], [2.5], [-2.5], [NaN, NaN], [-Infinity, Infinity], [2 ** 64], [-(2 ** 64), 3], [3, 1], ['2', '4'], [null, true]];
            const out = [];
            for (const c of cases) out.push(await blob.slice(...c).text());
            out.push(blob.slice(0, 1, 'TEXT/Plain').type, JSON.stringify(blob.slice(0, 1, 'a\u00E9').type));
            try { blob.slice(Symbol()); } catch (e) { out.push(e.message); }
            try { blob.slice(0n); } catch (e) { out.push(e.message); }
            return out.join('|');

            """);
        Assert.Equal("abcdefgh|cdefgh|cdefgh|gh||abcdefgh||abc||cd|a|text/plain|\"\"|" +
            "Failed to execute 'slice' on 'Blob': parameter 1: Cannot convert a Symbol value to a number.|" +
            "Failed to execute 'slice' on 'Blob': parameter 1: Cannot convert a BigInt value to a number.", result);
    }

    [Fact]
    public void Hostile_parts_and_options_give_precise_errors_in_WebIDL_order()
    {
        var result = Eval("""
            const out = [];
            const log = [];
            const attempt = (f) => { try { f(); out.push('ok'); } catch (e) { out.push(e.constructor.name + ': ' + e.message); } };
            attempt(() => new Blob('abc'));
            attempt(() => new Blob([], { endings: 'windows' }));
            attempt(() => new Blob([new Uint8Array(new SharedArrayBuffer(2))]));
            attempt(() => new File(['a']));
            const { proxy, revoke } = Proxy.revocable({}, {}); revoke();
            attempt(() => new Blob([], proxy));
            attempt(() => Blob.prototype.slice.call({}));
            attempt(() => Object.getOwnPropertyDescriptor(File.prototype, 'name').get.call(new Blob()));
            const options = new Proxy({}, { get(target, key) { log.push(String(key)); return undefined; } });
            new File([{ toString() { log.push('part'); return 'x'; } }], { toString() { log.push('name'); return 'n'; } }, options);
            out.push(log.join());
            out.push(new Blob([new SharedArrayBuffer(2)]).size);
            out.join('\n');
            """);
        Assert.Equal("""
            TypeError: Failed to construct 'Blob': parameter 1: The object must have a callable @@iterator property.
            TypeError: Failed to construct 'Blob': parameter 2: member endings: The provided value 'windows' is not a valid enum value of type EndingType.
            TypeError: Failed to construct 'Blob': parameter 1: The provided ArrayBufferView value must not be shared.
            TypeError: Failed to construct 'File': 2 arguments required, but only 1 present.
            TypeError: Cannot perform 'get' on a proxy that has been revoked
            TypeError: Failed to execute 'slice' on 'Blob': Illegal invocation
            TypeError: Failed to read the 'name' property from 'File': Illegal invocation
            part,name,endings,type,lastModified
            26
            """, result);
    }

    [Fact]
    public async Task File_keeps_name_and_lastModified_and_native_endings_convert()
    {
        var result = await EvalAsync("""
            const f = new File(['a\r\nb\rc\n'], 'x\uD800.txt', { type: 'Text/Plain', lastModified: 1234.9, endings: 'native' });
            const now = Date.now();
            const g = new File([], 'g');
            return [f instanceof Blob, f.name === 'x\uFFFD.txt', f.lastModified, f.type, JSON.stringify(await f.text()),
             Math.abs(g.lastModified - now) < 60000, Object.prototype.toString.call(f), File.length].join();

            """);
        Assert.Equal("true,true,1234,text/plain,\"a\\nb\\nc\\n\",true,[object File],2", result);
    }

    [Fact]
    public async Task Text_drops_a_byte_order_mark_and_replaces_invalid_bytes()
    {
        var result = await EvalAsync("""
            const blob = new Blob([new Uint8Array([0xEF, 0xBB, 0xBF, 0x61, 0xFF, 0x62])]);
            return JSON.stringify(await blob.text()) + ',' + JSON.stringify(await blob.slice(3).text());

            """);
        Assert.Equal("\"a\uFFFDb\",\"a\uFFFDb\"", result);
    }

    [Fact]
    public async Task Tampered_intrinsics_do_not_change_blobs()
    {
        var result = await EvalAsync("""
            const parts = ['ab', new Uint8Array([0x63]), new Blob(['d'])];
            const TA = Object.getPrototypeOf(Uint8Array.prototype);
            TA.set = TA.subarray = TA.slice = () => { throw new Error('typed array method'); };
            Object.defineProperty(TA, 'length', { get() { return 0; } });
            Object.defineProperty(Uint8Array.prototype, 'constructor', { get() { throw new Error('species'); } });
            ArrayBuffer.prototype.slice = () => { throw new Error('slice'); };
            Array.prototype.push = () => { throw new Error('push'); };
            Object.defineProperty(Array.prototype, '0', { set() { throw new Error('index setter'); }, configurable: true });
            String.prototype.toLowerCase = () => 'x';
            String.prototype.charCodeAt = () => 65;
            const then = Promise.prototype.then;
            Promise.prototype.then = function () { throw new Error('then'); };
            Object.defineProperty = () => { throw new Error('defineProperty'); };
            const blob = new Blob(parts, { type: 'A/B' });
            const text = await blob.text();
            const bytes = await blob.slice(1, 3).bytes();
            Promise.prototype.then = then; // for the host, which waits on the result through it
            return [text, blob.type, blob.size, bytes[0], bytes[1]].join();

            """);
        Assert.Equal("abcd,a/b,4,98,99", result);
    }

    [Fact]
    public async Task Sixty_four_MiB_blobs_slice_without_copying_and_read_back()
    {
        var result = await EvalAsync("""
            const big = new Blob(['x'.repeat(32 << 20), new Uint8Array(32 << 20).fill(0x79)]);
            const tail = big.slice(-3);
            const text = await big.slice((32 << 20) - 2, (32 << 20) + 2).text();
            const all = await big.text();
            return [big.size, await tail.text(), text, all.length].join();
            """);
        Assert.Equal($"{64 << 20},yyy,xxyy,{64 << 20}", result);
    }
}
