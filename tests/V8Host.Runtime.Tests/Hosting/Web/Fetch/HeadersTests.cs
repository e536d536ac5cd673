namespace V8Host.Tests.Hosting.Web.Fetch;

/// <summary>
/// Headers: the three init forms, validation and normalization with messages naming the header,
/// sorted and combined iteration (set-cookie apart), live iterators, brand checks, hostile inits
/// and large lists.
/// </summary>
public sealed class HeadersTests : FetchContext
{
    public HeadersTests() => Build(new FetchApi());

    [Fact]
    public void InitFormsAndSortedCombinedIteration()
    {
        Assert.Equal("a=1, 2|b=x|set-cookie=s1|set-cookie=s2|z=last;a=1, 2|b=x|set-cookie=s1|set-cookie=s2|z=last;a=1|b=2", Eval("""
            const h = new Headers([['Z', 'last'], ['a', '1'], ['Set-Cookie', 's1'], ['B', 'x'], ['a', '2'], ['set-cookie', 's2']]);
            const copy = new Headers(h);
            const record = new Headers({ b: '2', a: '1' });
            [[...h], [...copy], [...record]].map(list => list.map(([k, v]) => k + '=' + v).join('|')).join(';')
            """));
    }

    [Fact]
    public void ValuesAreNormalizedAndGetCombines()
    {
        Assert.Equal("a, b|true|false|null|[\"c1\",\"c2\"]|v", Eval("""
            const h = new Headers();
            h.append('X-A', ' \t a \r\n');
            h.append('x-a', 'b');
            h.append('Set-Cookie', 'c1');
            h.append('set-cookie', 'c2');
            h.set('Y', 'v');
            const has = h.has('X-a');
            h.delete('x-A');
            [h.get('set-cookie') === 'c1, c2' ? 'a, b' : '', has, h.has('x-a'), String(h.get('x-a')), JSON.stringify(h.getSetCookie()), h.get('y')].join('|')
            """));
    }

    [Theory]
    [InlineData("h.append('a b', 'x')", "TypeError: Failed to execute 'append' on 'Headers': 'a b' is not a valid HTTP header name.")]
    [InlineData("h.append('', 'x')", "TypeError: Failed to execute 'append' on 'Headers': '' is not a valid HTTP header name.")]
    [InlineData("h.set('a', 'x\\0y')", "TypeError: Failed to execute 'set' on 'Headers': 'x\u0000y' is not a valid value for the HTTP header 'a'.")]
    [InlineData("h.append('a', 'é€')", "TypeError: Failed to execute 'append' on 'Headers': The value contains the character at index 1, which is not a byte (it is above U+00FF).")]
    [InlineData("h.get('ü')", "TypeError: Failed to execute 'get' on 'Headers': 'ü' is not a valid HTTP header name.")]
    [InlineData("h.append('a')", "TypeError: Failed to execute 'append' on 'Headers': 2 arguments required, but only 1 present.")]
    [InlineData("new Headers([['a']])", "TypeError: Failed to construct 'Headers': The header pair at index 0 has 1 items; a pair is [name, value].")]
    [InlineData("new Headers('a: b')", "TypeError: Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.")]
    [InlineData("new Headers(null)", "TypeError: Failed to construct 'Headers': The provided value is not of type '(record<ByteString, ByteString> or sequence<sequence<ByteString>>)'.")]
    [InlineData("Headers.prototype.get.call({}, 'a')", "TypeError: Failed to execute 'get' on 'Headers': Illegal invocation")]
    [InlineData("h.keys().next.call({})", "TypeError: Failed to execute 'next' on 'Headers Iterator': Illegal invocation")]
    [InlineData("h.forEach(1)", "TypeError: Failed to execute 'forEach' on 'Headers': parameter 1: The callback provided as parameter is not a function.")]
    public void BadInputIsATypeErrorNamingWhatFailed(string code, string expected)
    {
        Assert.Equal(expected, Eval($"const h = new Headers(); try {{ {code}; 'no error' }} catch (e) {{ e.name + ': ' + e.message }}"));
    }

    [Fact]
    public void LongValuesAreQuotedInPart()
    {
        Assert.Equal("TypeError: Failed to execute 'append' on 'Headers': '" + new string('a', 64) + "…' (100002 characters) is not a valid value for the HTTP header 'x'.",
            Eval("try { new Headers().append('x', 'a'.repeat(100000) + '\\0b'); } catch (e) { e.name + ': ' + e.message }"));
    }

    [Fact]
    public void IteratorsAreLiveAndShaped()
    {
        Assert.Equal("a,b|[object Headers Iterator]|true|true|true|a:1,b:2,c:3", Eval("""
            const h = new Headers({ a: '1', c: '3' });
            const keys = h.keys();
            const first = keys.next().value;
            h.append('b', '2');
            const rest = keys.next().value;
            const it = h.entries();
            const proto = Object.getPrototypeOf(it);
            const seen = [];
            h.forEach(function (value, name, target) { 'use strict'; seen.push(name + ':' + value); if (target !== h || this !== undefined) seen.push('bad'); });
            [first + ',' + rest, Object.prototype.toString.call(it), Object.getPrototypeOf(proto) === Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())),
             Headers.prototype[Symbol.iterator] === Headers.prototype.entries, !Object.hasOwn(proto, 'constructor'), seen.join()].join('|')
            """));
    }

    [Fact]
    public void ForEachSeesChangesMadeByItsCallback()
    {
        Assert.Equal("a,b,c", Eval("""
            const h = new Headers({ a: '1', c: '3' });
            const seen = [];
            h.forEach((value, name) => { seen.push(name); if (name === 'a') h.append('b', '2'); });
            seen.join()
            """));
    }

    [Fact]
    public void ShapeFollowsWebIdl()
    {
        Assert.Equal("[object Headers]|true|append,delete,get,getSetCookie,has,set,forEach,keys,values,entries|0", Eval("""
            const keys = [];
            for (const k in Headers.prototype) keys.push(k);
            [Object.prototype.toString.call(new Headers()), Object.getOwnPropertyDescriptor(globalThis, 'Headers').enumerable === false, keys.join(), Headers.length].join('|')
            """));
    }

    [Fact]
    public void HostileInitsRunTheirCodeOnceAndTheirErrorsPropagate()
    {
        Assert.Equal("boom|revoked:TypeError|b=2|get a", Eval("""
            const out = [];
            try { new Headers({ get a() { throw new Error('boom'); } }); } catch (e) { out.push(e.message); }
            const { proxy, revoke } = Proxy.revocable({}, {});
            revoke();
            try { new Headers(proxy); } catch (e) { out.push('revoked:' + e.name); }
            const log = [];
            const traced = new Proxy({ b: '2' }, { get(t, k, r) { if (typeof k === 'string') log.push('get ' + k); return Reflect.get(t, k, r); } });
            out.push([...new Headers(traced)].map(([k, v]) => k + '=' + v).join());
            out.push(log.filter(x => x === 'get a').length === 0 ? 'get a' : 'extra');
            out.join('|')
            """));
    }

    [Fact]
    public void AValueWhoseToStringReentersSeesAConsistentList()
    {
        Assert.Equal("inner=1|outer=2", Eval("""
            const h = new Headers();
            h.append('outer', { toString() { h.append('inner', '1'); return '2'; } });
            [...h].map(([k, v]) => k + '=' + v).join('|')
            """));
    }

    [Fact]
    public void ManyHeadersAndHugeValues()
    {
        Assert.Equal("20000|h00000|16777216", Eval("""
            const h = new Headers();
            for (let i = 19999; i >= 0; i--) h.append('h' + String(i).padStart(5, '0'), 'v');
            const big = 'x'.repeat(16 * 1024 * 1024);
            h.set('big', big);
            const first = h.keys().next().value;
            [[...h].length - 1, h.keys().next().value === 'big' ? [...h.keys()][1] : first, h.get('big').length].join('|')
            """));
    }

    [Fact]
    public void TamperedBuiltInsDoNotChangeHeaders()
    {
        Assert.Equal("a=1, 2|b=3|true", Eval("""
            Array.prototype.push = function () { throw new Error('push'); };
            Array.prototype.sort = function () { throw new Error('sort'); };
            Array.prototype.join = function () { throw new Error('join'); };
            String.prototype.toLowerCase = function () { return 'hijacked'; };
            Map.prototype.get = function () { return 'hijacked'; };
            Map.prototype.set = function () { throw new Error('set'); };
            Object.defineProperty = function () { throw new Error('defineProperty'); };
            const h = new Headers({ B: '3' });
            h.append('A', '1');
            h.append('a', '2');
            const entries = h.entries();
            const first = entries.next().value, second = entries.next().value;
            first[0] + '=' + first[1] + '|' + second[0] + '=' + second[1] + '|' + entries.next().done
            """));
    }

    [Fact]
    public void TheIteratorMethodIsReadOnce()
    {
        Assert.Equal("1|a=b", Eval("""
            let reads = 0;
            const init = { get [Symbol.iterator]() { reads++; return function* () { yield ['a', 'b']; }; } };
            const h = new Headers(init);
            reads + '|' + [...h].map(([k, v]) => k + '=' + v).join()
            """));
    }
}
