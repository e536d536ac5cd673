namespace V8Host.Tests.Hosting.Web.Url;

public class UrlIdnaTests
{
    private static string Host(UrlTestContext url, string input) =>
        url.Eval($"(() => {{ try {{ return new URL('http://' + {System.Text.Json.JsonSerializer.Serialize(input)} + '/').hostname; }} catch (e) {{ return 'invalid'; }} }})()");

    [Theory]
    [InlineData("EXAMPLE.com", "example.com")]
    [InlineData("ÉXAMPLE.com", "xn--xample-9ua.com")]
    [InlineData("faß.de", "xn--fa-hia.de")] // nontransitional: ß stays
    [InlineData("ＥＸＡＭＰＬＥ。com", "example.com")] // width mapping and ideographic full stop
    [InlineData("-é.com", "xn----bga.com")] // CheckHyphens=false
    [InlineData("é-.com", "xn----9fa.com")]
    [InlineData("a..é", "a..xn--9ca")] // VerifyDnsLength=false: empty labels stay
    [InlineData("xn--zca.com", "xn--zca.com")]
    [InlineData("\u00AD.com", ".com")] // a label that maps to nothing is an empty label
    [InlineData("\u00ADy-.com", "y-.com")]
    [InlineData("-\u094D.a", "xn----1xd.a")] // a combining mark after a hyphen does not start the label
    [InlineData("éaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéaéa.com", "xn--aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-9wcbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.com")] // over 63: VerifyDnsLength=false
    [InlineData("אב.com", "xn--4dbc.com")]
    public void Domains_map_to_ASCII_as_the_URL_Standard_says(string input, string expected)
    {
        using var url = new UrlTestContext();
        Assert.Equal(expected, Host(url, input));
    }

    [Theory]
    [InlineData("xn--pokxncvks")] // bad Punycode
    [InlineData("xn--.com")]
    [InlineData("a\u200Cb.com")] // CheckJoiners: ZWNJ without a virama
    [InlineData("a\u05D0.com")] // CheckBidi: an LTR label with an R character
    [InlineData("\u0661.a")] // CheckBidi: a label that starts with an Arabic digit
    [InlineData("1.\u05D0\u05D1")] // CheckBidi: in a Bidi domain, an ASCII label must satisfy the rule too
    [InlineData("\u00AD\u0301.com")] // after mapping, the label starts with a combining mark
    [InlineData("é%zz.com")] // a forbidden domain code point (%) after mapping
    public void Invalid_domains_fail(string input)
    {
        using var url = new UrlTestContext();
        Assert.Equal("invalid", Host(url, input));
    }

    [Fact]
    public void Percent_encoded_hosts_are_decoded_before_mapping()
    {
        using var url = new UrlTestContext();
        Assert.Equal("xn--9ca.com", Host(url, "%C3%A9.com"));
        Assert.Equal("invalid", Host(url, "%C3.com"));
    }
}
