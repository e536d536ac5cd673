using V8Host.Generators.Tests.Fixtures;
using V8Host.Generators.Tests.Infrastructure;

namespace V8Host.Generators.Tests.Binding;

/// <summary>
/// Every row of types.md through generated bindings (Fixtures/Conversions.cs) in real V8, both
/// directions, including the errors each row promises; plus rows compiled in memory with the harness.
/// </summary>
public sealed class ConversionRowTests : IDisposable
{
    private readonly Context _context;

    public ConversionRowTests()
    {
        _context = new Isolate().CreateContextBuilder().UseProfile(ConversionProfile.Instance).Build();
        _context.Eval(JsShow.Function);
    }

    public void Dispose() => _context.Dispose();

    private string Show(string expression) => _context.Eval<string>($"show({expression})");

    private string ErrorOf(string code) => _context.Eval<string>($"try {{ {code}; 'no error' }} catch (e) {{ e.name + ': ' + e.message }}");

    private void AssertError(string code, string errorName, params string[] fragments)
    {
        var error = ErrorOf(code);
        Assert.StartsWith(errorName + ": ", error);
        foreach (var fragment in fragments)
            Assert.Contains(fragment, error);
    }

    private async Task<string> SettledAsync(string expression) =>
        (string)(await _context.EvalAsync($"Promise.resolve().then(() => {expression}).then(v => 'resolved ' + show(v), e => 'rejected ' + e.name + ': ' + e.message)"))!;

    // ---------------------------------------------------------------- bool

    [Fact]
    public void Bool_is_strict()
    {
        Assert.Equal("false", Show("not(true)"));
        Assert.Equal("true", Show("not(false)"));
        AssertError("not(1)", "TypeError", "not", "'value'", "boolean");
        AssertError("not('true')", "TypeError", "'value'");
        AssertError("not(null)", "TypeError", "'value'");
        AssertError("not()", "TypeError", "'value'");
    }

    // ---------------------------------------------------------------- integers

    [Fact]
    public void Int_accepts_integral_numbers_in_range()
    {
        Assert.Equal("2147483647", Show("echoInt(2147483647)"));
        Assert.Equal("-2147483648", Show("echoInt(-2147483648)"));
        Assert.Equal("3", Show("echoInt(3.0)"));
        AssertError("echoInt(2147483648)", "RangeError", "echoInt", "'value'");
        AssertError("echoInt(-2147483649)", "RangeError", "'value'");
        AssertError("echoInt(1.5)", "RangeError", "'value'");
        AssertError("echoInt(NaN)", "RangeError", "'value'");
        AssertError("echoInt(Infinity)", "RangeError", "'value'");
        AssertError("echoInt('1')", "TypeError", "'value'");
    }

    [Theory]
    [InlineData("echoInt(1n)", "1")]
    [InlineData("echoInt(-5n)", "-5")]
    [InlineData("echoDouble(1n)", "1")]
    [InlineData("echoFloat(3n)", "3")]
    [InlineData("echoShort(5n)", "5")]
    public void Bigint_in_range_is_accepted_where_a_number_is(string call, string expected)
    {
        // docs/types.md: a bigint is accepted wherever a number is, range-checked for integers,
        // the same on the generated fast path and the runtime's conversion path.
        Assert.Equal(expected, _context.Eval<string>($"String({call})"));
    }

    [Theory]
    [InlineData("echoInt(2n ** 40n)", "echoInt")]
    [InlineData("echoShort(40000n)", "echoShort")]
    public void Bigint_out_of_range_is_a_RangeError(string call, string function) => AssertError(call, "RangeError", function, "'value'");

    [Theory]
    [InlineData("ticketId(null)", "'ticket'", "Ticket")]
    [InlineData("ticketId(undefined)", "'ticket'", "Ticket")]
    [InlineData("doubleAll(null)", "'values'", "Array")]
    [InlineData("upper(undefined)", "'values'", "Array")]
    [InlineData("lengths(null)", "'values'", "object")]
    [InlineData("byteCount(null)", "'data'", "Uint8Array")]
    [InlineData("reverseBytes(undefined)", "'data'", "Uint8Array")]
    [InlineData("emit(null, 'x')", "'sink'", "function")]
    [InlineData("apply(undefined, 1)", "'map'", "function")]
    [InlineData("upper(['a', null])", "values", "[1]")]
    [InlineData("lengths({ a: null })", "values", ".a")]
    public void Null_for_a_non_nullable_reference_parameter_is_a_TypeError(string call, string parameter, string expected)
    {
        // Only `T?` parameters accept null/undefined (types.md: "null/undefined only when the parameter is string?",
        // "T? (nullable): null/undefined → null"); a non-nullable one must not reach .NET code as null.
        AssertError(call, "TypeError", parameter, expected);
    }

    [Theory]
    [InlineData("echoShort", "32767", "32768", "-32769")]
    [InlineData("echoByte", "255", "256", "-1")]
    [InlineData("echoSByte", "-128", "128", "-129")]
    [InlineData("echoUShort", "65535", "65536", "-1")]
    [InlineData("echoUInt", "4294967295", "4294967296", "-1")]
    public void Small_integers_enforce_their_range(string function, string edge, string above, string below)
    {
        Assert.Equal(edge, Show($"{function}({edge})"));
        Assert.Equal("0", Show($"{function}(0)"));
        AssertError($"{function}({above})", "RangeError", function, "'value'");
        AssertError($"{function}({below})", "RangeError", function, "'value'");
        AssertError($"{function}(0.5)", "RangeError", "'value'");
        AssertError($"{function}('1')", "TypeError", "'value'");
    }

    [Fact]
    public void Long_accepts_numbers_and_bigints_and_returns_bigint_beyond_2_pow_53()
    {
        Assert.Equal("42", Show("echoLong(42)"));
        Assert.Equal("-9007199254740991", Show("echoLong(-9007199254740991)"));
        Assert.Equal("9007199254740991", Show("safeLong()"));
        Assert.Equal("9007199254740993n", Show("unsafeLong()"));
        Assert.Equal("9223372036854775807n", Show("bigLong()"));
        Assert.Equal("-9223372036854775808n", Show("minLong()"));
        Assert.Equal("4611686018427387904n", Show("echoLong(2n ** 62n)"));
        Assert.Equal("\"9223372036854775807\"", Show("longText(9223372036854775807n)"));
        AssertError("echoLong(2n ** 63n)", "RangeError", "'value'");
        AssertError("echoLong(1.5)", "RangeError", "'value'");
        AssertError("echoLong('1')", "TypeError", "'value'");
    }

    [Fact]
    public void ULong_round_trips_through_bigint()
    {
        Assert.Equal("7", Show("echoULong(7)"));
        Assert.Equal("18446744073709551615n", Show("bigULong()"));
        Assert.Equal("18446744073709551615n", Show("echoULong(2n ** 64n - 1n)"));
        AssertError("echoULong(-1)", "RangeError", "'value'");
        AssertError("echoULong(2n ** 64n)", "RangeError", "'value'");
    }

    // ---------------------------------------------------------------- floating point

    [Fact]
    public void Double_float_and_decimal()
    {
        Assert.Equal("1.5", Show("echoDouble(1.5)"));
        Assert.Equal("NaN", Show("echoDouble(NaN)"));
        Assert.Equal("-Infinity", Show("echoDouble(-Infinity)"));
        Assert.Equal("-0", Show("echoDouble(-0)"));
        Assert.Equal("true", Show("echoFloat(0.1) === Math.fround(0.1)"));
        Assert.Equal("0.3", Show("addDecimal(0.1, 0.2)"));
        Assert.Equal("\"0.1\"", Show("decimalText(0.1)"));
        Assert.Equal("12.25", Show("echoDecimal(12.25)"));
        AssertError("echoDouble('1')", "TypeError", "echoDouble", "'value'", "number");
        AssertError("echoFloat(null)", "TypeError", "'value'");
        AssertError("echoDecimal(Infinity)", "RangeError", "'value'");
        AssertError("echoDecimal('1')", "TypeError", "'value'");
    }

    // ---------------------------------------------------------------- strings and char

    [Fact]
    public void String_rejects_null_unless_nullable()
    {
        Assert.Equal("\"héllo ☃\"", Show("echoString('héllo ☃')"));
        Assert.Equal("\"\"", Show("echoString('')"));
        AssertError("echoString(null)", "TypeError", "echoString", "'value'", "string");
        AssertError("echoString(undefined)", "TypeError", "'value'");
        AssertError("echoString(1)", "TypeError", "'value'");
        AssertError("echoString({})", "TypeError", "'value'");

        Assert.Equal("\"x\"", Show("echoNullableString('x')"));
        Assert.Equal("null", Show("echoNullableString(null)"));
        Assert.Equal("null", Show("echoNullableString(undefined)"));
        Assert.Equal("\"null\"", Show("describeNullableString()"));
        AssertError("echoNullableString(5)", "TypeError", "'value'");
    }

    [Fact]
    public void Char_is_a_string_of_length_one()
    {
        Assert.Equal("\"a\"", Show("echoChar('a')"));
        Assert.Equal("65", Show("charCode('A')"));
        AssertError("echoChar('ab')", "TypeError", "'value'", "length 1");
        AssertError("echoChar('')", "TypeError", "'value'");
        AssertError("echoChar(65)", "TypeError", "'value'");
    }

    // ---------------------------------------------------------------- bigint

    [Fact]
    public void BigInteger_is_bigint_both_ways()
    {
        Assert.Equal("2361183241434822606848n", Show("doubleBig(2n ** 70n)"));
        Assert.Equal("-2n", Show("doubleBig(-1n)"));
        AssertError("doubleBig(5)", "TypeError", "'value'", "bigint");
        AssertError("doubleBig('5')", "TypeError", "'value'");
    }

    // ---------------------------------------------------------------- dates

    [Fact]
    public void DateTime_and_DateTimeOffset_are_Dates()
    {
        Assert.Equal("Date(2024-02-01T00:00:00.000Z)", Show("addDay(new Date(Date.UTC(2024, 0, 31)))"));
        Assert.Equal("\"Utc 2024-02-29T12:30:15.250\"", Show("dateText(new Date(Date.UTC(2024, 1, 29, 12, 30, 15, 250)))"));
        Assert.Equal("Date(2024-02-29T13:30:15.000Z)", Show("addHour(new Date(Date.UTC(2024, 1, 29, 12, 30, 15)))"));
        Assert.Equal("\"2024-02-29T12:30:15+00:00\"", Show("offsetText(new Date(Date.UTC(2024, 1, 29, 12, 30, 15)))"));
        AssertError("addDay('2024-01-01')", "TypeError", "'value'", "Date");
        AssertError("addDay(0)", "TypeError", "'value'");
        AssertError("addHour({})", "TypeError", "'value'");
    }

    // ---------------------------------------------------------------- enums

    [Fact]
    public void Enum_accepts_number_or_member_name_and_returns_number()
    {
        Assert.Equal("2", Show("echoShade(2)"));
        Assert.Equal("2", Show("echoShade('Dark')"));
        Assert.Equal("\"Light\"", Show("shadeName('Light')"));
        Assert.Equal("\"Light\"", Show("shadeName(1)"));
        AssertError("echoShade(3)", "RangeError", "'value'");
        AssertError("echoShade('Purple')", "RangeError", "'value'", "Purple");
        AssertError("echoShade(true)", "TypeError", "'value'");
        AssertError("echoShade(1.5)", "RangeError", "'value'");
    }

    [Fact]
    public void HostEnumAsString_returns_the_member_name()
    {
        Assert.Equal("\"Spades\"", Show("echoSuit('Spades')"));
        Assert.Equal("\"Spades\"", Show("echoSuit(1)"));
        Assert.Equal("\"Hearts\"", Show("suitName(0)"));
        AssertError("echoSuit('Clubs')", "RangeError", "'value'");
    }

    // ---------------------------------------------------------------- nullable value types

    [Fact]
    public void Nullable_value_types_map_null_and_undefined_to_null()
    {
        Assert.Equal("5", Show("echoNullableInt(5)"));
        Assert.Equal("null", Show("echoNullableInt(null)"));
        Assert.Equal("null", Show("echoNullableInt(undefined)"));
        Assert.Equal("\"null\"", Show("describeNullableInt()"));
        Assert.Equal("1.5", Show("half(3)"));
        Assert.Equal("null", Show("half(null)"));
        Assert.Equal("true", Show("echoNullableBool(true)"));
        Assert.Equal("null", Show("echoNullableBool(null)"));
        Assert.Equal("2", Show("echoNullableShade('Dark')"));
        Assert.Equal("null", Show("echoNullableShade(null)"));
        AssertError("echoNullableInt('x')", "TypeError", "'value'");
        AssertError("echoNullableInt(1.5)", "RangeError", "'value'");
        AssertError("echoNullableBool(1)", "TypeError", "'value'");
    }

    // ---------------------------------------------------------------- optional and params

    [Fact]
    public void Optional_parameters_may_be_omitted_or_undefined()
    {
        Assert.Equal("\"1,10,c,Dark,null\"", Show("optional(1)"));
        Assert.Equal("\"1,2,x,Light,d\"", Show("optional(1, 2, 'x', 'Light', 'd')"));
        Assert.Equal("\"1,10,z,Dark,null\"", Show("optional(1, undefined, 'z')"));
        Assert.Equal("\"1,10,c,Dark,null\"", Show("optional(1, undefined, undefined, undefined, null)"));
        Assert.Equal("1", Show("optional.length"));
        AssertError("optional()", "TypeError", "'a'");
        AssertError("optional(1, 'x')", "TypeError", "'b'");
    }

    [Fact]
    public void Params_array_takes_rest_arguments()
    {
        Assert.Equal("0", Show("sum()"));
        Assert.Equal("6", Show("sum(1, 2, 3)"));
        Assert.Equal("0", Show("sum.length"));
        Assert.Equal("\"p:\"", Show("prefixed('p')"));
        Assert.Equal("\"p:a,b\"", Show("prefixed('p', 'a', 'b')"));
        Assert.Equal("1", Show("prefixed.length"));
        AssertError("sum(1, 'x')", "TypeError", "sum", "values");
        AssertError("sum(1, 2.5)", "RangeError", "sum");
        AssertError("prefixed()", "TypeError", "'prefix'");
    }

    // ---------------------------------------------------------------- sequences

    [Fact]
    public void Arrays_lists_and_enumerables_are_copied_arrays()
    {
        Assert.Equal("[2,4,6]", Show("doubleAll([1, 2, 3])"));
        Assert.Equal("[\"A\",\"B\"]", Show("upper(['a', 'b'])"));
        Assert.Equal("[0.5,1.5]", Show("halves([1, 3])"));
        Assert.Equal("[3,2,1]", Show("reversed([1, 2, 3])"));
        Assert.Equal("[]", Show("doubleAll([])"));
        Assert.Equal("2", Show("countAll(['a', 'b'])"));
        Assert.Equal("true", Show("Array.isArray(upper(['a']))"));
        // Copy in: .NET changes do not reach the JS array.
        Assert.Equal("\"99,2 / 1\"", Show("(() => { const a = [1, 2]; const r = mutateArray(a); return r + ' / ' + a[0]; })()"));
        // Copy out: a fresh array each call.
        Assert.Equal("false", Show("(() => { const a = [1]; return doubleAll(a) === doubleAll(a); })()"));
        AssertError("doubleAll('x')", "TypeError", "doubleAll", "'values'", "Array");
        AssertError("doubleAll({ length: 1, 0: 1 })", "TypeError", "'values'");
        AssertError("doubleAll([1, 'x'])", "TypeError", "values", "[1]");
    }

    // ---------------------------------------------------------------- dictionaries

    [Fact]
    public void String_keyed_dictionaries_are_copied_plain_objects()
    {
        Assert.Equal("{a:2,b:3}", Show("lengths({ a: 'xx', b: 'yyy' })"));
        Assert.Equal("{x:10,y:20}", Show("scale({ x: 1, y: 2 }, 10)"));
        Assert.Equal("{}", Show("lengths({})"));
        Assert.Equal("true", Show("Object.getPrototypeOf(lengths({ a: '' })) === Object.prototype"));
        AssertError("lengths([1])", "TypeError", "lengths", "'values'");
        AssertError("lengths('x')", "TypeError", "'values'");
        AssertError("lengths({ a: 1 })", "TypeError", "values", "a");
    }

    // ---------------------------------------------------------------- bytes

    [Fact]
    public void Byte_buffers_accept_Uint8Array_and_ArrayBuffer_and_return_Uint8Array()
    {
        Assert.Equal("Uint8Array[3,2,1]", Show("reverseBytes(new Uint8Array([1, 2, 3]))"));
        Assert.Equal("Uint8Array[3,2,1]", Show("reverseBytes(new Uint8Array([1, 2, 3]).buffer)"));
        Assert.Equal("Uint8Array[2,3]", Show("tail(new Uint8Array([1, 2, 3]))"));
        Assert.Equal("Uint8Array[2,3]", Show("tail(new Uint8Array([1, 2, 3]).buffer)"));
        Assert.Equal("Uint8Array[2,3]", Show("increment(new Uint8Array([1, 2]))"));
        Assert.Equal("Uint8Array[2,3]", Show("increment(new Uint8Array([1, 2]).buffer)"));
        Assert.Equal("5", Show("byteCount(new ArrayBuffer(5))"));
        Assert.Equal("0", Show("byteCount(new Uint8Array(0))"));
        // A view on part of a buffer reads only the view's bytes.
        Assert.Equal("3", Show("byteCount(new Uint8Array(new ArrayBuffer(10), 2, 3))"));
        Assert.Equal("Uint8Array[5,4]", Show("reverseBytes(new Uint8Array([1, 2, 3, 4, 5, 6]).subarray(3, 5))"));
        AssertError("byteCount([1, 2])", "TypeError", "byteCount", "'data'", "Uint8Array");
        AssertError("byteCount('ab')", "TypeError", "'data'");
    }

    // ---------------------------------------------------------------- host classes

    [Fact]
    public void Host_class_parameters_and_results()
    {
        Assert.Equal("\"a\"", Show("ticketId(new Ticket('a'))"));
        Assert.Equal("\"m\"", Show("makeTicket('m').id"));
        Assert.Equal("true", Show("makeTicket('m') instanceof Ticket"));
        Assert.Equal("true", Show("(() => { const t = new Ticket('x'); return sameTicket(t) === t; })()"));
        Assert.Equal("\"none\"", Show("maybeTicketId(null)"));
        Assert.Equal("\"none\"", Show("maybeTicketId()"));
        Assert.Equal("\"q\"", Show("maybeTicketId(new Ticket('q'))"));
    }

    [Fact]
    public void Host_class_parameter_rejects_other_objects_naming_the_class()
    {
        AssertError("ticketId(new Badge())", "TypeError", "ticketId", "'ticket'", "Ticket");
        AssertError("ticketId({ id: 'fake' })", "TypeError", "'ticket'", "Ticket");
        AssertError("ticketId('a')", "TypeError", "'ticket'", "Ticket");
        AssertError("maybeTicketId(new Badge())", "TypeError", "'ticket'", "Ticket");
    }

    [Fact]
    public void Host_class_returned_from_dotnet_keeps_identity()
    {
        var ticket = new Ticket("same");
        _context.SetGlobal("held", ticket);

        Assert.Equal("true", Show("sameTicket(held) === held"));
        Assert.Same(ticket, _context.Eval("sameTicket(held)"));
    }

    // ---------------------------------------------------------------- tasks and promises

    [Fact]
    public async Task Tasks_and_value_tasks_return_promises()
    {
        Assert.Equal("Promise", Show("doubleLater(1)"));
        Assert.Equal("Promise", Show("echoLater('v')"));
        Assert.Equal("Promise", Show("pause()"));
        Assert.Equal("Promise", Show("nothing()"));
        Assert.Equal("resolved 42", await SettledAsync("doubleLater(21)"));
        Assert.Equal("resolved \"v\"", await SettledAsync("echoLater('v')"));
        Assert.Equal("resolved 9", await SettledAsync("tripleLater(3)"));
        Assert.Equal("resolved undefined", await SettledAsync("pause()"));
        Assert.Equal("resolved undefined", await SettledAsync("nothing()"));
        Assert.Equal(42, await _context.EvalAsync("doubleLater(21)"));
    }

    [Fact]
    public async Task Faulted_task_rejects_the_promise_with_the_message()
    {
        Assert.Equal("rejected Error: went wrong", await SettledAsync("failLater('went wrong')"));
    }

    [Fact]
    public async Task JsPromise_passes_through()
    {
        Assert.Equal("true", Show("(() => { const p = Promise.resolve(1); return samePromise(p) === p; })()"));
        Assert.Equal("resolved 7", await SettledAsync("samePromise(Promise.resolve(7))"));
        AssertError("samePromise(7)", "TypeError", "samePromise", "'promise'", "Promise");
        AssertError("samePromise({ then() {} })", "TypeError", "'promise'");
    }

    // ---------------------------------------------------------------- delegates and functions

    [Fact]
    public void Delegates_and_JsFunction_accept_functions()
    {
        Assert.Equal("12", Show("apply(x => x * 3, 4)"));
        Assert.Equal("\"hi!\"", Show("(() => { let got; emit(v => { got = v; }, 'hi'); return got; })()"));
        Assert.Equal("2", Show("callFunction(x => x + 1, 1)"));
        Assert.Equal("\"1!\"", Show("callFunction(function (x) { return x + '!'; }, 1)"));
        AssertError("apply(5, 1)", "TypeError", "apply", "'map'", "function");
        AssertError("callFunction({}, 1)", "TypeError", "'function'");
    }

    [Fact]
    public void Errors_thrown_by_a_js_callback_reach_the_caller()
    {
        // The JS error surfaces (its message at least; the runtime currently re-wraps it in a new Error).
        Assert.Contains("cb failed", Show("(() => { try { apply(() => { throw new Error('cb failed'); }, 1); return 'no error'; } catch (e) { return e.message; } })()"));
    }

    // ---------------------------------------------------------------- passthrough

    [Fact]
    public void JsObject_JsArray_JsHandle_and_object_pass_through()
    {
        Assert.Equal("true", Show("(() => { const o = { a: 1 }; return sameObject(o) === o; })()"));
        Assert.Equal("true", Show("(() => { const a = [1, 2]; return sameArray(a) === a; })()"));
        Assert.Equal("true", Show("(() => { const o = {}; return sameHandle(o) === o; })()"));
        Assert.Equal("true", Show("(() => { const f = () => 1; return sameHandle(f) === f; })()"));
        Assert.Equal("true", Show("(() => { const o = { b: 2 }; return any(o) === o; })()"));
        Assert.Equal("\"x\"", Show("objectKey({ a: 'x' }, 'a')"));
        Assert.Equal("5", Show("any(5)"));
        Assert.Equal("1.5", Show("any(1.5)"));
        Assert.Equal("\"s\"", Show("any('s')"));
        Assert.Equal("true", Show("any(true)"));
        Assert.Equal("10n", Show("any(10n)"));
        Assert.Equal("null", Show("any(null)"));
        Assert.Equal("undefined", Show("any(undefined)"));
        Assert.Equal("Date(2020-01-01T00:00:00.000Z)", Show("any(new Date(Date.UTC(2020, 0, 1)))"));
        AssertError("sameObject(1)", "TypeError", "sameObject", "'value'");
        AssertError("sameArray({})", "TypeError", "'value'");
        AssertError("sameHandle(1)", "TypeError", "'value'");
    }

    [Fact]
    public void Object_parameter_sees_the_untyped_result_table()
    {
        Assert.Equal("\"Int32\"", Show("clrType(1)"));
        Assert.Equal("\"Double\"", Show("clrType(1.5)"));
        Assert.Equal("\"Double\"", Show("clrType(2 ** 40)"));
        Assert.Equal("\"String\"", Show("clrType('s')"));
        Assert.Equal("\"Boolean\"", Show("clrType(false)"));
        Assert.Equal("\"BigInteger\"", Show("clrType(1n)"));
        Assert.Equal("\"DateTime\"", Show("clrType(new Date())"));
        Assert.Equal("\"JsObject\"", Show("clrType({})"));
        Assert.Equal("\"JsArray\"", Show("clrType([])"));
        Assert.Equal("\"JsFunction\"", Show("clrType(() => 1)"));
        Assert.Equal("\"JsPromise\"", Show("clrType(Promise.resolve())"));
        Assert.Equal("\"JsUndefined\"", Show("clrType(undefined)"));
        Assert.Equal("\"null\"", Show("clrType(null)"));
        Assert.Equal("\"Ticket\"", Show("clrType(new Ticket('t'))"));
    }

    // ---------------------------------------------------------------- injected parameters

    [Fact]
    public void CancellationToken_and_Context_are_supplied_by_the_runtime()
    {
        _context.Eval("globalThis.answer = 'forty-two'");

        Assert.Equal("true", Show("tokenState(1)"));
        Assert.Equal("1", Show("tokenState.length"));
        Assert.Equal("\"forty-two\"", Show("globalOf('answer')"));
        Assert.Equal("1", Show("globalOf.length"));
        Assert.Equal("2", Show("both(1)"));
        Assert.Equal("1", Show("both.length"));
        AssertError("globalOf()", "TypeError", "'name'");
    }

    // ---------------------------------------------------------------- exceptions

    [Fact]
    public void Dotnet_exceptions_become_js_errors_by_kind()
    {
        Assert.Equal("Error: boom", ErrorOf("fail('boom')"));
        AssertError("failRange(1)", "RangeError", "too far");
        Assert.Equal("false", Show("(() => { try { fail('x'); } catch (e) { return e.stack.includes('ConversionFunctions'); } })()"));
    }

    [Fact]
    public void Dotnet_exception_through_js_comes_back_as_the_original()
    {
        var exception = Assert.Throws<JavaScriptException>(() => _context.Eval("fail('original')"));

        Assert.Equal("Error", exception.ErrorName);
        Assert.Contains("original", exception.JsMessage);
        Assert.IsType<InvalidOperationException>(exception.InnerException);
        Assert.Equal("original", exception.InnerException!.Message);
    }

    // ---------------------------------------------------------------- rows compiled in memory

    [Fact]
    public void In_memory_overloads_dispatch_on_every_js_category()
    {
        using var loaded = GeneratorHarness.CompileAndLoad("""
            using System.Numerics;
            namespace Dyn;

            public static partial class Kinds
            {
                [HostFunction] public static string Kind(bool value) => "boolean";
                [HostFunction] public static string Kind(double value) => "number";
                [HostFunction] public static string Kind(string value) => "string";
                [HostFunction] public static string Kind(BigInteger value) => "bigint";
                [HostFunction] public static string Kind(int[] value) => "array";
                [HostFunction] public static string Kind(Func<int, int> value) => "function";
                [HostFunction] public static string Kind(Dictionary<string, int> value) => "object";
            }

            [HostProfile(typeof(Kinds))] public partial class KindsProfile { }
            """);
        using var context = loaded.CreateContext("Dyn.KindsProfile");

        Assert.Equal(
            "boolean,number,string,bigint,array,function,object",
            context.Eval<string>("[kind(true), kind(1.5), kind('s'), kind(1n), kind([1]), kind(x => x), kind({ a: 1 })].join()"));
        Assert.StartsWith("TypeError: kind expects", context.Eval<string>("try { kind(null); 'no error' } catch (e) { e.name + ': ' + e.message }"));
    }

    [Fact]
    public void In_memory_as_declared_naming_records_and_structs()
    {
        using var loaded = GeneratorHarness.CompileAndLoad("""
            [assembly: HostNaming(HostNamingPolicy.AsDeclared)]
            namespace Dyn;

            [HostClass] public partial record Person(string Name, int Age)
            {
                public Person Older(int years) => this with { Age = Age + years };
            }

            [HostClass] public partial struct Counter
            {
                public int Value { get; set; }
                public void Bump() => Value++;
            }

            public static partial class People
            {
                [HostFunction] public static string Describe(Person person) => person.Name + ":" + person.Age;
                [HostFunction] public static int Read(Counter counter) => counter.Value;
            }

            [HostProfile(typeof(Person), typeof(Counter), typeof(People))] public partial class PeopleProfile { }
            """);
        using var context = loaded.CreateContext("Dyn.PeopleProfile");

        Assert.Equal("Ann:41", context.Eval<string>("Describe(new Person('Ann', 40).Older(1))"));
        Assert.Equal("Ann", context.Eval<string>("new Person('Ann', 40).Name"));
        Assert.Equal(2, context.Eval<int>("const c = new Counter(); c.Bump(); c.Bump(); Read(c)"));
        Assert.StartsWith("TypeError", context.Eval<string>("try { Describe({ Name: 'x', Age: 1 }); 'no error' } catch (e) { e.name + ': ' + e.message }"));
    }

    [Fact]
    public void In_memory_nested_collections_and_nullable_collections()
    {
        using var loaded = GeneratorHarness.CompileAndLoad("""
            namespace Dyn;

            public static partial class Nested
            {
                [HostFunction] public static int[][] Transpose(int[][] rows) =>
                    Enumerable.Range(0, rows.Length == 0 ? 0 : rows[0].Length).Select(c => rows.Select(r => r[c]).ToArray()).ToArray();
                [HostFunction] public static Dictionary<string, List<string>> Group(IReadOnlyList<string> words) =>
                    words.GroupBy(w => w.Substring(0, 1)).ToDictionary(g => g.Key, g => g.ToList());
                [HostFunction] public static int CountOrMinusOne(int[]? values) => values?.Length ?? -1;
                [HostFunction] public static List<int?> Maybe(List<int?> values) => values;
            }

            [HostProfile(typeof(Nested))] public partial class NestedProfile { }
            """);
        using var context = loaded.CreateContext("Dyn.NestedProfile");

        Assert.Equal("[[1,3],[2,4]]", context.Eval<string>("JSON.stringify(transpose([[1, 2], [3, 4]]))"));
        Assert.Equal("{\"a\":[\"ab\",\"ac\"],\"b\":[\"bd\"]}", context.Eval<string>("JSON.stringify(group(['ab', 'ac', 'bd']))"));
        Assert.Equal(-1, context.Eval<int>("countOrMinusOne(null)"));
        Assert.Equal(2, context.Eval<int>("countOrMinusOne([1, 2])"));
        Assert.Equal("[1,null,3]", context.Eval<string>("JSON.stringify(maybe([1, null, 3]))"));
    }
}
