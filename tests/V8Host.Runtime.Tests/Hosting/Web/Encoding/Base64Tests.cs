using static V8Host.Tests.Hosting.Web.WebPlatformContext;

namespace V8Host.Tests.Hosting.Web.Encoding;

/// <summary>atob/btoa beyond the WPT data: error objects, huge inputs, hostile and tampered environments.</summary>
public class Base64Tests
{
    [Fact]
    public void Errors_are_InvalidCharacterError_DOMExceptions_and_arguments_are_required()
    {
        var result = Eval("""
            const out = [];
            for (const f of [() => atob('a'), () => atob('ab=c'), () => atob('a==='), () => atob('\u00C0AAA'), () => btoa('\u0100'), () => atob(), () => btoa()]) {
              try { out.push('ok ' + f()); } catch (e) { out.push(`${e instanceof DOMException} ${e.name} ${e.code} ${e.message}`); }
            }
            out.push(atob(' Y W I = '), atob('YQ'), btoa(''), atob(''), atob(null).length, btoa(undefined));
            out.join('\n');
            """);
        Assert.Equal("""
            true InvalidCharacterError 5 Failed to execute 'atob' on 'WindowOrWorkerGlobalScope': The string to be decoded is not correctly encoded.
            true InvalidCharacterError 5 Failed to execute 'atob' on 'WindowOrWorkerGlobalScope': The string to be decoded is not correctly encoded.
            true InvalidCharacterError 5 Failed to execute 'atob' on 'WindowOrWorkerGlobalScope': The string to be decoded is not correctly encoded.
            true InvalidCharacterError 5 Failed to execute 'atob' on 'WindowOrWorkerGlobalScope': The string to be decoded is not correctly encoded.
            true InvalidCharacterError 5 Failed to execute 'btoa' on 'WindowOrWorkerGlobalScope': The string to be encoded contains characters outside of the Latin1 range.
            false TypeError 0 Failed to execute 'atob' on 'WindowOrWorkerGlobalScope': 1 argument required, but only 0 present.
            false TypeError 0 Failed to execute 'btoa' on 'WindowOrWorkerGlobalScope': 1 argument required, but only 0 present.
            ab
            a


            3
            dW5kZWZpbmVk
            """.Replace("false TypeError 0", "false TypeError undefined"), result);
    }

    [Fact]
    public void A_throwing_toString_propagates_and_tampering_changes_nothing()
    {
        var result = Eval("""
            const out = [];
            try { atob({ toString() { throw new Error('mine'); } }); } catch (e) { out.push(e.message); }
            String.prototype.charCodeAt = () => 65;
            String.fromCharCode = () => '?';
            Function.prototype.apply = () => '?';
            Array.prototype.slice = () => [];
            out.push(btoa('\u00FF\u0000hi'), atob('/wBoaQ==') === '\u00FF\u0000hi');
            out.join();
            """);
        Assert.Equal("mine,/wBoaQ==,true", result);
    }

    [Fact]
    public void Sixteen_MiB_round_trip()
    {
        using var context = Create();
        var result = context.Eval<string>("""
            let s = ''; for (let i = 0; i < 256; i++) s += String.fromCharCode(i);
            const binary = s.repeat(1 << 16);
            const encoded = btoa(binary);
            [encoded.length, atob(encoded) === binary].join();
            """, TimeSpan.FromSeconds(60));
        Assert.Equal($"{(16 << 20) / 3 * 4 + 4},true", result);
    }
}
