using System.Numerics;

namespace V8Host.Tests.Values;

// Delegate types with named (and nullable-annotated) parameters: Func<…> only has "arg1", "arg2" …
public delegate string TakeBool(bool flag);
public delegate int TakeInt(int count);
public delegate byte TakeByte(byte small);
public delegate long TakeLong(long big);
public delegate double TakeDouble(double ratio);
public delegate float TakeFloat(float single);
public delegate decimal TakeDecimal(decimal money);
public delegate int TakeString(string text);
public delegate string TakeNullableString(string? text);
public delegate string TakeChar(char letter);
public delegate string TakeBigInteger(BigInteger huge);
public delegate long TakeDateTime(DateTime when);
public delegate long TakeDateTimeOffset(DateTimeOffset when);
public delegate string TakeEnum(Shade shade);
public delegate string TakeNullableInt(int? maybe);
public delegate int TakeOptional(int a, int b = 10);
public delegate string TakeOptionalString(string name = "anon");
public delegate int TakeParams(params int[] values);
public delegate string TakeLeadingAndParams(string separator, params string[] parts);
public delegate int TakeIntArray(int[] values);
public delegate int TakeList(List<int> values);
public delegate int TakeReadOnlyList(IReadOnlyList<int> values);
public delegate int TakeEnumerable(IEnumerable<int> values);
public delegate int TakeDictionary(Dictionary<string, int> map);
public delegate string TakeReadOnlyDictionary(IReadOnlyDictionary<string, string> map);
public delegate int TakeBytes(byte[] data);
public delegate int TakeReadOnlyMemory(ReadOnlyMemory<byte> data);
public delegate int TakeMemory(Memory<byte> data);
public delegate int TakeFunc(Func<int, int> callback);
public delegate object? TakeJsFunction(JsFunction callback);
public delegate int TakeJsObject(JsObject obj);
public delegate int TakeJsArray(JsArray items);
public delegate string TakeObject(object? anything);
public delegate int TakeContext(Context context, int value);
public delegate bool TakeCancellation(int value, CancellationToken cancellationToken);
public delegate int Clamp(int value, int min, int max);

/// <summary>types.md: host functions registered at run time (reflection path) convert arguments and results.</summary>
public sealed class HostFunctionTests
{
    private static Context Build(string name, Delegate function) =>
        new Isolate().CreateContextBuilder().AddHostFunction(name, function).Build();

    /// <summary>Calls <paramref name="call"/> in JS and returns "ErrorName: message" of what it threw, or "ok:value".</summary>
    private static string Outcome(Context context, string call) =>
        context.Eval<string>($"try {{ 'ok:' + String({call}) }} catch (e) {{ e.name + ': ' + e.message }}");

    private static void AssertError(Context context, string call, string errorName, params string[] fragments)
    {
        var outcome = Outcome(context, call);
        Assert.StartsWith(errorName + ": ", outcome);
        foreach (var fragment in fragments)
            Assert.Contains(fragment, outcome);
    }

    // ---- parameters -----------------------------------------------------------------------------

    [Fact]
    public void Bool_Strict()
    {
        using var context = Build("takeBool", new TakeBool(flag => flag ? "yes" : "no"));
        Assert.Equal("ok:yes", Outcome(context, "takeBool(true)"));
        Assert.Equal("ok:no", Outcome(context, "takeBool(false)"));
        AssertError(context, "takeBool(1)", "TypeError", "takeBool", "flag", "boolean");
        AssertError(context, "takeBool('x')", "TypeError", "takeBool", "flag");
        AssertError(context, "takeBool(null)", "TypeError", "takeBool", "flag");
    }

    [Fact]
    public void Int_IntegralAndInRange()
    {
        using var context = Build("takeInt", new TakeInt(count => count + 1));
        Assert.Equal("ok:8", Outcome(context, "takeInt(7)"));
        Assert.Equal("ok:-2147483647", Outcome(context, "takeInt(-2147483648)"));
        AssertError(context, "takeInt('x')", "TypeError", "takeInt", "count");
        AssertError(context, "takeInt(1.5)", "RangeError", "takeInt", "count");
        AssertError(context, "takeInt(2 ** 31)", "RangeError", "takeInt", "count");
        Assert.Equal("ok:6", Outcome(context, "takeInt(5n)")); // a bigint in range is accepted (docs/types.md)
        AssertError(context, "takeInt(2n ** 40n)", "RangeError", "takeInt", "count");
    }

    [Fact]
    public void Byte_OutOfRange_IsRangeError()
    {
        using var context = Build("takeByte", new TakeByte(small => small));
        Assert.Equal("ok:255", Outcome(context, "takeByte(255)"));
        AssertError(context, "takeByte(300)", "RangeError", "takeByte", "small", "300");
        AssertError(context, "takeByte(-1)", "RangeError", "takeByte", "small");
    }

    [Fact]
    public void Long_FromNumberAndBigInt()
    {
        using var context = Build("takeLong", new TakeLong(big => big));
        Assert.Equal("ok:1099511627776", Outcome(context, "takeLong(2 ** 40)"));
        Assert.True(context.Eval<bool>("takeLong(2n ** 60n) === 2n ** 60n"));
        AssertError(context, "takeLong(2n ** 64n)", "RangeError", "takeLong", "big");
    }

    [Fact]
    public void FloatingPoint_AcceptNumbers()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("takeDouble", new TakeDouble(ratio => ratio * 2))
            .AddHostFunction("takeFloat", new TakeFloat(single => single))
            .AddHostFunction("takeDecimal", new TakeDecimal(money => money * 2))
            .Build();
        Assert.Equal(3.0, context.Eval<double>("takeDouble(1.5)"));
        Assert.Equal(4.0, context.Eval<double>("takeDouble(2)"));
        Assert.Equal(0.25, context.Eval<double>("takeFloat(0.25)"));
        Assert.Equal(0.5, context.Eval<double>("takeDecimal(0.25)"));
        AssertError(context, "takeDouble('1')", "TypeError", "takeDouble", "ratio");
        AssertError(context, "takeDecimal('1')", "TypeError", "takeDecimal", "money");
    }

    [Fact]
    public void String_RejectsNullAndNonStrings()
    {
        using var context = Build("takeString", new TakeString(text => text.Length));
        Assert.Equal("ok:3", Outcome(context, "takeString('abc')"));
        AssertError(context, "takeString(1)", "TypeError", "takeString", "text", "string");
        AssertError(context, "takeString(null)", "TypeError", "takeString", "text");
        AssertError(context, "takeString(undefined)", "TypeError", "takeString", "text");
    }

    [Fact]
    public void NullableString_AcceptsNullAndUndefined()
    {
        using var context = Build("takeMaybe", new TakeNullableString(text => text ?? "<null>"));
        Assert.Equal("ok:abc", Outcome(context, "takeMaybe('abc')"));
        Assert.Equal("ok:<null>", Outcome(context, "takeMaybe(null)"));
        Assert.Equal("ok:<null>", Outcome(context, "takeMaybe(undefined)"));
        AssertError(context, "takeMaybe(5)", "TypeError", "takeMaybe", "text");
    }

    [Fact]
    public void Char_NeedsSingleCharacterString()
    {
        using var context = Build("takeChar", new TakeChar(letter => ((int)letter).ToString()));
        Assert.Equal("ok:65", Outcome(context, "takeChar('A')"));
        AssertError(context, "takeChar('AB')", "TypeError", "takeChar", "letter");
        AssertError(context, "takeChar(65)", "TypeError", "takeChar", "letter");
    }

    [Fact]
    public void BigInteger_NeedsBigInt()
    {
        using var context = Build("takeHuge", new TakeBigInteger(huge => (huge * 2).ToString()));
        Assert.Equal("ok:2361183241434822606848", Outcome(context, "takeHuge(2n ** 70n)"));
        AssertError(context, "takeHuge(5)", "TypeError", "takeHuge", "huge", "bigint");
    }

    [Fact]
    public void Dates_NeedDate()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("takeDate", new TakeDateTime(when => new DateTimeOffset(when).ToUnixTimeMilliseconds()))
            .AddHostFunction("takeOffset", new TakeDateTimeOffset(when => when.ToUnixTimeMilliseconds()))
            .AddHostFunction("dateKind", new Func<DateTime, string>(when => when.Kind.ToString()))
            .Build();
        Assert.Equal("ok:86400000", Outcome(context, "takeDate(new Date(86400000))"));
        Assert.Equal("ok:1234", Outcome(context, "takeOffset(new Date(1234))"));
        Assert.Equal("ok:Utc", Outcome(context, "dateKind(new Date())"));
        AssertError(context, "takeDate('2020-01-01')", "TypeError", "takeDate", "when", "Date");
        AssertError(context, "takeOffset(0)", "TypeError", "takeOffset", "when");
    }

    [Fact]
    public void Enum_FromNumberOrName()
    {
        using var context = Build("takeShade", new TakeEnum(shade => shade.ToString()));
        Assert.Equal("ok:Green", Outcome(context, "takeShade(2)"));
        Assert.Equal("ok:Blue", Outcome(context, "takeShade('Blue')"));
        AssertError(context, "takeShade('Purple')", "RangeError", "takeShade", "shade", "Purple");
        AssertError(context, "takeShade(9)", "RangeError", "takeShade", "shade");
        AssertError(context, "takeShade(true)", "TypeError", "takeShade", "shade");
    }

    [Fact]
    public void NullableValueType_NullOrUndefinedGiveNull()
    {
        using var context = Build("takeMaybeInt", new TakeNullableInt(maybe => maybe?.ToString() ?? "none"));
        Assert.Equal("ok:4", Outcome(context, "takeMaybeInt(4)"));
        Assert.Equal("ok:none", Outcome(context, "takeMaybeInt(null)"));
        Assert.Equal("ok:none", Outcome(context, "takeMaybeInt(undefined)"));
        AssertError(context, "takeMaybeInt('4')", "TypeError", "takeMaybeInt", "maybe");
    }

    [Fact]
    public void MissingRequiredArgument_IsTypeErrorNamingParameter()
    {
        using var context = Build("clamp", new Clamp((value, min, max) => Math.Clamp(value, min, max)));
        AssertError(context, "clamp(1, 2)", "TypeError", "clamp", "max");
        AssertError(context, "clamp()", "TypeError", "clamp", "value");
        Assert.Equal("ok:3", Outcome(context, "clamp(5, 0, 3)"));
    }

    [Fact]
    public void OptionalParameters_MayBeOmitted()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("opt", new TakeOptional((a, b) => a + b))
            .AddHostFunction("greet", new TakeOptionalString(name => "hi " + name))
            .Build();
        Assert.Equal(11, context.Eval<int>("opt(1)"));
        Assert.Equal(3, context.Eval<int>("opt(1, 2)"));
        Assert.Equal(11, context.Eval<int>("opt(1, undefined)"));
        Assert.Equal("hi anon", context.Eval<string>("greet()"));
        Assert.Equal("hi bob", context.Eval<string>("greet('bob')"));
        Assert.Equal(1, context.Eval<int>("opt.length"));
        Assert.Equal(0, context.Eval<int>("greet.length"));
        AssertError(context, "opt()", "TypeError", "opt", "a");
    }

    [Fact]
    public void ParamsArray_TakesRestArguments()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("sum", new TakeParams(values => values.Sum()))
            .AddHostFunction("join", new TakeLeadingAndParams((separator, parts) => string.Join(separator, parts)))
            .Build();
        Assert.Equal(0, context.Eval<int>("sum()"));
        Assert.Equal(6, context.Eval<int>("sum(1, 2, 3)"));
        Assert.Equal(10, context.Eval<int>("sum(...[1, 2, 3, 4])"));
        Assert.Equal("a-b-c", context.Eval<string>("join('-', 'a', 'b', 'c')"));
        Assert.Equal("", context.Eval<string>("join('-')"));
        Assert.Equal(0, context.Eval<int>("sum.length"));
        Assert.Equal(1, context.Eval<int>("join.length"));
        AssertError(context, "sum(1, 'x')", "TypeError", "sum");
    }

    [Fact]
    public void Collections_FromArrays()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("sumArray", new TakeIntArray(values => values.Sum()))
            .AddHostFunction("sumList", new TakeList(values => values.Sum()))
            .AddHostFunction("sumReadOnly", new TakeReadOnlyList(values => values.Sum()))
            .AddHostFunction("sumEnumerable", new TakeEnumerable(values => values.Sum()))
            .Build();
        Assert.Equal(6, context.Eval<int>("sumArray([1, 2, 3])"));
        Assert.Equal(7, context.Eval<int>("sumList([3, 4])"));
        Assert.Equal(5, context.Eval<int>("sumReadOnly([5])"));
        Assert.Equal(0, context.Eval<int>("sumEnumerable([])"));
        AssertError(context, "sumArray([1, 'two'])", "TypeError", "sumArray", "values", "[1]");
        AssertError(context, "sumList('abc')", "TypeError", "sumList", "values", "Array");
        AssertError(context, "sumArray([1.5])", "RangeError", "sumArray", "values");
    }

    [Fact]
    public void Collections_AreCopies()
    {
        using var context = Build("mutate", new TakeList(values =>
        {
            values.Add(100);
            return values.Count;
        }));
        Assert.Equal("3:2", context.Eval<string>("const a = [1, 2]; mutate(a) + ':' + a.length"));
    }

    [Fact]
    public void Dictionaries_FromPlainObjects()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("sumValues", new TakeDictionary(map => map.Values.Sum()))
            .AddHostFunction("keys", new TakeReadOnlyDictionary(map => string.Join(",", map.Keys.Order())))
            .Build();
        Assert.Equal(6, context.Eval<int>("sumValues({ a: 1, b: 2, c: 3 })"));
        Assert.Equal("x,y", context.Eval<string>("keys({ y: '1', x: '2' })"));
        AssertError(context, "sumValues({ a: 'no' })", "TypeError", "sumValues", "map");
        AssertError(context, "sumValues([1])", "TypeError", "sumValues", "map");
    }

    [Fact]
    public void Bytes_FromUint8ArrayAndArrayBuffer()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("sumBytes", new TakeBytes(data => data.Sum(b => (int)b)))
            .AddHostFunction("sumRom", new TakeReadOnlyMemory(data => data.ToArray().Sum(b => (int)b)))
            .AddHostFunction("sumMem", new TakeMemory(data => data.Length))
            .Build();
        Assert.Equal(6, context.Eval<int>("sumBytes(new Uint8Array([1, 2, 3]))"));
        Assert.Equal(9, context.Eval<int>("sumBytes(new Uint8Array([4, 5]).buffer)"));
        Assert.Equal(7, context.Eval<int>("sumRom(new Uint8Array([7]))"));
        Assert.Equal(2, context.Eval<int>("sumRom(new ArrayBuffer(2)) + 2"));
        Assert.Equal(3, context.Eval<int>("sumMem(new Uint8Array(3))"));
        AssertError(context, "sumBytes([1, 2])", "TypeError", "sumBytes", "data");
    }

    [Fact]
    public void Functions_AsCallbacks()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("applyTwice", new TakeFunc(callback => callback(callback(1))))
            .AddHostFunction("callIt", new TakeJsFunction(callback => callback.Invoke("arg")))
            .Build();
        Assert.Equal(13, context.Eval<int>("applyTwice(x => x * 2 + 3)")); // (1*2+3)*2+3
        Assert.Equal("ARG", context.Eval<string>("callIt(s => s.toUpperCase())"));
        AssertError(context, "applyTwice(5)", "TypeError", "applyTwice", "callback", "function");
    }

    [Fact]
    public void Handles_And_Object_PassThrough()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("countKeys", new TakeJsObject(obj => obj.Count))
            .AddHostFunction("countItems", new TakeJsArray(items => items.Count))
            .AddHostFunction("describe", new TakeObject(anything => anything switch
            {
                null => "null",
                JsUndefined => "undefined",
                int i => "int " + i,
                double d => "double " + d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string s => "string " + s,
                JsArray a => "array " + a.Count,
                JsObject o => "object " + o.Count,
                _ => anything.GetType().Name,
            }))
            .Build();
        Assert.Equal(2, context.Eval<int>("countKeys({ a: 1, b: 2 })"));
        Assert.Equal(3, context.Eval<int>("countItems([1, 2, 3])"));
        Assert.Equal("double 1.5|string s|null|undefined|array 1|object 0",
            context.Eval<string>("[describe(1.5), describe('s'), describe(null), describe(undefined), describe([1]), describe({})].join('|')"));
        AssertError(context, "countKeys(5)", "TypeError", "countKeys", "obj");
        AssertError(context, "countItems({})", "TypeError", "countItems", "items");
    }

    [Fact]
    public void ObjectParameter_IntegralNumber_IsInt()
    {
        // api.md §3 (the untyped table applies to object? parameters): integral Int32-range numbers are int.
        object? seen = null;
        using var context = Build("capture", new TakeObject(anything =>
        {
            seen = anything;
            return "";
        }));
        context.Eval("capture(5)");
        Assert.Equal(5, Assert.IsType<int>(seen));
        context.Eval("capture(-0)");
        Assert.True(double.IsNegative(Assert.IsType<double>(seen)));
        context.Eval("capture(2 ** 31)");
        Assert.Equal(2147483648.0, Assert.IsType<double>(seen));
    }

    [Fact]
    public void JsObjectParameter_IsLive()
    {
        using var context = Build("touch", new TakeJsObject(obj =>
        {
            obj["touched"] = true;
            return 0;
        }));
        Assert.True(context.Eval<bool>("const t = {}; touch(t); t.touched === true"));
    }

    [Fact]
    public void LeadingContextParameter_IsInjected()
    {
        Context? seen = null;
        using var context = Build("withContext", new TakeContext((ctx, value) =>
        {
            seen = ctx;
            return value * 2;
        }));
        Assert.Equal(8, context.Eval<int>("withContext(4)"));
        Assert.Same(context, seen);
        Assert.Equal(1, context.Eval<int>("withContext.length"));
    }

    [Fact]
    public void TrailingCancellationToken_IsInjected()
    {
        using var context = Build("cancellable", new TakeCancellation((value, token) => token.CanBeCanceled && !token.IsCancellationRequested));
        Assert.True(context.Eval<bool>("cancellable(1)"));
        Assert.Equal(1, context.Eval<int>("cancellable.length"));
    }

    // ---- return values --------------------------------------------------------------------------

    [Fact]
    public void ReturnValues_ConvertPerTypesMd()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("list", new Func<List<int>>(() => new List<int> { 1, 2, 3 }))
            .AddHostFunction("array", new Func<string[]>(() => new[] { "a", "b" }))
            .AddHostFunction("dict", new Func<Dictionary<string, int>>(() => new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }))
            .AddHostFunction("bytes", new Func<byte[]>(() => new byte[] { 1, 2, 255 }))
            .AddHostFunction("nothing", new Func<string?>(() => null))
            .AddHostFunction("voidFn", new Action(() => { }))
            .AddHostFunction("flag", new Func<bool>(() => true))
            .AddHostFunction("text", new Func<string>(() => "txt"))
            .AddHostFunction("letter", new Func<char>(() => 'z'))
            .AddHostFunction("half", new Func<double>(() => 0.5))
            .AddHostFunction("money", new Func<decimal>(() => 2.5m))
            .AddHostFunction("smallLong", new Func<long>(() => 42L))
            .AddHostFunction("bigLong", new Func<long>(() => 1L << 60))
            .AddHostFunction("huge", new Func<BigInteger>(() => BigInteger.Pow(2, 70)))
            .AddHostFunction("epoch", new Func<DateTime>(() => DateTime.UnixEpoch))
            .AddHostFunction("shade", new Func<Shade>(() => Shade.Blue))
            .AddHostFunction("maybe", new Func<int?>(() => null))
            .Build();
        Assert.True(context.Eval<bool>("Array.isArray(list()) && list().join() === '1,2,3'"));
        Assert.True(context.Eval<bool>("Array.isArray(array()) && array().join() === 'a,b'"));
        Assert.True(context.Eval<bool>("const d = dict(); Object.getPrototypeOf(d) === Object.prototype && d.a === 1 && d.b === 2"));
        Assert.True(context.Eval<bool>("bytes() instanceof Uint8Array && bytes().join() === '1,2,255'"));
        Assert.True(context.Eval<bool>("nothing() === null"));
        Assert.True(context.Eval<bool>("voidFn() === undefined"));
        Assert.True(context.Eval<bool>("flag() === true"));
        Assert.True(context.Eval<bool>("text() === 'txt'"));
        Assert.True(context.Eval<bool>("letter() === 'z'"));
        Assert.True(context.Eval<bool>("half() === 0.5"));
        Assert.True(context.Eval<bool>("money() === 2.5"));
        Assert.True(context.Eval<bool>("smallLong() === 42"));
        Assert.True(context.Eval<bool>("bigLong() === 2n ** 60n"));
        Assert.True(context.Eval<bool>("huge() === 2n ** 70n"));
        Assert.True(context.Eval<bool>("epoch() instanceof Date && epoch().getTime() === 0"));
        Assert.True(context.Eval<bool>("shade() === 3"));
        Assert.True(context.Eval<bool>("maybe() === null"));
    }

    [Fact]
    public void ReturnedCollections_AreFreshCopies()
    {
        var shared = new List<int> { 1 };
        using var context = Build("get", new Func<List<int>>(() => shared));
        Assert.True(context.Eval<bool>("const a = get(); a.push(2); get().length === 1 && get() !== get()"));
        Assert.Single(shared);
    }

    // ---- function shape -------------------------------------------------------------------------

    [Fact]
    public void IsARealFunction_WithNameAndLength()
    {
        using var context = Build("add", new Func<int, int, int>((a, b) => a + b));
        Assert.True(context.Eval<bool>("typeof add === 'function'"));
        Assert.True(context.Eval<bool>("add instanceof Function"));
        Assert.Equal("add", context.Eval<string>("add.name"));
        Assert.Equal(2, context.Eval<int>("add.length"));
        Assert.Equal(5, context.Eval<int>("add(2, 3)"));
        Assert.Equal(9, context.Eval<int>("add.call(null, 4, 5)"));
        Assert.Equal(3, context.Eval<int>("[1, 2].reduce(add)"));
    }

    [Fact]
    public void DottedName_CreatesNamespaces()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("math.clamp", new Clamp((value, min, max) => Math.Clamp(value, min, max)))
            .AddHostFunction("math.deep.twice", new Func<int, int>(x => x * 2))
            .Build();
        Assert.True(context.Eval<bool>("typeof math === 'object' && typeof math.clamp === 'function'"));
        Assert.Equal("clamp", context.Eval<string>("math.clamp.name"));
        Assert.Equal(3, context.Eval<int>("math.clamp.length"));
        Assert.Equal(3, context.Eval<int>("math.clamp(5, 0, 3)"));
        Assert.Equal(0, context.Eval<int>("math.clamp(-5, 0, 3)"));
        Assert.Equal(8, context.Eval<int>("math.deep.twice(4)"));
        AssertError(context, "math.clamp('a', 0, 1)", "TypeError", "clamp", "value");
    }

    [Fact]
    public void InvalidName_IsRejected()
    {
        using var builder = new Isolate().CreateContextBuilder();
        Assert.Throws<ArgumentException>(() => builder.AddHostFunction("not valid", new Action(() => { })));
        Assert.Throws<ArgumentException>(() => builder.AddHostFunction("a..b", new Action(() => { })));
    }

    // ---- exceptions -----------------------------------------------------------------------------

    [Fact]
    public void DotNetException_CaughtInJs_IsErrorWithMessage()
    {
        using var context = Build("fail", new Action(() => throw new InvalidOperationException("host broke")));
        Assert.Equal("Error: host broke", Outcome(context, "fail()"));
        Assert.True(context.Eval<bool>("try { fail(); false } catch (e) { e instanceof Error }"));
    }

    [Fact]
    public void DotNetException_UncaughtInJs_ComesOutAsInnerException()
    {
        var original = new InvalidOperationException("host broke");
        using var context = Build("fail", new Action(() => throw original));
        var exception = Assert.Throws<JavaScriptException>(() => context.Eval("function caller() { fail(); } caller()"));
        Assert.Same(original, exception.InnerException);
        Assert.Equal("Error", exception.ErrorName);
        Assert.Equal("host broke", exception.JsMessage);
    }

    [Fact]
    public void DotNetException_RethrownFromJs_KeepsInnerException()
    {
        var original = new FormatException("bad format");
        using var context = Build("fail", new Action(() => throw original));
        var exception = Assert.Throws<JavaScriptException>(() => context.Eval("try { fail() } catch (e) { throw e }"));
        Assert.Same(original, exception.InnerException);
    }

    [Fact]
    public void ArgumentOutOfRangeException_BecomesRangeError()
    {
        using var context = Build("check", new Func<int, int>(x => x >= 0 ? x : throw new ArgumentOutOfRangeException(nameof(x), "must not be negative")));
        Assert.True(context.Eval<bool>("try { check(-1); false } catch (e) { e instanceof RangeError }"));
        Assert.Contains("must not be negative", Outcome(context, "check(-1)"));
        var exception = Assert.Throws<JavaScriptException>(() => context.Eval("check(-1)"));
        Assert.Equal("RangeError", exception.ErrorName);
        Assert.IsType<ArgumentOutOfRangeException>(exception.InnerException);
    }

    [Fact]
    public void ConversionError_UncaughtInJs_IsJavaScriptTypeError()
    {
        using var context = Build("takeBool", new TakeBool(flag => flag.ToString()));
        var exception = Assert.Throws<JavaScriptException>(() => context.Eval("takeBool('nope')"));
        Assert.Equal("TypeError", exception.ErrorName);
        Assert.Contains("flag", exception.JsMessage);
    }

    [Fact]
    public void ContextUsableAfterHostFailure()
    {
        var calls = 0;
        using var context = Build("maybeFail", new Func<bool, int>(fail => fail ? throw new InvalidOperationException("x") : ++calls));
        Assert.Throws<JavaScriptException>(() => context.Eval("maybeFail(true)"));
        Assert.Equal(1, context.Eval<int>("maybeFail(false)"));
    }

    [Fact]
    public void SetGlobal_Delegate_BecomesCallableFunction()
    {
        using var context = new Isolate().CreateContext();
        context.SetGlobal("mul", new Func<int, int, int>((a, b) => a * b));
        Assert.True(context.Eval<bool>("typeof mul === 'function'"));
        Assert.Equal(42, context.Eval<int>("mul(6, 7)"));
    }

    [Fact]
    public void A_callbacks_wrongly_typed_result_is_a_type_error()
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("apply", (Func<int, int> callback, int value) => callback(value))
            .Build();
        Assert.Equal(4, context.Eval<int>("apply(x => x * 2, 2)"));
        var error = context.Eval<string>("try { apply(x => 'a', 2) } catch (e) { `${e.name}: ${e.message}` }");
        Assert.StartsWith("TypeError: ", error);
        Assert.Contains("result", error);
    }
}
