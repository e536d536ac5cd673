using System.Globalization;
using System.Numerics;

namespace V8Host.Engine;

/// <summary>
/// Exact conversions between JS numbers (doubles) and .NET integers and decimals (api.md §5): a
/// value either crosses unchanged or the conversion fails with a RangeError naming the target.
/// </summary>
internal static class ExactNumber
{
    /// <summary>2^53 - 1: integers up to this magnitude are exact JS numbers; beyond, they cross as bigint.</summary>
    public const long MaxSafeInteger = (1L << 53) - 1;

    // 2^63 and 2^64 are exact doubles: [-2^63, 2^63) is the doubles that fit in a long.
    private const double TwoTo63 = 9223372036854775808.0;
    private const double TwoTo64 = 18446744073709551616.0;

    /// <summary>A long as an engine value: a number within ±(2^53-1), else a bigint.</summary>
    public static object FromInt64(long value) => value is >= -MaxSafeInteger and <= MaxSafeInteger ? (object)value : new BigInteger(value);

    /// <summary>A ulong as an engine value: a number up to 2^53-1, else a bigint.</summary>
    public static object FromUInt64(ulong value) => value <= MaxSafeInteger ? (object)(long)value : new BigInteger(value);

    /// <summary>
    /// A decimal as a JS number: the double whose shortest round-trip text reads back as the same
    /// decimal value (1.10m → 1.1). A decimal with no such double (12345678901234567.89m) is a
    /// RangeError (<see cref="ArgumentOutOfRangeException"/>), because any number would silently be another value.
    /// </summary>
    public static double FromDecimal(decimal value, string? what)
    {
        var number = (double)value;
        if (decimal.TryParse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var back) && back == value)
            return number;
        var subject = what is null ? $"The decimal {Format(value)}" : $"{what}: {Format(value)}";
        // Public (ToJs, SetGlobal, JsObject.Set callers see it) and a RangeError inside host calls.
        throw new ArgumentOutOfRangeException(null, $"{subject} has no exact JavaScript number; use [HostDecimalAsString] or double.");
    }

    /// <summary>
    /// A JS number as a decimal through its shortest round-trip text (0.1 → 0.1m, not
    /// 0.1000000000000000055…). NaN, ±Infinity, numbers beyond decimal's range and numbers whose
    /// digits decimal cannot hold (1e-30) are a RangeError.
    /// </summary>
    public static decimal ToDecimal(double number, string what)
    {
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        if (!double.IsFinite(number)
            || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) != number)
        {
            throw new ConversionException(JsErrorKind.RangeError, $"{what}: {text} has no exact decimal value.");
        }

        return value;
    }

    /// <summary>A bigint as a decimal: exact within decimal's range, else a RangeError.</summary>
    public static decimal ToDecimal(BigInteger big, string what)
    {
        try
        {
            return (decimal)big;
        }
        catch (OverflowException)
        {
            throw new ConversionException(JsErrorKind.RangeError, $"{what}: {big.ToString(CultureInfo.InvariantCulture)} is out of range for Decimal.");
        }
    }

    /// <summary>
    /// An engine number or bigint as the integer type of <paramref name="code"/> (SByte … UInt64),
    /// exactly: the value must be integral and within the type's range. Any integral double is an
    /// exact integer, so 2**60 is a valid long.
    /// </summary>
    /// <exception cref="ConversionException">A RangeError for NaN, ±Infinity, fractions and values out of range.</exception>
    public static object ToInteger(double number, TypeCode code, string typeName, string what)
    {
        if (!double.IsFinite(number) || number != Math.Floor(number))
            throw new ConversionException(JsErrorKind.RangeError, $"{what} must be an integer; got {number.ToString("R", CultureInfo.InvariantCulture)}.");
        if (number >= -TwoTo63 && number < TwoTo63)
            return ToInteger((long)number, code, typeName, what);
        if (code == TypeCode.UInt64 && number > 0 && number < TwoTo64)
            return (ulong)number;
        throw OutOfRange(new BigInteger(number).ToString(CultureInfo.InvariantCulture), typeName, what);
    }

    /// <inheritdoc cref="ToInteger(double, TypeCode, string, string)"/>
    public static object ToInteger(BigInteger big, TypeCode code, string typeName, string what)
    {
        if (big >= long.MinValue && big <= long.MaxValue)
            return ToInteger((long)big, code, typeName, what);
        if (code == TypeCode.UInt64 && big.Sign > 0 && big <= ulong.MaxValue)
            return (ulong)big;
        throw OutOfRange(big.ToString(CultureInfo.InvariantCulture), typeName, what);
    }

    /// <inheritdoc cref="ToInteger(double, TypeCode, string, string)"/>
    public static object ToInteger(long value, TypeCode code, string typeName, string what) => code switch
    {
        TypeCode.SByte when value is >= sbyte.MinValue and <= sbyte.MaxValue => (sbyte)value,
        TypeCode.Byte when value is >= byte.MinValue and <= byte.MaxValue => (byte)value,
        TypeCode.Int16 when value is >= short.MinValue and <= short.MaxValue => (short)value,
        TypeCode.UInt16 when value is >= ushort.MinValue and <= ushort.MaxValue => (ushort)value,
        TypeCode.Int32 when value is >= int.MinValue and <= int.MaxValue => (int)value,
        TypeCode.UInt32 when value is >= uint.MinValue and <= uint.MaxValue => (uint)value,
        TypeCode.Int64 => value,
        TypeCode.UInt64 when value >= 0 => (ulong)value,
        _ => throw OutOfRange(value.ToString(CultureInfo.InvariantCulture), typeName, what),
    };

    private static ConversionException OutOfRange(string number, string typeName, string what) =>
        new(JsErrorKind.RangeError, $"{what}: {number} is out of range for {typeName}.");

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
