namespace V8Host.Generators.Tests.Parity;

/// <summary>
/// The same JS snippets on the generated and the reflection binding of the same fixtures: results and
/// error text must be identical. Where a row also states the expected outcome, both must equal it.
/// </summary>
public class BehaviourParityTests(ParityContexts contexts) : IClassFixture<ParityContexts>
{
    /// <summary>Snippet, and the outcome both paths must give (null: only that they agree).</summary>
    public static TheoryData<string, string?> Snippets => new()
    {
        // Constructors: overloads by count and type, optional and rest parameters.
        { "new ParityBuilt().text", "string empty" },
        { "new ParityBuilt('a').text", "string ax2" },
        { "new ParityBuilt('a', 5).text", "string ax5" },
        { "new ParityBuilt('a', true, 'x', 'y').text", "string A[x|y]" },
        { "new ParityBuilt('a', false).text", "string a[]" },
        { "new ParityBuilt(1)", "TypeError: new ParityBuilt expects () or (name: string, count: number) or (name: string, loud: boolean, tags: string); got (a number (1))." },
        { "new ParityBuilt('a', 'b')", null },
        { "new ParityBuilt('a', 1, 2, 3)", null },
        { "new ParityBuilt('a', true, 1)", "TypeError: new ParityBuilt: argument 3 ('tags') expects a string; got a number (1)." },
        { "ParityBuilt('a')", null },
        { "new ParitySingle(3).value", "number 3" },
        { "new ParitySingle()", null },
        { "new ParitySingle(1, 2)", null },
        { "new ParitySingle(2 ** 31)", "RangeError: new ParitySingle: parameter 'value': 2147483648 is out of range for Int32." },
        { "new ParitySingle(1.5)", "RangeError: new ParitySingle: parameter 'value' must be an integer; got 1.5." },
        { "new ParitySingle('3')", null },
        { "new ParitySingle(null)", null },
        { "new ParitySingle(NaN)", null },
        { "new ParitySingle(-0).value", null },
        { "new ParitySealedOff()", "TypeError: ParitySealedOff has no public constructor; instances come from .NET." },
        { "ParitySealedOff.make().hello()", "string hi" },
        { "ParitySealedOff.make() instanceof ParitySealedOff", "boolean true" },
        { "new ParityRequired('r').id", "string r" },

        // Instance and static methods, arity.
        { "new ParityBag().add(1, 2)", "number 3" },
        { "new ParityBag().add('1', 2)", "TypeError: ParityBag.add: parameter 'a' expects a number; got a string (\"1\")." },
        { "new ParityBag().add(1)", "TypeError: ParityBag.add: missing argument 'b' (a number)." },
        { "new ParityBag().add(1, 2, 3)", null },
        { "new ParityBag().add()", null },
        { "new ParityBag().add(1, undefined)", null },
        { "new ParityBag().add(1, null)", "TypeError: ParityBag.add: parameter 'b' expects a number; got null." },
        { "new ParityBag().add(1n, 2)", null },
        { "new ParityBag().add({}, 2)", null },
        { "ParityBag.shout('hi')", "string HI!" },
        { "ParityBag.shout()", null },
        { "ParityBag.shout(5)", null },
        { "ParityBag.shout.call({}, 'x')", null },
        { "new ParityBag().nothing()", "undefined undefined" },

        // Overloads by JS type.
        { "new ParityBag().kind(1)", "string number 1" },
        { "new ParityBag().kind('s')", "string string s" },
        { "new ParityBag().kind(true)", "string boolean True" },
        { "new ParityBag().kind(new ParityBag())", "string bag bag" },
        { "new ParityBag().kind([1, 2])", "string array 2" },
        { "new ParityBag().kind(x => x * 3)", "string function 6" },
        { "new ParityBag().kind({})", null },
        { "new ParityBag().kind(null)", "TypeError: ParityBag.kind expects (value: number) or (value: string) or (value: boolean) or (value: ParityBag) or (values: number[]) or (callback: ((arg: number) => number)); got (null)." },
        { "new ParityBag().kind(undefined)", null },
        { "new ParityBag().kind()", null },
        { "new ParityBag().kind(1, 2)", null },
        { "new ParityBag().kind(1n)", null },
        { "new ParityBag().kind(new ParitySingle(1))", null },
        { "new ParityBag().kind(['a'])", "TypeError: ParityBag.kind: parameter 'values'[0] expects an integer (Int32); got a string (\"a\")." },

        // Overloads by count.
        { "new ParityBag().pick()", "string none" },
        { "new ParityBag().pick(1)", "string one 1" },
        { "new ParityBag().pick(1, 2)", "string two 1 2" },
        { "new ParityBag().pick(1, 2, 3)", "TypeError: ParityBag.pick takes 0 or 1 or 2 argument(s); got 3." },
        { "new ParityBag().pick('a')", null },
        { "new ParityBag().pick(1, 'b')", null },

        // Optional and rest parameters.
        { "new ParityBag().greet('Ada')", "string Hello, Ada" },
        { "new ParityBag().greet('Ada', 'Hi')", "string Hi, Ada" },
        { "new ParityBag().greet('Ada', undefined)", "string Hello, Ada" },
        { "new ParityBag().greet('Ada', null)", null },
        { "new ParityBag().greet()", null },
        { "new ParityBag().greet('a', 'b', 'c')", null },
        { "new ParityBag().join('-', 1, 2, 3)", "string 1-2-3" },
        { "new ParityBag().join('-')", "string " },
        { "new ParityBag().join('-', 'x')", null },
        { "new ParityBag().join('-', 1, 2.5)", "RangeError: ParityBag.join: argument 3 ('values') must be an integer; got 2.5." },
        { "new ParityBag().join()", null },
        { "new ParityBag().sum()", "number 0" },
        { "new ParityBag().sum(1, 2, 3)", "number 6" },
        { "new ParityBag().sum(1, 'a')", null },
        { "new ParityBag().sum(...[1, 2])", "number 3" },

        // Nullable and non-nullable parameters.
        { "new ParityBag().nullable(null, null)", "string null/null" },
        { "new ParityBag().nullable('a', 1)", "string a/1" },
        { "new ParityBag().nullable(undefined, undefined)", null },
        { "new ParityBag().nullable()", null },
        { "new ParityBag().nullable('a', 'b')", null },
        { "new ParityBag().nullable('a', 1.5)", null },
        { "new ParityBag().strict(null)", "TypeError: ParityBag.strict: parameter 'text' expects a string; got null." },
        { "new ParityBag().strict(undefined)", null },
        { "new ParityBag().strict(1)", null },
        { "new ParityBag().strict('')", "string " },

        // Enums and numbers at their ranges.
        { "new ParityBag().paint('Red')", "string Red" },
        { "new ParityBag().paint('Blue')", "RangeError: ParityBag.paint: parameter 'color': 'Blue' is not a member of ParityColor (Red, Green)." },
        { "new ParityBag().paint(0)", null },
        { "new ParityBag().paint('red')", null },
        { "new ParityBag().raise(5)", "number 5" },
        { "new ParityBag().raise(3)", "RangeError: ParityBag.raise: parameter 'level': 3 is not a value of ParityLevel." },
        { "new ParityBag().raise('High')", null },
        { "new ParityBag().big(2 ** 53)", null },
        { "new ParityBag().big(2 ** 60)", "bigint 1152921504606846976n" },
        { "new ParityBag().big(2n ** 60n)", null },
        { "new ParityBag().big(2n ** 64n)", "RangeError: ParityBag.big: parameter 'value': 18446744073709551616 is out of range for Int64." },
        { "new ParityBag().big(1.5)", null },
        { "new ParityBag().big(Infinity)", null },
        { "new ParityBag().big(-(2 ** 53) + 1)", null },
        { "new ParityBag().byte(255)", "number 255" },
        { "new ParityBag().byte(256)", "RangeError: ParityBag.byte: parameter 'value': 256 is out of range for Byte." },
        { "new ParityBag().byte(-1)", null },
        { "new ParityBag().byte('1')", null },

        // Properties: read-only, writable, nullable, enum, names.
        { "new ParityBag().name", "string bag" },
        { "(() => { const b = new ParityBag(); b.name = 'x'; return b.name; })()", "string x" },
        { "(() => { const b = new ParityBag(); b.name = 5; return b.name; })()", "TypeError: ParityBag.name: parameter 'value' expects a string; got a number (5)." },
        { "(() => { const b = new ParityBag(); b.name = null; return b.name; })()", null },
        { "(() => { const b = new ParityBag(); b.name = undefined; return b.name; })()", null },
        { "new ParityBag().readOnlyCount", "number 7" },
        { "(() => { 'use strict'; new ParityBag().readOnlyCount = 1; })()", null },
        { "(() => { const b = new ParityBag(); b.readOnlyCount = 1; return b.readOnlyCount; })()", null },
        { "(() => { const b = new ParityBag(); b.note = 'n'; b.note = null; return b.note; })()", "object null" },
        { "(() => { const b = new ParityBag(); b.note = 3; return b.note; })()", null },
        { "(() => { const b = new ParityBag(); b.maybe = 3; return b.maybe; })()", "number 3" },
        { "(() => { const b = new ParityBag(); b.maybe = null; return b.maybe; })()", null },
        { "(() => { const b = new ParityBag(); b.maybe = 'a'; return b.maybe; })()", null },
        { "(() => { const b = new ParityBag(); b.maybe = 1.5; return b.maybe; })()", null },
        { "new ParityBag().color", "string Green" },
        { "(() => { const b = new ParityBag(); b.color = 'Red'; return b.color; })()", "string Red" },
        { "(() => { const b = new ParityBag(); b.color = 'Purple'; return b.color; })()", "RangeError: ParityBag.color: parameter 'value': 'Purple' is not a member of ParityColor (Red, Green)." },
        { "(() => { const b = new ParityBag(); b.color = 1; return b.color; })()", null },
        { "new ParityBag().level", null },
        { "(() => { const b = new ParityBag(); b.level = 1; return b.level; })()", null },
        { "(() => { const b = new ParityBag(); b.level = 2; return b.level; })()", null },
        { "(() => { const b = new ParityBag(); b.small = 300; return b.small; })()", "RangeError: ParityBag.small: parameter 'value': 300 is out of range for Byte." },
        { "(() => { const b = new ParityBag(); b.small = -1; return b.small; })()", null },
        { "(() => { const b = new ParityBag(); b.small = 1.5; return b.small; })()", null },
        { "new ParityBag().alias", "number 11" },
        { "new ParityBag().aliased", "undefined undefined" },
        { "(() => { const b = new ParityBag(); b.alias = 12; return b.alias; })()", "number 12" },

        // Fields and statics.
        { "new ParityBag().size", "number 3" },
        { "(() => { const b = new ParityBag(); b.size = 4; return b.size; })()", "number 4" },
        { "(() => { const b = new ParityBag(); b.size = 'x'; return b.size; })()", null },
        { "new ParityBag().tag", "string t" },
        { "(() => { 'use strict'; new ParityBag().tag = 'u'; })()", null },
        { "ParityBag.motto", "string bags" },
        { "ParityBag.limit", "number 10" },
        { "(() => { 'use strict'; ParityBag.limit = 1; })()", null },
        { "(ParityBag.counter = 5, ParityBag.counter)", "number 5" },
        { "(() => { ParityBag.counter = 'x'; })()", "TypeError: ParityBag.counter: parameter 'value' expects an integer (Int32); got a string (\"x\")." },

        // [HostIgnore], [HostName], [HostFunction("…")] on a class method.
        { "new ParityBag().renamedByName()", "string by name" },
        { "new ParityBag().renamedByFunction()", "string by function" },
        { "typeof new ParityBag().byName", "string undefined" },
        { "typeof new ParityBag().byFunction", "string undefined" },
        { "typeof new ParityBag().hidden", "string undefined" },
        { "typeof new ParityBag().hiddenProperty", "string undefined" },

        // Identity and nullable host-class results.
        { "(() => { const b = new ParityBag(); return b.self() === b; })()", "boolean true" },
        { "new ParityBag().maybeSelf(false)", "object null" },
        { "(() => { const b = new ParityBag(); return b.maybeSelf(true) === b; })()", "boolean true" },

        // Plain data by value and live collections on host classes.
        { "JSON.stringify(new ParityBag().shift({ x: 1, y: 2 }))", null },
        { "new ParityBag().shift({ x: 1 })", null },
        { "new ParityBag().shift({ x: 1, y: 'a' })", null },
        { "new ParityBag().shift({ x: 1, y: 2, z: 3 }).y", "number 3" },
        { "new ParityBag().shift(null)", null },
        { "new ParityBag().shift(5)", null },
        { "JSON.stringify(new ParityBag().order({ id: 'o', lines: [{ x: 1, y: 2 }] }))", null },
        { "new ParityBag().order({ id: 'o', lines: [{ x: 1, y: 'b' }] })", null },
        { "new ParityBag().order({ id: 'o', lines: 'x' })", null },
        { "(() => { const b = new ParityBag(); b.items.push(3); return b.items.length; })()", "number 3" },
        { "(() => { const b = new ParityBag(); return b.items === b.items; })()", "boolean true" },
        { "(() => { const b = new ParityBag(); b.items.push('x'); return b.items.length; })()", "TypeError: ParityBag.items[2] expects an integer (Int32); got a string (\"x\")." },
        { "(() => { const b = new ParityBag(); b.items[0] = 1.5; return b.items[0]; })()", null },
        { "(() => { const b = new ParityBag(); b.map.c = 3; return Object.keys(b.map).join(); })()", "string a,c" },
        { "(() => { const b = new ParityBag(); b.map.d = 'x'; return b.map.d; })()", null },
        { "(() => { 'use strict'; const b = new ParityBag(); b.names.push('z'); return b.names.length; })()", null },
        { "Array.isArray(new ParityBag().names)", null },
        { "JSON.stringify(new ParityRecord('a', 1))", "string {\"name\":\"a\",\"age\":1}" },
        { "JSON.stringify(new ParityStruct(1, 2))", "string {\"x\":1,\"y\":2}" },

        // Member order as JS enumerates it (declaration order on both paths).
        { "Object.getOwnPropertyNames(ParityRecord.prototype).join()", "string constructor,name,age,describe,older,toJSON" },
        { "Object.getOwnPropertyNames(ParityDerived.prototype).join()", null },
        { "Object.getOwnPropertyNames(ParityInjected.prototype).join()", null },

        // A foreign `this`.
        { "ParityBag.prototype.add.call({}, 1, 2)", "TypeError: ParityBag.add was called on an object that is not a ParityBag." },
        { "ParityBag.prototype.add.call(new ParitySingle(1), 1, 2)", null },
        { "ParityBag.prototype.add.call(undefined, 1, 2)", null },
        { "ParityBag.prototype.add.call(1, 1, 2)", null },
        { "Object.getOwnPropertyDescriptor(ParityBag.prototype, 'name').get.call({})", null },
        { "Object.getOwnPropertyDescriptor(ParityBag.prototype, 'name').set.call({}, 'x')", "TypeError: ParityBag.name was called on an object that is not a ParityBag." },
        { "Object.getOwnPropertyDescriptor(ParityBag, 'counter').get.call({})", null },
        { "ParityBag.prototype.add.call(Object.create(ParityBag.prototype), 1, 2)", "TypeError: ParityBag.add was called on an object that is not a ParityBag." },
        { "new ParityBag().add.call(new ParityBag(), 1, 2)", "number 3" },
        { "new ParityStruct(1, 2).area.call(new ParityBareStruct())", null },

        // Context and CancellationToken injection.
        { "new ParityInjected(1).seed", "number 1" },
        { "(() => { globalThis.seedBonus = 10; try { return new ParityInjected(1).seed; } finally { delete globalThis.seedBonus; } })()", "number 11" },
        { "new ParityInjected()", null },
        { "new ParityInjected('a')", null },
        { "(() => { globalThis.answer = 42; try { return new ParityInjected(0).readGlobal('answer'); } finally { delete globalThis.answer; } })()", "number 42" },
        { "new ParityInjected(0).readGlobal()", null },
        { "new ParityInjected(0).cancellable(1)", "boolean true" },
        { "new ParityInjected(0).cancellable()", null },
        { "ParityInjected.both('a')", null },
        { "ParityInjected.both()", null },

        // Object members.
        { "new ParityObjectMembers(1).equals(new ParityObjectMembers(1))", "boolean true" },
        { "new ParityObjectMembers(1).equals(new ParityObjectMembers(2))", "boolean false" },
        { "new ParityObjectMembers(1).equals(5)", "TypeError: ParityObjectMembers.equals: parameter 'other' expects a ParityObjectMembers; got a number (5)." },
        { "new ParityObjectMembers(1).equals()", null },
        { "new ParityObjectMembers(1).equals(null)", null },
        { "String(new ParityObjectMembers(1))", "string [object Object]" },
        { "typeof new ParityObjectMembers(1).getHashCode", "string undefined" },
        { "new ParityObjectMembers(1) == new ParityObjectMembers(1)", "boolean false" },

        // Inherited, overridden and hidden members.
        { "new ParityDerived().inherited()", "string base inherited" },
        { "new ParityDerived().speak()", "string derived speak" },
        { "new ParityDerived().hide()", "string derived hide" },
        { "new ParityDerived().baseProperty", "string base property" },
        { "(() => { const d = new ParityDerived(); d.baseProperty = 'b'; return d.baseProperty; })()", "string b" },
        { "new ParityDerived().legs", "number 4" },
        { "new ParityDerived().own()", "string own" },
        { "typeof ParityDerived.baseStatic", "string undefined" },

        // Records and structs.
        { "new ParityRecord('a', 1).describe()", "string a (1)" },
        { "new ParityRecord('a', 1).name", "string a" },
        { "new ParityRecord('a', 1).older().age", "number 2" },
        { "new ParityRecord('a', 1).older(3).age", "number 4" },
        { "new ParityRecord('a')", null },
        { "(() => { 'use strict'; new ParityRecord('a', 1).name = 'b'; })()", null },
        { "typeof new ParityRecord('a', 1).deconstruct", "string undefined" },
        { "typeof new ParityRecord('a', 1).printMembers", "string undefined" },
        { "typeof new ParityRecord('a', 1).equalityContract", "string undefined" },
        { "typeof new ParityRecord('a', 1).equals", "string undefined" },
        { "(() => { const v = new ParityStruct(2, 3); v.grow(1); return v.area(); })()", "number 12" },
        { "(() => { const v = new ParityStruct(2, 3); v.x = 5; return v.area(); })()", "number 15" },
        { "new ParityStruct(1)", "TypeError: new ParityStruct: missing argument 'y' (an integer (Int32))." },
        { "new ParityStruct()", null },
        { "new ParityStruct(1.5, 2)", null },
        { "new ParityBareStruct().twice()", "number 0" },
        { "(() => { const v = new ParityBareStruct(); v.value = 4; return v.twice(); })()", "number 8" },
        { "new ParityBareStruct(1)", null },

        // Host functions: generated [HostFunction] vs AddHostFunction of the same static method.
        { "add(1, 2)", "number 3" },
        { "add(1)", "TypeError: add: missing argument 'b' (an integer (Int32))." },
        { "add(1, '2')", "TypeError: add: parameter 'b' expects an integer (Int32); got a string (\"2\")." },
        { "add(1, 2, 3)", null },
        { "add(2 ** 31, 0)", null },
        { "add(1.5, 0)", null },
        { "greet('Ada', 'Hi')", "string Hi, Ada" },
        { "greet('Ada', 'Hi', 'x')", null },
        { "greet()", null },
        { "describe(null, null)", "string null/null" },
        { "describe('a', 1.5)", "string a/1.5" },
        { "describe()", null },
        { "describe('a', 'b')", null },
        { "(() => { globalThis.items = [1, 2, 3]; try { return count(); } finally { delete globalThis.items; } })()", "number 3" },
        { "count(1)", null },
        { "live()", "boolean true" },
        { "paint('Green')", "string Green" },
        { "paint('x')", null },
        { "paint(1)", null },
        { "narrow(255)", "number 255" },
        { "narrow(256)", null },
        { "wide(2 ** 53)", null },
        { "wide(2 ** 60)", null },
        { "wide(2n ** 63n)", "RangeError: wide: parameter 'value': 9223372036854775808 is out of range for Int64." },
        { "wide(-(2n ** 63n))", null },
        { "name(new ParityBag())", "string bag" },
        { "name({})", null },
        { "name(null)", "TypeError: name: parameter 'bag' expects a ParityBag; got null." },
        { "name(new ParitySingle(1))", null },
        { "nothing()", "undefined undefined" },
        { "nothing(1)", null },
        { "apply(x => x + 1, 2)", "number 3" },
        { "apply(1, 2)", "TypeError: apply: parameter 'callback' expects a function; got a number (1)." },
        { "apply(x => 'a', 2)", null },
        { "apply(() => { throw new RangeError('inner'); }, 2)", null },
        { "money(12345678901234567.89)", null },
        { "money('12345678901234567.89')", null },
        { "money(1e30)", "RangeError: money: parameter 'value': 1E+30 has no exact decimal value." },
        { "money(NaN)", null },
        { "money(0.1)", "number 0.1" },
        { "id('0f8fad5b-d9cb-469f-a165-70867728950e')", "string 0f8fad5bd9cb469fa16570867728950e" },
        { "id('nope')", null },
        { "id(1)", null },
        { "later(1000)", "number 2000" },
        { "later('x')", null },
        { "tomorrow('2024-02-28')", "string 2024-02-29" },
        { "tomorrow(new Date(2024, 1, 28))", null },
        { "tomorrow('x')", null },
        { "swap(['a', 1])", null },
        { "swap(['a'])", "TypeError: swap: parameter 'pair' expects an Array of 2 elements; got 1." },
        { "swap(['a', 1, 2])", null },
        { "swap('a')", null },
        { "invert({ a: 1, b: 2 })", "object Map" },
        { "invert({ a: 'x' })", null },
        { "unsigned(2n ** 64n - 1n)", "bigint 18446744073709551615n" },
        { "unsigned(-1)", "RangeError: unsigned: parameter 'value': -1 is out of range for UInt64." },
        { "unsigned(2 ** 53)", null },
        { "total({ id: 'o', lines: [{ x: 2, y: 3 }, { x: 1, y: 1 }] })", "number 7" },
        { "total({ id: 'o', lines: [{ x: 2 }] })", "TypeError: ParityPlain.y: missing property 'y'." },
        { "total({ id: 'o', lines: [{ x: 'a', y: 1 }] })", null },
        { "total({ id: 'o' })", null },
        { "total({ lines: [] })", null },
        { "total(null)", null },
        { "total([])", null },
        { "math.twice(2)", "number 4" },
        { "math.twice('2')", null },
    };

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_behaves_the_same_on_both_paths(string snippet, string? expected)
    {
        var (generated, reflected) = contexts.Run(snippet);

        ParityAssert.Same(generated, reflected);
        if (expected is not null)
            Assert.Equal(expected, generated);
    }

    /// <summary>
    /// Host functions taken as delegates lose what only the declared method knows: a delegate's Invoke has
    /// no ParamArrayAttribute and no default values, and the reflection path reads both from Invoke
    /// (ReflectionDeclarations.AddMethod: <c>parameter.IsDefined(ParamArrayAttribute)</c> and
    /// <c>parameter.HasDefaultValue</c> on Invoke's parameter, not on the declared one; ReflectionBinding.Invoke's
    /// DefaultOf likewise). The generated set treats them as rest and optional.
    /// </summary>
    public static TheoryData<string, string?> DelegateParameterDivergences => new()
    {
        { "join('-', 'a', 'b')", "string a-b" },
        { "join('-')", "string " },
        { "join('-', 1)", null },
        { "greet('Ada')", "string Hello, Ada" },
        { "greet.length", "number 1" },
        { "join.length", "number 1" },
    };

    /// <summary>
    /// Member order: the generator follows declaration order across fields and properties; the reflection
    /// path takes Type.GetMembers order, which lists properties before fields (ReflectionHostClass.Create's
    /// member loop), so a class mixing fields and properties enumerates, and serializes, differently.
    /// </summary>
    public static TheoryData<string, string?> MemberOrderDivergences => new()
    {
        { "JSON.stringify(new ParityBag())", null },
        { "Object.getOwnPropertyNames(ParityBag.prototype).join()", null },
        { "Object.getOwnPropertyNames(ParityBag).join()", null },
    };

    [Theory]
    [MemberData(nameof(MemberOrderDivergences))]
    public void Member_order_is_the_same_on_both_paths(string snippet, string? expected) =>
        Snippet_behaves_the_same_on_both_paths(snippet, expected);

    [Theory]
    [MemberData(nameof(DelegateParameterDivergences))]
    public void Delegate_rest_and_optional_parameters_behave_the_same(string snippet, string? expected) =>
        Snippet_behaves_the_same_on_both_paths(snippet, expected);
}
