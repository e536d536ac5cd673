namespace V8Host.Tests.Hosting.Web.Url;

/// <summary>Scripts that fight the API: tampered intrinsics, re-entrant conversions, proxies, huge inputs.</summary>
public class UrlHostileTests
{
    // Uses nothing the tampering below replaces: no push, no array iteration or destructuring.
    private const string Probe = """
        (() => {
            const u = new URL('HTTPS://user:pa ss@EXAMPLE.com:443/a/./b/../c d?q=1 2&r=é#f g');
            const p = u.searchParams;
            p.append('s', 't u');
            p.sort();
            const it = p.entries();
            let keys = '';
            for (let step = it.next(); !step.done; step = it.next())
                keys += (keys === '' ? '' : ',') + step.value[0];
            const copy = new URLSearchParams('x=1&y=2');
            return u.href + ' | ' + u.origin + ' | ' + u.host + ' | ' + u.pathname + ' | ' + p.get('r') + ' | ' + p.getAll('q').length + ' | ' +
                keys + ' | ' + p.size + ' | ' + copy.toString() + ' | ' + new URL('../x', 'http://h/a/b/').href + ' | ' +
                new URL('http://[::1]:8080/').host + ' | ' + new URL('http://é.com/').hostname;
        })()
        """;

    private const string Expected =
        "https://user:pa%20ss@example.com/a/c%20d?q=1+2&r=%C3%A9&s=t+u#f%20g | https://example.com | example.com | /a/c%20d | é | 1 | q,r,s | 3 | x=1&y=2 | " +
        "http://h/a/x | [::1]:8080 | xn--9ca.com";

    [Fact]
    public void Probe_gives_the_expected_results_untampered()
    {
        using var url = new UrlTestContext();
        Assert.Equal(Expected, url.Eval(Probe));
    }

    [Theory]
    [InlineData("Array.prototype.push = function () { throw new Error('push'); };")]
    [InlineData("Array.prototype[Symbol.iterator] = function* () { throw new Error('iterator'); };")]
    [InlineData("Object.defineProperty(Array.prototype, '0', { get() { return 'EVIL'; }, set(v) { throw new Error('index setter'); }, configurable: true });")]
    [InlineData("Object.defineProperty(Object.prototype, 'query', { set(v) { throw new Error('query setter'); }, configurable: true });")]
    [InlineData("Object.defineProperty(Object.prototype, 'value', { set(v) { throw new Error('value setter'); }, configurable: true });")]
    [InlineData("for (const name of ['slice', 'charCodeAt', 'indexOf', 'lastIndexOf', 'toLowerCase', 'toWellFormed', 'split', 'replace']) String.prototype[name] = function () { throw new Error(name); };")]
    [InlineData("Object.defineProperty = function () { throw new Error('defineProperty'); }; Reflect.defineProperty = Object.defineProperty;")]
    [InlineData("String.fromCharCode = function () { return 'EVIL'; }; Function.prototype.apply = function () { return 'EVIL'; };")]
    [InlineData("Object.defineProperty(Object.getPrototypeOf(Uint8Array.prototype), 'length', { get() { return 3; } }); Uint8Array.prototype.set = function () { throw new Error('set'); };")]
    [InlineData("Map.prototype.get = function () { throw new Error('map'); }; Map.prototype.set = Map.prototype.get;")]
    [InlineData("RegExp.prototype.exec = function () { throw new Error('exec'); }; Promise.prototype.then = function () { throw new Error('then'); };")]
    [InlineData("for (const name of ['next', 'done', 'length', 'scheme', 'host', 'path', '0', '1']) Object.defineProperty(Object.prototype, name, { get() { throw new Error(name); }, set(v) { throw new Error(name); }, configurable: true });")]
    public void Tampered_intrinsics_do_not_change_the_results(string tamper)
    {
        using var url = new UrlTestContext();
        var result = url.Eval($"(() => {{ {tamper} return {Probe}; }})()");
        Assert.Equal(Expected, result);
    }

    [Fact]
    public void Conversions_run_user_code_once_and_in_order_and_their_errors_propagate()
    {
        using var url = new UrlTestContext();
        Assert.Equal("url,base|boom|http://h/x", url.Eval("""
            const order = [];
            const u = new URL({ toString() { order.push('url'); return 'x'; } }, { toString() { order.push('base'); return 'http://h/'; } });
            let message;
            try { new URL({ toString() { throw new Error('boom'); } }); } catch (e) { message = e.message; }
            [order.join(), message, u.href].join('|')
            """));
        Assert.Equal("Failed to construct 'URL': Cannot convert a Symbol value to a string.", url.Eval("try { new URL(Symbol()); 'no' } catch (e) { e.message }"));
    }

    [Fact]
    public void Re_entrant_conversions_see_a_consistent_url()
    {
        using var url = new UrlTestContext();
        // The value's toString replaces the href while the search setter converts it.
        Assert.Equal("http://b/?z=1|z=1", url.Eval("""
            const u = new URL('http://a/?x=1');
            const params = u.searchParams;
            u.search = { toString() { u.href = 'http://b/?y=2'; return 'z=1'; } };
            [u.href, params.toString()].join('|')
            """));
    }

    [Fact]
    public void Proxies_and_revoked_proxies_as_init_behave_as_objects()
    {
        using var url = new UrlTestContext();
        Assert.Equal("a=1|TypeError", url.Eval("""
            const p = new URLSearchParams(new Proxy({ a: 1 }, {}));
            const { proxy, revoke } = Proxy.revocable({}, {});
            revoke();
            let name;
            try { new URLSearchParams(proxy); } catch (e) { name = e.name; }
            [p.toString(), name].join('|')
            """));
        Assert.Equal("TypeError", url.Eval("try { URLSearchParams.prototype.get.call(new Proxy(new URLSearchParams(), {}), 'a'); 'no' } catch (e) { e.name }"));
    }

    [Fact]
    public void Getters_that_throw_in_a_record_stop_construction_with_their_error()
    {
        using var url = new UrlTestContext();
        Assert.Equal("getter", url.Eval("try { new URLSearchParams({ get a() { throw new Error('getter'); } }); 'no' } catch (e) { e.message }"));
        Assert.Equal("next", url.Eval("try { new URLSearchParams({ [Symbol.iterator]() { return { next() { throw new Error('next'); } }; } }); 'no' } catch (e) { e.message }"));
    }

    [Theory]
    [InlineData("new URL('http://a/' + 'a'.repeat(M)).pathname.length", 67108865)]
    [InlineData("new URL('http://' + 'a'.repeat(M) + '/').hostname.length", 67108864)]
    // 16 Mi of 'é' become 96 Mi code units of escapes; 64 MiB of them would come close to the default heap limit.
    [InlineData("new URL('http://a/?' + 'é'.repeat(M / 4)).search.length", 100663297)]
    [InlineData("new URLSearchParams('a=' + '%C3%A9'.repeat(M / 6)).get('a').length", 11184810)]
    [InlineData("new URL('http://a/' + ' '.repeat(M / 4) + 'x').pathname.length", 50331650)]
    [InlineData("new URLSearchParams('a&'.repeat(M / 2)).size", 33554432)]
    public void Huge_inputs_parse_correctly(string expression, int expected)
    {
        using var url = new UrlTestContext();
        Assert.Equal(expected, url.Context.Eval<int>($"(() => {{ const M = 64 * 1024 * 1024; return {expression}; }})()"));
    }

    [Fact]
    public void Huge_inputs_that_cannot_be_valid_fail_fast_with_a_short_message()
    {
        using var url = new UrlTestContext();
        var result = url.Eval("""
            const M = 64 * 1024 * 1024;
            const messages = [];
            for (const input of ['x'.repeat(M), 'http://' + 'é'.repeat(M) + '/', 'http://[' + '1:'.repeat(M / 2) + ']/', 'http://a:' + '9'.repeat(M) + '/'])
                try { new URL(input); messages.push('parsed'); } catch (e) { messages.push(e.name + ' ' + e.message.length); }
            messages.join()
            """);
        Assert.All(result.Split(','), m => Assert.Matches(@"^TypeError \d{2,3}$", m));
    }

    [Fact]
    public void Many_dot_segments_and_many_pairs_stay_linear()
    {
        using var url = new UrlTestContext();
        Assert.Equal("/ 4194304 ", url.Eval("""
            const u = new URL('http://a/' + '../'.repeat(4 * 1024 * 1024));
            const p = new URLSearchParams('a&'.repeat(4 * 1024 * 1024));
            [u.pathname, p.size, ''].join(' ')
            """));
    }
}
