namespace V8Host.Tests.Values;

/// <summary>api.md §3: calling JS functions from .NET.</summary>
public sealed class JsFunctionTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContext();

    public void Dispose() => _context.Dispose();

    private JsFunction Fn(string source) => (JsFunction)_context.Eval(source)!;

    public delegate string Describe(string name, int count, double? weight);

    [Fact]
    public void AsDelegate_converts_arguments_and_the_result_to_the_delegate_types()
    {
        using var add = Fn("(a, b) => a + b");
        var addInts = add.AsDelegate<Func<int, int, int>>();
        Assert.Equal(5, addInts(2, 3));
        Assert.Equal("ab", add.AsDelegate<Func<string, string, string>>()("a", "b"));

        using var describe = Fn("(name, count, weight) => `${name}:${count}:${weight}`");
        Assert.Equal("x:3:null", describe.AsDelegate<Describe>()("x", 3, null));

        using var keep = Fn("v => { globalThis.kept = v; }");
        keep.AsDelegate<Action<long>>()(1L << 60);
        Assert.Equal("bigint", _context.Eval<string>("typeof kept"));
    }

    [Fact]
    public void AsDelegate_reports_a_result_it_cannot_convert_and_a_disposed_function()
    {
        var text = Fn("() => 'not a number'");
        var call = text.AsDelegate<Func<int>>();
        Assert.Throws<InvalidCastException>(() => call());

        text.Dispose();
        Assert.Throws<ObjectDisposedException>(() => call());
        Assert.Throws<ObjectDisposedException>(() => text.AsDelegate<Func<int>>());
    }

    [Fact]
    public void Invoke_ReturnsUntypedResult()
    {
        using var add = Fn("(a, b) => a + b");
        Assert.Equal(5, add.Invoke(2, 3));
        Assert.Equal(2.5, add.Invoke(1, 1.5));
        Assert.Equal("ab", add.Invoke("a", "b"));
    }

    [Fact]
    public void Invoke_WithoutArguments_PassesUndefined()
    {
        using var fn = Fn("(...args) => args.length + ':' + typeof args[0]");
        Assert.Equal("0:undefined", fn.Invoke());
    }

    [Fact]
    public void Invoke_NullAndUndefinedArguments()
    {
        using var fn = Fn("(a, b) => String(a === null) + String(b === undefined)");
        Assert.Equal("truetrue", fn.Invoke(null, JsUndefined.Value));
    }

    [Fact]
    public void Invoke_ReturningNothing_GivesUndefined()
    {
        using var fn = Fn("() => {}");
        Assert.Same(JsUndefined.Value, fn.Invoke());
    }

    [Fact]
    public void InvokeT_ConvertsResult()
    {
        using var fn = Fn("n => n * 2");
        Assert.Equal(8, fn.Invoke<int>(4));
        Assert.Equal(8L, fn.Invoke<long>(4));
        Assert.Equal(3.0, fn.Invoke<double>(1.5));
        using var list = Fn("n => [n, n + 1]");
        Assert.Equal(new List<int> { 1, 2 }, list.Invoke<List<int>>(1));
    }

    [Fact]
    public void InvokeT_WrongResultType_ThrowsInvalidCast()
    {
        using var fn = Fn("() => 'text'");
        var exception = Assert.Throws<InvalidCastException>(() => fn.Invoke<int>());
        Assert.Contains("string", exception.Message);
    }

    [Fact]
    public void Invoke_UsesUndefinedThis()
    {
        using var fn = Fn("(function () { 'use strict'; return this === undefined; })");
        Assert.Equal(true, fn.Invoke());
    }

    [Fact]
    public void InvokeWithThis_BindsThisToJsObject()
    {
        using var fn = Fn("(function (suffix) { return this.name + suffix; })");
        using var self = (JsObject)_context.Eval("({ name: 'obj' })")!;
        Assert.Equal("obj!", fn.InvokeWithThis(self, "!"));
    }

    [Fact]
    public void InvokeWithThis_SameObjectIdentity()
    {
        using var fn = Fn("(function () { return this === globalThis.target; })");
        using var target = (JsObject)_context.Eval("globalThis.target = {}; target")!;
        Assert.Equal(true, fn.InvokeWithThis(target));
    }

    [Fact]
    public void InvokeWithThis_DotNetDictionaryBecomesObject()
    {
        using var fn = Fn("(function () { 'use strict'; return this.x * 2; })");
        Assert.Equal(14, fn.InvokeWithThis(new Dictionary<string, object?> { ["x"] = 7 }));
    }

    [Fact]
    public void Invoke_DotNetCollections_AreCopiedIn()
    {
        using var fn = Fn("(list, dict) => { const ok = Array.isArray(list) && list.length === 3 && dict.k === 'v'; list.push(99); dict.k = 'changed'; return ok; }");
        var list = new List<int> { 1, 2, 3 };
        var dict = new Dictionary<string, string> { ["k"] = "v" };
        Assert.Equal(true, fn.Invoke(list, dict));
        Assert.Equal(new[] { 1, 2, 3 }, list);
        Assert.Equal("v", dict["k"]);
    }

    [Fact]
    public void Invoke_ByteArray_BecomesUint8Array()
    {
        using var fn = Fn("b => b instanceof Uint8Array ? Array.from(b).join(',') : 'no'");
        Assert.Equal("1,2,255", fn.Invoke(new byte[] { 1, 2, 255 }));
    }

    [Fact]
    public void Invoke_HandleArgument_IsSameJsValue()
    {
        using var obj = (JsObject)_context.Eval("globalThis.shared = { v: 1 }; shared")!;
        using var fn = Fn("o => o === shared");
        Assert.Equal(true, fn.Invoke(obj));
    }

    [Fact]
    public void Invoke_JsThrow_BecomesJavaScriptException()
    {
        using var fn = Fn("function boom(x) { throw new RangeError('bad value ' + x); }; boom");
        var exception = Assert.Throws<JavaScriptException>(() => fn.Invoke(5));
        Assert.Equal("RangeError", exception.ErrorName);
        Assert.Equal("bad value 5", exception.JsMessage);
        Assert.Contains(exception.Frames, frame => frame.FunctionName == "boom");
    }

    [Fact]
    public void Invoke_ThrowingNonError_BecomesJavaScriptException()
    {
        using var fn = Fn("() => { throw 'plain string'; }");
        var exception = Assert.Throws<JavaScriptException>(() => fn.Invoke());
        Assert.Equal("plain string", exception.JsMessage);
        Assert.Null(exception.ErrorName);
    }

    [Fact]
    public void InvokeT_JsThrow_BecomesJavaScriptException()
    {
        using var fn = Fn("() => { throw new TypeError('nope'); }");
        var exception = Assert.Throws<JavaScriptException>(() => fn.Invoke<int>());
        Assert.Equal("TypeError", exception.ErrorName);
    }

    [Fact]
    public void Invoke_ContextStaysUsableAfterThrow()
    {
        using var fn = Fn("() => { throw new Error('x'); }");
        Assert.Throws<JavaScriptException>(() => fn.Invoke());
        Assert.Equal(2, _context.Eval("1 + 1"));
    }

    [Fact]
    public void Invoke_HandleFromOtherContext_Throws()
    {
        using var other = new Isolate().CreateContext();
        using var foreign = (JsObject)other.Eval("({})")!;
        using var fn = Fn("o => o");
        Assert.Throws<ArgumentException>(() => fn.Invoke(foreign));
    }

    [Fact]
    public void CompileFunction_IsInvokable()
    {
        using var fn = _context.CompileFunction("return a * b;", new[] { "a", "b" });
        Assert.Equal(12, fn.Invoke(3, 4));
    }
}
