namespace V8Host.ScriptServer.Tests;

/// <summary>
/// Every way a script fails is a clean error object with HTTP 200, each kind with its own name, and
/// the server runs the next script.
/// </summary>
public sealed class ErrorTests(ScriptServerFactory factory) : IClassFixture<ScriptServerFactory>
{
    [Fact]
    public async Task AThrownErrorGivesItsNameMessageAndLine()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("""
            const order = { items: [] };

            order.total.toFixed(2);
            """);

        reply.AssertError("TypeError");
        Assert.Contains("toFixed", reply.ErrorMessage);
        Assert.Equal(3, reply.ErrorLine);
        await client.AssertNextWorksAsync();
    }

    [Fact]
    public async Task ACustomErrorKeepsItsName()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("class RuleError extends Error { name = 'RuleError' }\nthrow new RuleError('no discount today')");

        reply.AssertError("RuleError");
        Assert.Equal("no discount today", reply.ErrorMessage);
        Assert.Equal(2, reply.ErrorLine);
    }

    [Fact]
    public async Task ASyntaxErrorGivesItsLine()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("let a = 1;\nlet b = (a +;\n");

        reply.AssertError("SyntaxError");
        Assert.Equal(2, reply.ErrorLine);
        await client.AssertNextWorksAsync();
    }

    [Theory]
    [InlineData("throw 42", "42")]
    [InlineData("throw 'plain text'", "plain text")]
    [InlineData("throw { code: 7, toString() { return 'code 7' } }", "code 7")]
    public async Task AThrownValueThatIsNotAnErrorHasANameOfItsOwn(string script, string shown)
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync(script);

        reply.AssertError("ThrownValue");
        Assert.Contains(shown, reply.ErrorMessage);
        await client.AssertNextWorksAsync();
    }

    [Fact]
    public async Task AnEndlessLoopTimesOut()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("console.log('before the loop'); while (true) {}");

        reply.AssertError("TimeoutError");
        Assert.Contains("1000 ms", reply.ErrorMessage);
        // What the script wrote before it was stopped is still shown.
        Assert.Equal(["before the loop"], reply.Console);
        await client.AssertNextWorksAsync();
    }

    [Fact]
    public async Task AThrownObjectWhoseToStringNeverReturnsTimesOut()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("throw { toString() { while (1); } }");

        Assert.Contains(reply.ErrorName, new[] { "TimeoutError", "ThrownValue" });
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
        await client.AssertNextWorksAsync();
    }

    [Fact]
    public async Task EndlessRecursionIsARangeError()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("function down(n) { return down(n + 1) + 1; }\ndown(0)");

        reply.AssertError("RangeError");
        Assert.Contains("call stack", reply.ErrorMessage);
        await client.AssertNextWorksAsync();
    }

    [Theory]
    [InlineData("() => 1", "is a function")]
    [InlineData("({ total: 1, compute() {} })", "The result.compute is a function")]
    [InlineData("new Map([[1, 2]])", "is a Map")]
    [InlineData("new Set([1])", "is a Set")]
    [InlineData("10n ** 30n", "is a bigint")]
    [InlineData("[1, NaN]", "The result[1] is NaN")]
    [InlineData("1 / 0", "is Infinity")]
    [InlineData("Promise.resolve(1)", "is a Promise")]
    [InlineData("new Uint8Array(4)", "binary data")]
    [InlineData("/x/", "is a RegExp")]
    [InlineData("new Error('as a value')", "is an Error")]
    [InlineData("const a = { name: 'loop' }; a.self = a; a", "nests deeper than 64 levels")]
    [InlineData("'x'.repeat(1 << 20)", "larger than 262,144 characters")]
    [InlineData("new Array(1e9)", "larger than 262,144 characters")]
    [InlineData("new Array(300000).fill(0)", "larger than 262,144 characters")]
    [InlineData("Array.from({ length: 20 }, () => 'x'.repeat(20000))", "larger than 262,144 characters of JSON (the server's limit; it passed it at the result[13])")]
    public async Task AValueJsonCannotCarryIsAResultErrorNamingIt(string script, string expected)
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync(script);

        reply.AssertError("ResultError");
        Assert.Contains(expected, reply.ErrorMessage);
        await client.AssertNextWorksAsync();
    }

    [Fact]
    public async Task AResultWhoseGetterThrowsIsAResultError()
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync("({ get total() { throw new RangeError('no total') } })");

        reply.AssertError("ResultError");
        Assert.Contains("RangeError: no total", reply.ErrorMessage);
    }

    [Theory]
    [InlineData("({ get total() { while (true) {} } })")]
    [InlineData("new Proxy({}, { ownKeys() { while (true) {} } })")]
    [InlineData("new Proxy([], { get() { while (true) {} } })")]
    public async Task AResultThatNeverFinishesReadingTimesOut(string script)
    {
        using var client = factory.CreateClient();
        var reply = await client.RunAsync(script);

        reply.AssertError("TimeoutError");
        // Reading the result, or already the runtime's look at the completion value inside Eval.
        Assert.Contains("ran longer than 1000 ms", reply.ErrorMessage);
        await client.AssertNextWorksAsync();
    }
}
