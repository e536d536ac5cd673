using System.Numerics;

namespace V8Host.Generators.Tests.Fixtures;

public enum Shade
{
    Light = 1,
    Dark = 2,
}

[HostEnumAsString]
public enum Suit
{
    Hearts,
    Spades,
}

[HostClass]
public partial class Ticket
{
    public Ticket(string id) => Id = id;

    public string Id { get; }
}

[HostClass]
public partial class Badge
{
    public Badge()
    {
    }
}

/// <summary>One [HostFunction] per types.md row (and direction), exercised in real V8 by ConversionRowTests.</summary>
public static partial class ConversionFunctions
{
    // bool
    [HostFunction] public static bool Not(bool value) => !value;

    // integers
    [HostFunction] public static int EchoInt(int value) => value;
    [HostFunction] public static long EchoLong(long value) => value;
    [HostFunction] public static short EchoShort(short value) => value;
    [HostFunction] public static byte EchoByte(byte value) => value;
    [HostFunction] public static sbyte EchoSByte(sbyte value) => value;
    [HostFunction] public static ushort EchoUShort(ushort value) => value;
    [HostFunction] public static uint EchoUInt(uint value) => value;
    [HostFunction] public static ulong EchoULong(ulong value) => value;
    [HostFunction] public static long BigLong() => long.MaxValue;
    [HostFunction] public static long MinLong() => long.MinValue;
    [HostFunction] public static long SafeLong() => 9007199254740991L;
    [HostFunction] public static long UnsafeLong() => 9007199254740993L;
    [HostFunction] public static ulong BigULong() => ulong.MaxValue;
    [HostFunction] public static string LongText(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // floating point
    [HostFunction] public static double EchoDouble(double value) => value;
    [HostFunction] public static float EchoFloat(float value) => value;
    [HostFunction] public static decimal EchoDecimal(decimal value) => value;
    [HostFunction] public static decimal AddDecimal(decimal a, decimal b) => a + b;
    [HostFunction] public static string DecimalText(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // strings
    [HostFunction] public static string EchoString(string value) => value;
    [HostFunction] public static string? EchoNullableString(string? value) => value;
    [HostFunction] public static string DescribeNullableString(string? value) => value is null ? "null" : "string:" + value;
    [HostFunction] public static char EchoChar(char value) => value;
    [HostFunction] public static int CharCode(char value) => value;

    // bigint
    [HostFunction] public static BigInteger DoubleBig(BigInteger value) => value * 2;

    // dates
    [HostFunction] public static DateTime AddDay(DateTime value) => value.AddDays(1);
    [HostFunction] public static string DateText(DateTime value) => value.Kind + " " + value.ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
    [HostFunction] public static DateTimeOffset AddHour(DateTimeOffset value) => value.AddHours(1);
    [HostFunction] public static string OffsetText(DateTimeOffset value) => value.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    // enums
    [HostFunction] public static Shade EchoShade(Shade value) => value;
    [HostFunction] public static string ShadeName(Shade value) => value.ToString();
    [HostFunction] public static Suit EchoSuit(Suit value) => value;
    [HostFunction] public static string SuitName(Suit value) => value.ToString();

    // T? (nullable value types)
    [HostFunction] public static int? EchoNullableInt(int? value) => value;
    [HostFunction] public static string DescribeNullableInt(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null";
    [HostFunction] public static double? Half(double? value) => value / 2;
    [HostFunction] public static bool? EchoNullableBool(bool? value) => value;
    [HostFunction] public static Shade? EchoNullableShade(Shade? value) => value;

    // optional parameters
    [HostFunction] public static string Optional(int a, int b = 10, string c = "c", Shade shade = Shade.Dark, string? d = null) => $"{a},{b},{c},{shade},{d ?? "null"}";

    // params T[]
    [HostFunction] public static int Sum(params int[] values) => values.Sum();
    [HostFunction] public static string Prefixed(string prefix, params string[] parts) => prefix + ":" + string.Join(",", parts);

    // T[], List<T>, IReadOnlyList<T>, IEnumerable<T>
    [HostFunction] public static int[] DoubleAll(int[] values) => values.Select(v => v * 2).ToArray();
    [HostFunction] public static List<string> Upper(List<string> values) => values.Select(v => v.ToUpperInvariant()).ToList();
    [HostFunction] public static IReadOnlyList<double> Halves(IReadOnlyList<double> values) => values.Select(v => v / 2).ToList();
    [HostFunction] public static IEnumerable<int> Reversed(IEnumerable<int> values) => values.Reverse();
    [HostFunction] public static int CountAll(IEnumerable<string> values) => values.Count();
    [HostFunction] public static string MutateArray(int[] values)
    {
        values[0] = 99;
        return string.Join(",", values);
    }

    // Dictionary<string,T>, IReadOnlyDictionary<string,T>
    [HostFunction] public static Dictionary<string, int> Lengths(Dictionary<string, string> values) => values.ToDictionary(p => p.Key, p => p.Value.Length);
    [HostFunction] public static IReadOnlyDictionary<string, double> Scale(IReadOnlyDictionary<string, double> values, double factor) => values.ToDictionary(p => p.Key, p => p.Value * factor);

    // byte[], ReadOnlyMemory<byte>, Memory<byte>
    [HostFunction] public static byte[] ReverseBytes(byte[] data) => data.Reverse().ToArray();
    [HostFunction] public static ReadOnlyMemory<byte> Tail(ReadOnlyMemory<byte> data) => data.Slice(1);
    [HostFunction] public static Memory<byte> Increment(Memory<byte> data)
    {
        foreach (ref var b in data.Span)
            b++;
        return data;
    }

    [HostFunction] public static int ByteCount(byte[] data) => data.Length;

    // [HostClass] parameters and results
    [HostFunction] public static string TicketId(Ticket ticket) => ticket.Id;
    [HostFunction] public static Ticket MakeTicket(string id) => new(id);
    [HostFunction] public static string MaybeTicketId(Ticket? ticket) => ticket?.Id ?? "none";
    [HostFunction] public static Ticket SameTicket(Ticket ticket) => ticket;

    // Task, Task<T>, ValueTask, ValueTask<T>
    [HostFunction] public static async Task Pause() => await Task.Delay(1);
    [HostFunction] public static async Task<int> DoubleLater(int value)
    {
        await Task.Delay(1);
        return value * 2;
    }

    [HostFunction] public static ValueTask<string> EchoLater(string value) => ValueTask.FromResult(value);
    [HostFunction] public static async ValueTask<int> TripleLater(int value)
    {
        await Task.Yield();
        return value * 3;
    }

    [HostFunction] public static ValueTask Nothing() => default;
    [HostFunction] public static Task<int> FailLater(string message) => Task.FromException<int>(new InvalidOperationException(message));

    // JsPromise
    [HostFunction] public static JsPromise SamePromise(JsPromise promise) => promise;

    // Func<…>, Action<…>, JsFunction
    [HostFunction] public static int Apply(Func<int, int> map, int value) => map(value);
    [HostFunction] public static void Emit(Action<string> sink, string value) => sink(value + "!");
    [HostFunction] public static object? CallFunction(JsFunction function, int value) => function.Invoke(value);

    // JsObject, JsArray, JsHandle, object? passthrough
    [HostFunction] public static JsObject SameObject(JsObject value) => value;
    [HostFunction] public static JsArray SameArray(JsArray value) => value;
    [HostFunction] public static JsHandle SameHandle(JsHandle value) => value;
    [HostFunction] public static object? Any(object? value) => value;
    [HostFunction] public static string ClrType(object? value) => value?.GetType().Name ?? "null";
    [HostFunction] public static object? ObjectKey(JsObject value, string key) => value[key];

    // CancellationToken (last) and Context (first)
    [HostFunction] public static bool TokenState(int value, CancellationToken token) => token.CanBeCanceled && !token.IsCancellationRequested && value > 0;
    [HostFunction] public static string GlobalOf(Context context, string name) => context.GetGlobal(name)?.ToString() ?? "null";
    [HostFunction] public static int Both(Context context, int value, CancellationToken token) => value + (context.IsAlive ? 1 : 0) + (token.IsCancellationRequested ? 100 : 0);

    // exceptions
    [HostFunction] public static int Fail(string message) => throw new InvalidOperationException(message);
    [HostFunction] public static int FailRange(int value) => throw new ArgumentOutOfRangeException(nameof(value), "too far");
}

[HostProfile(typeof(ConversionFunctions), typeof(Ticket), typeof(Badge))]
public partial class ConversionProfile
{
}
