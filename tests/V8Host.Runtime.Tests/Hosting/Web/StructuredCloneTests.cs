namespace V8Host.Tests.Hosting.Web;

/// <summary>
/// The global structuredClone (HTML §2.7) over the runtime's serializer: what WPT's battery does not cover
/// in our setting — DataCloneError for what cannot be cloned (and only for that), transfer rules, platform
/// objects, and tampered intrinsics.
/// </summary>
public sealed class StructuredCloneTests : IDisposable
{
    private readonly Context _context = new Isolate().CreateContextBuilder().UseWebPlatform().Build();

    public void Dispose() => _context.Dispose();

    [Fact]
    public void CopiesAGraphWithCyclesAndBuiltIns()
    {
        Assert.Equal("true|true|2|1970-01-01T00:00:00.000Z|ab|x", _context.Eval("""
            const a = { d: new Date(0), m: new Map([[1, 2]]), s: new Set(['ab']), r: /x/g };
            a.self = a;
            const b = structuredClone(a);
            [b !== a, b.self === b, b.m.get(1), b.d.toISOString(), [...b.s][0], b.r.source].join('|')
            """));
    }

    [Theory]
    [InlineData("Symbol()")]
    [InlineData("() => 1")]
    [InlineData("new WeakMap()")]
    [InlineData("new URLSearchParams('a=1')")]
    [InlineData("new EventTarget()")]
    [InlineData("new AbortController()")]
    public void WhatCannotBeClonedIsADataCloneErrorDomException(string value)
    {
        Assert.Equal("DataCloneError|25|true", _context.Eval($$"""
            try { structuredClone({ nested: [{{value}}] }); 'cloned' }
            catch (e) { [e.name, e.code, e instanceof DOMException].join('|') }
            """));
    }

    [Fact]
    public void AnErrorThrownByAGetterPropagatesUnchanged()
    {
        Assert.Equal("RangeError:mine", _context.Eval("""
            try { structuredClone({ get x() { throw new RangeError('mine'); } }); 'cloned' }
            catch (e) { e.constructor.name + ':' + e.message }
            """));
    }

    [Fact]
    public void TransferDetachesTheOriginalAndTheCopyKeepsTheBytes()
    {
        Assert.Equal("0|3|1,2,3", _context.Eval("""
            const buffer = new Uint8Array([1, 2, 3]).buffer;
            const copy = structuredClone(buffer, { transfer: [buffer] });
            [buffer.byteLength, copy.byteLength, [...new Uint8Array(copy)].join()].join('|')
            """));
    }

    [Theory]
    [InlineData("[buffer, buffer]", "twice")]
    [InlineData("[{}]", "not transferable")]
    [InlineData("[detached]", "already detached")]
    public void ABadTransferListIsADataCloneErrorAndDetachesNothing(string list, string reason)
    {
        var result = (string)_context.Eval($$"""
            const buffer = new ArrayBuffer(4);
            const detached = new ArrayBuffer(1); detached.transfer();
            let outcome;
            try { structuredClone(buffer, { transfer: {{list}} }); outcome = 'cloned'; }
            catch (e) { outcome = e.name + ': ' + e.message; }
            outcome + '|' + buffer.byteLength
            """)!;
        Assert.StartsWith("DataCloneError: ", result);
        Assert.Contains(reason, result);
        Assert.EndsWith("|4", result);
    }

    [Fact]
    public void DomExceptionsCloneWithNameAndMessage()
    {
        Assert.Equal("true|NotFoundError|gone|8", _context.Eval("""
            const e = structuredClone(new DOMException('gone', 'NotFoundError'));
            [e instanceof DOMException, e.name, e.message, e.code].join('|')
            """));
    }

    [Fact]
    public void TamperedIntrinsicsDoNotChangeTheClone()
    {
        Assert.Equal("1,2|3|DataCloneError", _context.Eval("""
            const original = new Map([[1, [1, 2]]]);
            Array.prototype.push = () => { throw new Error('push'); };
            Object.defineProperty = () => { throw new Error('defineProperty'); };
            Map.prototype.set = () => { throw new Error('set'); };
            ArrayBuffer.prototype.transfer = () => { throw new Error('transfer'); };
            globalThis.DOMException = function () { return { name: 'forged' }; };
            const m = structuredClone(original);
            const buffer = new ArrayBuffer(3);
            const copy = structuredClone(buffer, { transfer: [buffer] });
            let name;
            try { structuredClone(Symbol()); } catch (e) { name = e.name; }
            [m.get(1).join(), copy.byteLength, name].join('|')
            """));
    }

    [Fact]
    public void RequiresAnArgument()
    {
        Assert.Equal("TypeError: Failed to execute 'structuredClone' on 'globalThis': 1 argument required, but only 0 present.",
            _context.Eval("try { structuredClone() } catch (e) { String(e) }"));
    }
}
