using static V8Host.Tests.Hosting.Web.WebPlatformContext;

namespace V8Host.Tests.Hosting.Web.Encoding;

/// <summary>TextEncoder/TextDecoder edge cases the WPT files leave out: both sides of the JS/.NET split, hostile arguments, tampered intrinsics, huge inputs.</summary>
public class TextEncodingTests
{
    // Well past the lengths that stay in JS, with every UTF-8 length (1-4 bytes) and a BOM-looking start.
    private const string MixedText = """
        const unit = 'aé✓𝄞\u0000\u07FF\u0800\uFFFF\u{10FFFF}';
        let text = ''; while (text.length < 3000) text += unit;
        """;

    [Fact]
    public void Long_and_short_encodes_agree_with_a_reference_encoder()
    {
        var result = Eval(MixedText + """
            function reference(s) {
              const out = [];
              for (const ch of s) {
                const c = ch.codePointAt(0);
                if (c < 0x80) out.push(c);
                else if (c < 0x800) out.push(0xC0 | c >> 6, 0x80 | c & 63);
                else if (c < 0x10000) out.push(0xE0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
                else out.push(0xF0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
              }
              return out.join();
            }
            const encoder = new TextEncoder();
            const bad = [];
            for (const n of [0, 1, 5, 255, 256, 257, 2047, 2048, 2049, 3000]) {
              const s = text.slice(0, n).toWellFormed();
              const bytes = encoder.encode(s);
              if (bytes.join() !== reference(s) || bytes.buffer.byteLength !== bytes.length) bad.push(n);
            }
            bad.join() || 'ok';
            """);
        Assert.Equal("ok", result);
    }

    [Fact]
    public void Lone_surrogates_become_replacement_characters_on_both_paths()
    {
        var result = Eval("""
            const e = new TextEncoder();
            const short = e.encode('a\uD800b').join();
            const long = e.encode('x'.repeat(3000) + '\uDC00').slice(3000).join();
            short + '|' + long;
            """);
        Assert.Equal("97,239,191,189,98|239,191,189", result);
    }

    [Fact]
    public void EncodeInto_long_strings_stops_at_whole_code_points()
    {
        var result = Eval("""
            const e = new TextEncoder();
            const s = 'a'.repeat(2100) + '𝄞' + 'b'.repeat(60);
            const out = [];
            for (const size of [2100, 2101, 2103, 2104, 2105, 4000]) {
              const target = new Uint8Array(size).fill(7);
              const { read, written } = e.encodeInto(s, target);
              out.push(`${read}/${written}/${target[written] ?? '-'}`);
            }
            out.join(' ');
            """);
        // 2,100 'a' fit; the 4-byte U+1D11E needs 2,104 bytes; the rest of the array is left as it was.
        Assert.Equal("2100/2100/- 2100/2100/7 2100/2100/7 2102/2104/- 2103/2105/- 2162/2164/7", result);
    }

    [Fact]
    public void EncodeInto_a_shared_offset_or_detached_view_writes_only_inside_it()
    {
        var result = Eval("""
            const e = new TextEncoder();
            const shared = new Uint8Array(new SharedArrayBuffer(8));
            const r1 = e.encodeInto('héllo', shared);
            const backing = new Uint8Array(300).fill(1);
            const view = new Uint8Array(backing.buffer, 10, 200);
            const r2 = e.encodeInto('z'.repeat(250), view);
            const detached = new Uint8Array(16);
            detached.buffer.transfer();
            const r3 = e.encodeInto('short', detached), r4 = e.encodeInto('long'.repeat(1000), detached);
            [r1.read, r1.written, shared.join(), r2.read, r2.written, backing[9], backing[10], backing[209], backing[210],
             r3.read, r3.written, r4.read, r4.written].join();
            """);
        Assert.Equal("5,6,104,195,169,108,108,111,0,0,200,200,1,122,122,1,0,0,0,0", result);
    }

    [Fact]
    public void Streaming_long_utf8_split_anywhere_gives_back_the_text()
    {
        var result = Eval(MixedText + """
            const bytes = new TextEncoder().encode(text);
            const bad = [];
            for (const size of [1, 2, 3, 5, 255, 256, 257, 1023]) {
              const d = new TextDecoder();
              let out = '';
              for (let i = 0; i < bytes.length; i += size) out += d.decode(bytes.subarray(i, i + size), { stream: true });
              out += d.decode();
              if (out !== text) bad.push(size);
            }
            bad.join() || 'ok';
            """);
        Assert.Equal("ok", result);
    }

    [Fact]
    public void Invalid_utf8_decodes_the_same_in_js_and_in_dotnet()
    {
        // Each sequence alone (JS path) and padded past the host threshold (.NET path).
        var result = Eval("""
            const cases = [[0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98],
              [0xE2, 0x82], [0xFF], [0x80, 0x80], [0xF5, 0x80], [0xC2, 0x41], [0xE2, 0x28, 0xA1], [0xEF, 0xBF, 0xBE]];
            const d = new TextDecoder();
            const bad = [];
            for (const c of cases) {
              const alone = d.decode(new Uint8Array(c));
              const padded = d.decode(new Uint8Array([...new Array(200).fill(0x61), ...c, ...new Array(200).fill(0x62)]));
              if (padded !== 'a'.repeat(200) + alone + 'b'.repeat(200)) bad.push(c.join(' '));
            }
            bad.join(';') || 'ok';
            """);
        Assert.Equal("ok", result);
    }

    [Fact]
    public void Fatal_mode_throws_a_TypeError_naming_the_encoding_on_both_paths()
    {
        var result = Eval("""
            const d = new TextDecoder('utf-8', { fatal: true });
            const out = [];
            for (const bytes of [[0x61, 0xFF], [...new Array(300).fill(0x61), 0xC3, 0x28]]) {
              try { d.decode(new Uint8Array(bytes)); out.push('no error'); }
              catch (e) { out.push(e.constructor.name + ': ' + e.message); }
            }
            out.push(d.decode(new Uint8Array([0x6F, 0x6B]))); // usable again
            out.join('\n');
            """);
        Assert.Equal("""
            TypeError: Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid for encoding utf-8.
            TypeError: Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid for encoding utf-8.
            ok
            """, result);
    }

    [Fact]
    public void Unknown_labels_are_a_RangeError_naming_the_label_and_replacement_labels_are_refused()
    {
        var result = Eval("""
            const out = [];
            for (const label of ['nope', 'iso-2022-kr', 'replacement', 'utf\u212A-8', '\u00A0utf-8']) {
              try { new TextDecoder(label); out.push('accepted ' + label); }
              catch (e) { out.push(e.constructor.name + ': ' + e.message); }
            }
            out.push(new TextDecoder('\t\n\f\r UTF8 ').encoding, new TextDecoder('latin1').encoding, new TextDecoder('UNICODE').encoding);
            out.join('\n');
            """);
        Assert.Equal("""
            RangeError: Failed to construct 'TextDecoder': The encoding label provided ('nope') is invalid.
            RangeError: Failed to construct 'TextDecoder': The encoding label provided ('iso-2022-kr') is invalid.
            RangeError: Failed to construct 'TextDecoder': The encoding label provided ('replacement') is invalid.
            RangeError: Failed to construct 'TextDecoder': The encoding label provided ('utfK-8') is invalid.
            RangeError: Failed to construct 'TextDecoder': The encoding label provided (' utf-8') is invalid.
            utf-8
            windows-1252
            utf-16le
            """.Replace("utfK-8", "utf\u212A-8").Replace("' utf-8'", "'\u00A0utf-8'"), result);
    }

    [Fact]
    public void Hostile_arguments_give_precise_errors_and_conversions_run_in_order()
    {
        var result = Eval("""
            const out = [];
            const log = [];
            const attempt = (f) => { try { out.push(String(f())); } catch (e) { out.push(e === 'boom' ? 'boom' : e.constructor.name + ': ' + e.message); } };
            attempt(() => new TextDecoder({ toString() { throw 'boom'; } }));
            attempt(() => new TextDecoder('utf-8', { get fatal() { throw 'boom'; } }));
            new TextDecoder({ toString() { log.push('label'); return 'utf-8'; } },
              { get fatal() { log.push('fatal'); return true; }, get ignoreBOM() { log.push('ignoreBOM'); return false; } });
            out.push(log.join());
            attempt(() => new TextDecoder().decode(new Proxy(new Uint8Array(2), {})));
            const { proxy, revoke } = Proxy.revocable({}, {}); revoke();
            attempt(() => new TextDecoder().decode(new Uint8Array(1), proxy));
            attempt(() => new TextDecoder('utf-8', 5));
            attempt(() => new TextEncoder().encodeInto('a', new Uint16Array(2)));
            attempt(() => new TextEncoder().encodeInto('a'));
            attempt(() => TextDecoder.prototype.decode.call({}, new Uint8Array(1)));
            attempt(() => Object.getOwnPropertyDescriptor(TextDecoder.prototype, 'encoding').get.call(new TextEncoder()));
            attempt(() => new TextEncoder().encode({ toString() { return 'ok'; } }).join());
            attempt(() => new TextEncoder().encode(Symbol()));
            out.join('\n');
            """);
        Assert.Equal("""
            boom
            boom
            label,fatal,ignoreBOM
            TypeError: Failed to execute 'decode' on 'TextDecoder': parameter 1: The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.
            TypeError: Cannot perform 'get' on a proxy that has been revoked
            TypeError: Failed to construct 'TextDecoder': parameter 2: The provided value is not of type 'object'.
            TypeError: Failed to execute 'encodeInto' on 'TextEncoder': parameter 2: The provided value is not of type 'Uint8Array'.
            TypeError: Failed to execute 'encodeInto' on 'TextEncoder': 2 arguments required, but only 1 present.
            TypeError: Failed to execute 'decode' on 'TextDecoder': Illegal invocation
            TypeError: Failed to read the 'encoding' property from 'TextDecoder': Illegal invocation
            111,107
            TypeError: Failed to execute 'encode' on 'TextEncoder': parameter 1: Cannot convert a Symbol value to a string.
            """, result);
    }

    [Fact]
    public void Revoked_proxy_options_are_a_TypeError_not_a_crash()
    {
        // A revoked Proxy is an object, so it passes as a dictionary; reading a member throws.
        var result = Eval("""
            const { proxy, revoke } = Proxy.revocable({}, {}); revoke();
            try { new TextDecoder('utf-8', proxy); 'accepted'; } catch (e) { e.constructor.name; }
            """);
        Assert.Equal("TypeError", result);
    }

    [Fact]
    public void Detached_and_shared_inputs_decode_as_the_spec_says()
    {
        var result = Eval("""
            const d = new TextDecoder();
            const buffer = new ArrayBuffer(4);
            const view = new Uint8Array(buffer);
            view.set([0x61, 0x62, 0x63, 0x64]);
            buffer.transfer();
            const shared = new Uint8Array(new SharedArrayBuffer(300)).fill(0x78);
            [JSON.stringify(d.decode(buffer)), JSON.stringify(d.decode(view)), d.decode(shared).length, d.decode(shared.buffer).length,
             d.decode(new DataView(shared.buffer, 290))].join();
            """);
        Assert.Equal("\"\",\"\",300,300,xxxxxxxxxx", result);
    }

    [Fact]
    public void Tampered_intrinsics_do_not_change_encoding_or_decoding()
    {
        var result = Eval(MixedText + """
            const long = text.toWellFormed();
            const clean = new TextEncoder().encode(long);
            const TA = Object.getPrototypeOf(Uint8Array.prototype);
            // The test's own tools, taken before the tampering.
            const lengthOf = Function.prototype.call.bind(Object.getOwnPropertyDescriptor(TA, 'length').get);
            const same = (a, b) => {
              const n = lengthOf(a);
              if (n !== lengthOf(b)) return false;
              for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
              return true;
            };
            const shortBytes = Uint8Array.of(104, 195, 169);
            Array.prototype.push = () => { throw new Error('push'); };
            Array.prototype[Symbol.iterator] = function* () { throw new Error('iterator'); };
            Object.defineProperty(Array.prototype, '0', { set() { throw new Error('index setter'); }, configurable: true });
            Object.defineProperty(Array.prototype, 'constructor', { get() { throw new Error('species'); } });
            String.prototype.charCodeAt = () => 0;
            String.prototype.slice = () => 'x';
            String.prototype.split = () => [];
            String.prototype.toWellFormed = () => 'x';
            String.fromCharCode = () => 'x';
            Function.prototype.apply = () => 'x';
            Function.prototype.call = () => 'x';
            TA.set = TA.subarray = TA.slice = () => { throw new Error('typed array method'); };
            Object.defineProperty(TA, 'length', { get() { return 0; } });
            Object.defineProperty(Uint8Array.prototype, 'constructor', { get() { throw new Error('typed species'); } });
            Object.defineProperty = () => { throw new Error('defineProperty'); };
            Map.prototype.get = () => undefined;
            const encoder = new TextEncoder();
            const decoder = new TextDecoder('UTF-8');
            let r = '';
            r += same(encoder.encode('hé'), shortBytes) + ',';
            r += same(encoder.encode(long), clean) + ',';
            r += (decoder.decode(shortBytes) === 'hé') + ',' + (decoder.decode(clean) === long) + ',';
            r += (new TextDecoder('windows-1253').decode(Uint8Array.of(0xE1)) === '\u03B1') + ',';
            const target = new Uint8Array(4);
            const { read, written } = encoder.encodeInto('hé!', target);
            r += read + '/' + written + ',';
            r += atob(btoa('\u00FFab')) === '\u00FFab';
            r;
            """);
        Assert.Equal("true,true,true,true,true,3/4,true", result);
    }

    [Fact]
    public void Utf16_and_single_byte_streaming_keep_partial_units()
    {
        var result = Eval("""
            const out = [];
            const le = new TextDecoder('utf-16le');
            out.push(le.decode(Uint8Array.of(0x3D), { stream: true }) + '|' + le.decode(Uint8Array.of(0xD8, 0x1E), { stream: true }) + '|' + le.decode(Uint8Array.of(0xDD)));
            const be = new TextDecoder('utf-16be', { fatal: true });
            try { be.decode(Uint8Array.of(0xD8, 0x00, 0x00, 0x41)); } catch (e) { out.push(e.message); }
            out.push(new TextDecoder('utf-16be').decode(Uint8Array.of(0xD8, 0x00, 0x00, 0x41)));
            out.push(new TextDecoder('koi8-u').decode(Uint8Array.of(0xAE, 0xBE)), new TextDecoder('iso-8859-16').decode(Uint8Array.of(0xA4, 0xFF)));
            out.push(new TextDecoder('windows-1255').decode(Uint8Array.of(0xCA)), new TextDecoder('windows-874').decode(Uint8Array.of(0x81)).charCodeAt(0));
            out.join('\n');
            """);
        Assert.Equal("||\U0001F51E\nFailed to execute 'decode' on 'TextDecoder': The encoded data was not valid for encoding utf-16be.\n\uFFFDA\n\u045E\u040E\n\u20AC\u00FF\n\u05BA\n129", result);
    }

    [Fact]
    public void Single_byte_encodings_decode_the_same_in_js_and_in_dotnet()
    {
        var result = Eval("""
            const labels = ['ibm866', 'iso-8859-2', 'iso-8859-3', 'iso-8859-4', 'iso-8859-5', 'iso-8859-6', 'iso-8859-7', 'iso-8859-8',
              'iso-8859-8-i', 'iso-8859-10', 'iso-8859-13', 'iso-8859-14', 'iso-8859-15', 'iso-8859-16', 'koi8-r', 'koi8-u', 'macintosh',
              'windows-874', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255',
              'windows-1256', 'windows-1257', 'windows-1258', 'x-mac-cyrillic'];
            const all = new Uint8Array(512);
            for (let i = 0; i < 512; i++) all[i] = i & 0xFF;
            const bad = [];
            for (const label of labels) {
              const d = new TextDecoder(label);
              const inJs = d.decode(all.subarray(0, 128)) + d.decode(all.subarray(128, 256));
              if (d.decode(all) !== inJs + inJs) bad.push(label);
              const fatal = new TextDecoder(label, { fatal: true });
              let jsThrows = false, hostThrows = false;
              try { fatal.decode(all.subarray(128, 256)); } catch { jsThrows = true; }
              try { fatal.decode(all); } catch { hostThrows = true; }
              if (jsThrows !== hostThrows || jsThrows !== inJs.includes('\uFFFD')) bad.push(label + ' (fatal)');
            }
            bad.join() || 'ok';
            """);
        Assert.Equal("ok", result);
    }

    [Fact]
    public void Legacy_multibyte_encodings_decode_through_dotnet_and_stream()
    {
        var result = Eval("""
            const out = [];
            const cases = { gbk: [0xC4, 0xE3, 0xBA, 0xC3], gb18030: [0x81, 0x30, 0x81, 0x30], big5: [0xA4, 0xA4, 0xA4, 0xE5],
              'euc-jp': [0xC6, 0xFC, 0xCB, 0xDC], 'iso-2022-jp': [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42, 0x41],
              shift_jis: [0x93, 0xFA, 0x96, 0x7B], 'euc-kr': [0xC7, 0xD1, 0xB1, 0xDB] };
            for (const label in cases) {
              const d = new TextDecoder(label);
              let streamed = '';
              for (const b of cases[label]) streamed += d.decode(Uint8Array.of(b), { stream: true });
              streamed += d.decode();
              const whole = d.decode(Uint8Array.from(cases[label]));
              out.push(label + ':' + (streamed === whole ? whole : 'stream differs'));
            }
            try { new TextDecoder('gbk', { fatal: true }).decode(Uint8Array.of(0x81)); } catch (e) { out.push(e.message); }
            out.push(new TextDecoder('gbk').decode(Uint8Array.of(0x41, 0x81)));
            out.join('\n');
            """);
        Assert.Equal("""
            gbk:你好
            gb18030:
            big5:中文
            euc-jp:日本
            iso-2022-jp:日本A
            shift_jis:日本
            euc-kr:한글
            Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid for encoding gbk.
            A�
            """.Replace("gb18030:", "gb18030:\u0080"), result);
    }

    [Fact]
    public void Legacy_multibyte_bytes_the_Standard_leaves_unassigned_are_errors()
    {
        // Windows' code pages map these to private-use characters or let 0x80 through.
        var result = Eval("""
            const hex = (s) => Array.from(s, (c) => c.charCodeAt(0).toString(16)).join(' ');
            const out = [];
            for (const label of ['big5', 'euc-jp', 'iso-2022-jp', 'shift_jis', 'euc-kr']) {
              let fatal;
              try { new TextDecoder(label, { fatal: true }).decode(Uint8Array.of(0x41, 0xFF)); fatal = 'no error'; } catch (e) { fatal = e.constructor.name; }
              out.push(`${label}: ${hex(new TextDecoder(label).decode(Uint8Array.of(0x41, 0xFF, 0x42, 0x80)))} ${fatal}`);
            }
            out.push(hex(new TextDecoder('shift_jis').decode(Uint8Array.of(0xA0, 0xFD))));
            out.join('\n');
            """);
        Assert.Equal("""
            big5: 41 fffd 42 fffd TypeError
            euc-jp: 41 fffd 42 fffd TypeError
            iso-2022-jp: 41 fffd 42 fffd TypeError
            shift_jis: 41 fffd 42 80 TypeError
            euc-kr: 41 fffd 42 fffd TypeError
            fffd fffd
            """, result);
    }

    [Fact]
    public void Sixty_four_MiB_round_trips()
    {
        using var context = Create();
        var result = context.Eval<string>("""
            const big = 'a'.repeat(64 << 20);
            const bytes = new TextEncoder().encode(big);
            const text = new TextDecoder().decode(bytes);
            const wide = '✓'.repeat(8 << 20);
            const wideBytes = new TextEncoder().encode(wide);
            const d = new TextDecoder('utf-8', { fatal: true });
            let streamed = '';
            for (let i = 0; i < wideBytes.length; i += 1000001) streamed += d.decode(wideBytes.subarray(i, i + 1000001), { stream: true });
            streamed += d.decode();
            [bytes.length, text === big, wideBytes.length, streamed === wide].join();
            """, TimeSpan.FromSeconds(60));
        Assert.Equal($"{64 << 20},true,{24 << 20},true", result);
    }

    [Fact]
    public void A_result_longer_than_the_longest_string_is_a_RangeError()
    {
        using var context = Create();
        var result = context.Eval<string>("""
            const bytes = new Uint8Array((1 << 29) - 24 + 1).fill(0x61);
            try { new TextDecoder().decode(bytes); 'decoded'; } catch (e) { e.constructor.name + ': ' + e.message; }
            """, TimeSpan.FromSeconds(60));
        Assert.Equal("RangeError: Failed to execute 'decode' on 'TextDecoder': The decoded text would be longer than the longest string (536,870,888 code units).", result);
    }
}
