namespace V8Host.Tests.EventLoop;

/// <summary>api.md §2/§6: EvalAsync awaits a returned promise, accepts top-level await, and cancels as a termination.</summary>
public sealed class EvalAsyncTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(20);
    private readonly Context _context = new Isolate().CreateContextBuilder().Install(new TimersApi()).Build();

    public void Dispose() => _context.Dispose();

    [Theory]
    [InlineData("await new Promise(r => setTimeout(r, 5)); 42", 42)]
    [InlineData("const a = await Promise.resolve(1)\na + 1", 2)]
    [InlineData("let x = await 2;\nx\n+ 3;", 5)]
    [InlineData("await 1; [1, 2, 3].length", 3)]
    [InlineData("for await (const v of [Promise.resolve(4)]) { globalThis.v = v }\nv * 2", 8)]
    [InlineData("await 1; /a;b/.source.length", 3)]
    [InlineData("await 1; // a comment\n7 // trailing", 7)]
    [InlineData("await 1; `t${`${1}`}`.length", 2)]
    // Outside an async function `await` is an identifier, so V8 reports the token after it ("Unexpected number").
    [InlineData("const a = 1; [a, await 1].length", 2)]
    [InlineData("let q = 2; [q, await 3][1]", 3)]
    public async Task TopLevelAwait_GivesTheLastExpressionsValue(string source, int expected) =>
        Assert.Equal(expected, await _context.EvalAsync(source).WaitAsync(Generous));

    [Fact]
    public async Task TopLevelAwait_EndingInAStatement_GivesUndefined() =>
        Assert.Same(JsUndefined.Value, await _context.EvalAsync("await 1; if (true) { 5 }").WaitAsync(Generous));

    [Fact]
    public async Task TopLevelAwait_ThisIsTheGlobal() =>
        Assert.Equal(true, await _context.EvalAsync("await 0; this === globalThis").WaitAsync(Generous));

    [Fact]
    public async Task TopLevelAwait_Rejection_ThrowsWithTheUsersLine()
    {
        var exception = await Assert.ThrowsAsync<JavaScriptException>(() => _context.EvalAsync("await 1;\nthrow new TypeError('second line')"));
        Assert.Equal("second line", exception.JsMessage);
        Assert.Equal(2, exception.LineNumber);
    }

    [Fact]
    public async Task ASyntaxErrorInAScriptThatMentionsAwait_IsReportedAsItIs()
    {
        var error = await Assert.ThrowsAsync<JavaScriptException>(() => _context.EvalAsync("const await1 = 1; let let = 2;"));
        Assert.Equal("SyntaxError", error.ErrorName);
        Assert.Contains("let", error.JsMessage);
    }

    [Fact]
    public async Task ASyntaxErrorThatIsNotAboutAwait_IsReportedAsItIs()
    {
        var exception = await Assert.ThrowsAsync<JavaScriptException>(() => _context.EvalAsync("await 1; let let = 2"));
        Assert.Equal("SyntaxError", exception.ErrorName);
    }

    [Fact]
    public async Task Cancelling_WhileAwaiting_ThrowsScriptTerminatedException()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var exception = await Assert.ThrowsAsync<ScriptTerminatedException>(() => _context.EvalAsync("await new Promise(r => setTimeout(r, 60000))", cancel.Token));
        Assert.Contains("cancelled", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, _context.Eval<int>("1 + 1"));
    }

    [Fact]
    public async Task Cancelling_WhileScriptRuns_StopsIt()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAsync<ScriptTerminatedException>(() => Task.Run(() => _context.EvalAsync("for (;;);", cancel.Token)));
        Assert.Equal(2, _context.Eval<int>("1 + 1"));
    }

    [Fact]
    public void StatementBoundaries_SkipStringsCommentsTemplatesAndRegexes()
    {
        const string source = "a = ';'; /* ; */ b = `;${ {c: ';'} };`; d = /;/; e";
        var boundaries = V8Host.Engine.TopLevelAwait.StatementBoundaries(source);
        var starts = boundaries.Select(b => source[b..].TrimStart()).ToList();
        Assert.Equal(new[] { "a = ';'; /* ; */ b = `;${ {c: ';'} };`; d = /;/; e", "/* ; */ b = `;${ {c: ';'} };`; d = /;/; e", "d = /;/; e", "e" }, starts);
    }
}
