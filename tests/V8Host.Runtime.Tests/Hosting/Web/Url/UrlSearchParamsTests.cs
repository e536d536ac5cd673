namespace V8Host.Tests.Hosting.Web.Url;

public class UrlSearchParamsTests
{
    [Fact]
    public void Constructs_from_a_string_pairs_a_record_or_another_object()
    {
        using var url = new UrlTestContext();
        Assert.Equal("a=1&b=%C3%A9+x|a=1&b=2|a=1&b=2|a=1&b=%C3%A9+x|k=v", url.Eval("""
            const s = new URLSearchParams('?a=1&b=%C3%A9+x');
            [s, new URLSearchParams([['a', 1], ['b', 2]]), new URLSearchParams({ a: 1, b: 2 }), new URLSearchParams(s),
             new URLSearchParams(new Map([['k', 'v']]))].join('|')
            """));
    }

    [Fact]
    public void A_pair_that_is_not_two_items_is_a_TypeError_naming_it()
    {
        using var url = new UrlTestContext();
        Assert.Equal("TypeError: Failed to construct 'URLSearchParams': Each query pair must be an iterable [name, value] tuple; item 1 has 3 elements.",
            url.Eval("try { new URLSearchParams([['a', 'b'], ['c', 'd', 'e']]); 'no' } catch (e) { `${e.name}: ${e.message}` }"));
        Assert.Equal("TypeError", url.Eval("try { new URLSearchParams([1]); 'no' } catch (e) { e.name }"));
        Assert.Equal("TypeError", url.Eval("try { new URLSearchParams({ [Symbol.iterator]: 1 }); 'no' } catch (e) { e.name }"));
    }

    [Fact]
    public void Methods_follow_the_list_semantics()
    {
        using var url = new UrlTestContext();
        Assert.Equal("1|1,3|true|false|a=9&b=2|b=2|2", url.Eval("""
            const p = new URLSearchParams('a=1&b=2&a=3');
            const r = [p.get('a'), p.getAll('a').join(), p.has('a', '3'), p.has('a', '4')];
            p.set('a', '9'); r.push(p.toString());
            p.delete('a'); r.push(p.toString());
            p.append('c', ''); r.push(p.size);
            r.join('|')
            """));
        Assert.Equal("Failed to execute 'append' on 'URLSearchParams': 2 arguments required, but only 1 present.",
            url.Eval("try { new URLSearchParams().append('a'); 'no' } catch (e) { e.message }"));
    }

    [Fact]
    public void Sort_is_stable_and_compares_code_units()
    {
        using var url = new UrlTestContext();
        // U+FFFD sorts after U+D83D U+DE00 (a surrogate pair) by code units, though not by code points.
        Assert.Equal("a=2&a=1&b=0&%F0%9F%98%80=x&%EF%BF%BD=y", url.Eval("""
            const p = new URLSearchParams([['b', '0'], ['\uFFFD', 'y'], ['a', '2'], ['\u{1F600}', 'x'], ['a', '1']]);
            p.sort(); p.toString()
            """));
    }

    [Fact]
    public void Iterators_are_live_and_brand_checked()
    {
        using var url = new UrlTestContext();
        Assert.Equal("[object URLSearchParams Iterator]|a,b,c|true|Failed to execute 'next' on 'URLSearchParams Iterator': Illegal invocation", url.Eval("""
            const p = new URLSearchParams('a=1&b=2');
            const it = p.keys();
            const seen = [it.next().value];
            p.append('c', '3');
            for (const k of it) seen.push(k);
            const proto = Object.getPrototypeOf(it);
            let message;
            try { proto.next.call({}); } catch (e) { message = e.message; }
            [Object.prototype.toString.call(it), seen.join(), URLSearchParams.prototype[Symbol.iterator] === URLSearchParams.prototype.entries, message].join('|')
            """));
    }

    [Fact]
    public void ForEach_sees_changes_the_callback_makes()
    {
        using var url = new UrlTestContext();
        Assert.Equal("a=1,b=2,c=3", url.Eval("""
            const p = new URLSearchParams('a=1&b=2');
            const seen = [];
            p.forEach((value, name, self) => { seen.push(`${name}=${value}`); if (name === 'a') self.append('c', '3'); });
            seen.join()
            """));
        Assert.Equal("TypeError", url.Eval("try { new URLSearchParams().forEach(1); 'no' } catch (e) { e.name }"));
    }

    [Fact]
    public void Form_encoding_round_trips_every_code_unit_class()
    {
        using var url = new UrlTestContext();
        Assert.Equal("%00+%21%27%28%29%7E*-._%E2%82%AC%F0%9F%98%80%EF%BF%BD=%25+%2B", url.Eval("""
            const p = new URLSearchParams();
            p.append("\0 !'()~*-._€\u{1F600}\uD800", '% +');
            const again = new URLSearchParams(p.toString());
            p.toString() === again.toString() ? p.toString() : 'mismatch'
            """));
        // Invalid UTF-8 after percent-decoding becomes U+FFFD, one per maximal subpart.
        Assert.Equal("\uFFFD(|\uFFFDA|é|\uFFFD\uFFFD", url.Eval("['%C3%28', '%E2%82A', '%C3%A9', '%FF%80'].map((s) => new URLSearchParams('a=' + s).get('a')).join('|')"));
    }
}
