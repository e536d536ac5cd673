using System.Diagnostics.CodeAnalysis;

namespace V8Host.Generators.Tests.Parity;

// Host classes and host functions run through both binding paths by the parity suite. Each type covers
// one area of the rulebook; the tables in ParityTable exercise them from JavaScript.

[HostEnumAsString]
public enum ParityColor
{
    Red,
    Green,
}

public enum ParityLevel
{
    Low = 1,
    High = 5,
}

/// <summary>Constructors: none explicit is covered by <see cref="ParityBag"/>; here two overloads by count, optional and rest.</summary>
[HostClass]
public partial class ParityBuilt
{
    public ParityBuilt() => Text = "empty";

    public ParityBuilt(string name, int count = 2) => Text = $"{name}x{count}";

    public ParityBuilt(string name, bool loud, params string[] tags) => Text = $"{(loud ? name.ToUpperInvariant() : name)}[{string.Join("|", tags)}]";

    public string Text { get; }
}

/// <summary>Exactly one constructor, taking one argument.</summary>
[HostClass]
public partial class ParitySingle
{
    public ParitySingle(int value) => Value = value;

    public int Value { get; }
}

/// <summary>No public constructor: JS cannot construct it, but instances cross.</summary>
[HostClass]
public partial class ParitySealedOff
{
    private ParitySealedOff()
    {
    }

    public static ParitySealedOff Make() => new();

    public string Hello() => "hi";
}

/// <summary>Methods, statics, overloads by count and JS type, properties, fields, names and ignores.</summary>
[HostClass]
public partial class ParityBag
{
    public static int Counter { get; set; }

    public static readonly string Motto = "bags";

    public const int Limit = 10;

    public int Size = 3;

    public readonly string Tag = "t";

    public string Name { get; set; } = "bag";

    public int ReadOnlyCount => 7;

    public string? Note { get; set; }

    public int? Maybe { get; set; }

    public ParityColor Color { get; set; } = ParityColor.Green;

    public ParityLevel Level { get; set; } = ParityLevel.High;

    public byte Small { get; set; }

    public double Add(double a, double b) => a + b;

    public static string Shout(string text) => text.ToUpperInvariant() + "!";

    public string Kind(double value) => "number " + value;

    public string Kind(string value) => "string " + value;

    public string Kind(bool value) => "boolean " + value;

    public string Kind(ParityBag value) => "bag " + value.Name;

    public string Kind(int[] values) => "array " + values.Length;

    public string Kind(Func<int, int> callback) => "function " + callback(2);

    public string Pick() => "none";

    public string Pick(int a) => "one " + a;

    public string Pick(int a, int b) => $"two {a} {b}";

    public string Greet(string name, string greeting = "Hello") => $"{greeting}, {name}";

    public string Join(string separator, params int[] values) => string.Join(separator, values);

    public int Sum(params int[] values) => values.Sum();

    public string Nullable(string? text, int? number) => $"{text ?? "null"}/{(number is null ? "null" : number.ToString())}";

    public string Strict(string text) => text;

    public ParityColor Paint(ParityColor color) => color;

    public ParityLevel Raise(ParityLevel level) => level;

    public long Big(long value) => value;

    public byte Byte(byte value) => value;

    public void Nothing()
    {
    }

    [HostIgnore]
    public string Hidden() => "hidden";

    [HostIgnore]
    public int HiddenProperty { get; set; }

    [HostName("renamedByName")]
    public string ByName() => "by name";

    [HostFunction("renamedByFunction")]
    public string ByFunction() => "by function";

    [HostName("alias")]
    public int Aliased { get; set; } = 11;

    public ParityBag Self() => this;

    public ParityBag? MaybeSelf(bool give) => give ? this : null;

    public List<int> Items { get; } = new() { 1, 2 };

    public Dictionary<string, int> Map { get; } = new() { ["a"] = 1 };

    public IReadOnlyList<string> Names { get; } = new[] { "x", "y" };

    public ParityPlain Shift(ParityPlain value) => value with { Y = value.Y + 1 };

    public ParityOrder Order(ParityOrder order) => order with { Id = order.Id + "!" };
}

/// <summary>Plain data (not a host class): crosses by value.</summary>
public sealed record ParityPlain(int X, int Y);

/// <summary>Plain data with a nested collection of plain data.</summary>
public sealed record ParityOrder(string Id, List<ParityPlain> Lines);

/// <summary>Context and CancellationToken injection into class members.</summary>
[HostClass]
public partial class ParityInjected
{
    public ParityInjected(Context context, int seed) => Seed = seed + context.Eval<int>("globalThis.seedBonus ?? 0");

    public int Seed { get; }

    public int ReadGlobal(Context context, string name) => context.Eval<int>($"globalThis[{System.Text.Json.JsonSerializer.Serialize(name)}] ?? -1");

    public bool Cancellable(int value, CancellationToken token) => value > 0 && !token.IsCancellationRequested;

    public static string Both(Context context, string text, CancellationToken token) => text + (context is null ? "?" : "!") + token.CanBeCanceled;
}

/// <summary>Object members: overrides are plumbing, a user Equals(other) overload is API.</summary>
[HostClass]
public partial class ParityObjectMembers
{
    public ParityObjectMembers(int id) => Id = id;

    public int Id { get; }

    public override string ToString() => "OM" + Id;

    public override bool Equals(object? obj) => obj is ParityObjectMembers other && other.Id == Id;

    public override int GetHashCode() => Id;

    public bool Equals(ParityObjectMembers other) => other.Id == Id;
}

public class ParityBase
{
    public string Inherited() => "base inherited";

    public virtual string Speak() => "base speak";

    public string Hide() => "base hide";

    public string BaseProperty { get; set; } = "base property";

    public virtual int Legs => 2;

    public static string BaseStatic() => "base static";
}

/// <summary>Inherited, overridden and hidden members.</summary>
[HostClass]
public partial class ParityDerived : ParityBase
{
    public override string Speak() => "derived speak";

    public new string Hide() => "derived hide";

    public override int Legs => 4;

    public string Own() => "own";
}

/// <summary>A positional record as a host class.</summary>
[HostClass]
public partial record ParityRecord(string Name, int Age)
{
    public string Describe() => $"{Name} ({Age})";

    public ParityRecord Older(int years = 1) => this with { Age = Age + years };
}

/// <summary>A struct as a host class (with and without an explicit constructor).</summary>
[HostClass]
public partial struct ParityStruct
{
    public ParityStruct(int x, int y)
    {
        X = x;
        Y = y;
    }

    public int X { get; set; }

    public int Y { get; set; }

    public int Area() => X * Y;

    public void Grow(int by)
    {
        X += by;
        Y += by;
    }
}

/// <summary>A struct with no declared constructor (C#'s implicit parameterless one).</summary>
[HostClass]
public partial struct ParityBareStruct
{
    public int Value { get; set; }

    public int Twice() => Value * 2;
}

/// <summary>A record with required members set by an attributed constructor.</summary>
[HostClass]
public partial class ParityRequired
{
    [SetsRequiredMembers]
    public ParityRequired(string id) => Id = id;

    public required string Id { get; init; }
}

/// <summary>[HostFunction] sets: each method also runs as a delegate through AddHostFunction.</summary>
public static partial class ParityFunctions
{
    [HostFunction]
    public static int Add(int a, int b) => a + b;

    [HostFunction]
    public static string Greet(string name, string greeting = "Hello") => $"{greeting}, {name}";

    [HostFunction]
    public static string Join(string separator, params string[] parts) => string.Join(separator, parts);

    [HostFunction]
    public static string Describe(string? text, double? number) => $"{text ?? "null"}/{(number is null ? "null" : number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}";

    [HostFunction]
    public static int Count(Context context) => context.Eval<int>("globalThis.items?.length ?? 0");

    [HostFunction]
    public static bool Live(CancellationToken token) => !token.IsCancellationRequested;

    [HostFunction]
    public static ParityColor Paint(ParityColor color) => color;

    [HostFunction]
    public static byte Narrow(byte value) => value;

    [HostFunction]
    public static long Wide(long value) => value;

    [HostFunction]
    public static string Name(ParityBag bag) => bag.Name;

    [HostFunction]
    public static void Nothing()
    {
    }

    [HostFunction]
    public static int Apply(Func<int, int> callback, int value) => callback(value);

    [HostFunction]
    public static decimal Money(decimal value) => value;

    [HostFunction]
    public static string Id(Guid value) => value.ToString("N");

    [HostFunction]
    public static TimeSpan Later(TimeSpan value) => value + TimeSpan.FromSeconds(1);

    [HostFunction]
    public static DateOnly Tomorrow(DateOnly value) => value.AddDays(1);

    [HostFunction]
    public static (int, string) Swap((string, int) pair) => (pair.Item2, pair.Item1);

    [HostFunction]
    public static Dictionary<int, string> Invert(Dictionary<string, int> map) => map.ToDictionary(p => p.Value, p => p.Key);

    [HostFunction]
    public static ulong Unsigned(ulong value) => value;

    [HostFunction]
    public static int Total(ParityOrder order) => order.Lines.Sum(l => l.X * l.Y);

    [HostFunction("math.twice")]
    public static double Twice(double value) => value * 2;
}
