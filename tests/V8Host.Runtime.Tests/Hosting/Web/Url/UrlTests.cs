namespace V8Host.Tests.Hosting.Web.Url;

public class UrlTests
{
    [Fact]
    public void Invalid_urls_throw_a_TypeError_that_names_the_input_and_the_base()
    {
        using var url = new UrlTestContext();
        Assert.Equal("TypeError: Failed to construct 'URL': Invalid URL 'x'", url.Eval("try { new URL('x'); 'no' } catch (e) { `${e.name}: ${e.message}` }"));
        Assert.Equal("Failed to construct 'URL': Invalid URL 'x' with base 'about:blank'",
            url.Eval("try { new URL('x', 'about:blank'); 'no' } catch (e) { e.message }"));
        Assert.Equal("Failed to construct 'URL': Invalid URL '/a' with base 'nope'", url.Eval("try { new URL('/a', 'nope'); 'no' } catch (e) { e.message }"));
        Assert.Equal("Failed to construct 'URL': 1 argument required, but only 0 present.", url.Eval("try { new URL(); 'no' } catch (e) { e.message }"));
        Assert.Equal("Failed to set the 'href' property on 'URL': Invalid URL 'nope'",
            url.Eval("const u = new URL('http://a/'); try { u.href = 'nope'; 'no' } catch (e) { e.message + (u.href === 'http://a/' ? '' : ' changed') }"));
    }

    [Fact]
    public void Long_inputs_are_quoted_shortened_in_errors()
    {
        using var url = new UrlTestContext();
        var message = url.Eval("try { new URL('x'.repeat(1e6)); 'no' } catch (e) { e.message }");
        Assert.StartsWith("Failed to construct 'URL': Invalid URL 'xxx", message);
        Assert.EndsWith("…' (1000000 characters)", message);
        Assert.True(message.Length < 400);
    }

    [Fact]
    public void Statics_parse_and_canParse_return_null_and_false_on_failure()
    {
        using var url = new UrlTestContext();
        Assert.Equal("null true false https://a/b",
            url.Eval("`${URL.parse('x')} ${URL.parse('/b', 'https://a/') instanceof URL} ${URL.canParse('/b', 'nope')} ${URL.parse('b', 'https://a/c')}`"));
        Assert.Equal("1 1 1", url.Eval("`${URL.length} ${URL.parse.length} ${URL.canParse.length}`"));
        Assert.Equal("Failed to execute 'canParse' on 'URL': 1 argument required, but only 0 present.", url.Eval("try { URL.canParse(); 'no' } catch (e) { e.message }"));
    }

    [Fact]
    public void Members_brand_check_their_receiver_and_name_themselves()
    {
        using var url = new UrlTestContext();
        Assert.Equal("Failed to read the 'href' property from 'URL': Illegal invocation",
            url.Eval("try { Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}); 'no' } catch (e) { e.message }"));
        Assert.Equal("Failed to set the 'search' property on 'URL': Illegal invocation",
            url.Eval("try { Object.getOwnPropertyDescriptor(URL.prototype, 'search').set.call(Object.create(URL.prototype), ''); 'no' } catch (e) { e.message }"));
        Assert.Equal("Failed to execute 'toJSON' on 'URL': Illegal invocation",
            url.Eval("try { URL.prototype.toJSON.call(new Proxy(new URL('http://a/'), {})); 'no' } catch (e) { e.message }"));
    }

    [Fact]
    public void Interface_has_the_WebIDL_shape()
    {
        using var url = new UrlTestContext();
        Assert.Equal("[object URL] true false true", url.Eval("""
            const d = Object.getOwnPropertyDescriptor(globalThis, 'URL');
            `${Object.prototype.toString.call(new URL('http://a/'))} ${d.writable} ${d.enumerable} ${Object.getOwnPropertyDescriptor(URL.prototype, 'href').enumerable}`
            """));
        Assert.Equal("\"http://a/b?c#d\"", url.Eval("JSON.stringify(new URL('http://a/b?c#d'))"));
        Assert.Equal("http://a/", url.Eval("String(new URL('http://a'))"));
    }

    [Fact]
    public void SearchParams_is_one_live_object_linked_both_ways()
    {
        using var url = new UrlTestContext();
        Assert.Equal("true|?a=1&b=2|?a=1&b=2&c=3|3|x=y|http://h/p#f|", url.Eval("""
            const u = new URL('http://h/p?a=1#f');
            const p = u.searchParams;
            const same = p === u.searchParams;
            p.append('b', '2');
            const s1 = u.search;
            u.search = '?a=1&b=2&c=3';
            const s2 = u.search;
            const size = p.size;
            u.href = 'http://h/p?x=y#f';
            const s3 = p.toString();
            p.delete('x');
            [same, s1, s2, size, s3, u.href, u.search].join('|')
            """));
    }

    [Fact]
    public void Setters_follow_the_state_overrides()
    {
        using var url = new UrlTestContext();
        Assert.Equal("https://h:8080/ https://h/ file://h/ file:///C:/x sc://h/a%20b", url.Eval("""
            const a = new URL('http://h/'); a.protocol = 'https'; a.port = '8080';
            const b = new URL('https://h:8080/'); b.port = '443';
            const c = new URL('http://h/'); c.protocol = 'file'; c.port = 'x';
            const d = new URL('file:///a'); d.pathname = 'C|/x';
            const e = new URL('sc://h/'); e.pathname = 'a b';
            [a, b, c, d, e].join(' ')
            """));
    }

    [Fact]
    public void IPv4_and_IPv6_hosts_are_parsed_and_serialized()
    {
        using var url = new UrlTestContext();
        Assert.Equal("192.168.0.1 0.0.0.255 1.0.0.0 [::1] [1::2:0:0:3] [::ffff:c000:280] [2001:db8::]", url.Eval("""
            ['http://0xc0.0250.0.1/', 'http://255/', 'http://0x1000000', 'http://[0:0::1]/', 'http://[1:0:0:0:2::3]/', 'http://[::ffff:192.0.2.128]/', 'http://[2001:DB8:0:0:0:0:0:0]/']
                .map((s) => new URL(s).hostname).join(' ')
            """));
        Assert.Equal("false false false", url.Eval("`${URL.canParse('http://1.2.3.4.5')} ${URL.canParse('http://256.0.0.0.')} ${URL.canParse('http://[1::2::3]')}`"));
    }

    [Fact]
    public void Origin_follows_the_scheme()
    {
        using var url = new UrlTestContext();
        Assert.Equal("https://h:8443|null|http://h|null|null", url.Eval("""
            ['https://h:8443/x', 'file:///x', 'blob:http://h/uuid', 'blob:ftp://h/', 'data:,x'].map((s) => new URL(s).origin).join('|')
            """));
    }
}
