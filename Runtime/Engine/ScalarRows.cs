using System.Globalization;

namespace V8Host.Engine;

/// <summary>
/// The value types of types.md that cross as a JS string or number: <c>Guid</c> (string, "D"
/// format), <c>TimeSpan</c> (number of milliseconds), <c>DateOnly</c> ("yyyy-MM-dd"),
/// <c>TimeOnly</c> ("HH:mm:ss" plus trimmed fraction), <c>Uri</c> (string as written), <c>Half</c>
/// (number). Integers (<c>nint</c>/<c>nuint</c> included) and decimals are in <see cref="ExactNumber"/>.
/// </summary>
internal static class ScalarRows
{
    private const string DateFormat = "yyyy-MM-dd";

    // Reading accepts the minutes-only and whole-second forms JS code commonly writes.
    private static readonly string[] s_timeFormats = { "HH':'mm", "HH':'mm':'ss", "HH':'mm':'ss'.'FFFFFFF" };

    /// <summary>Whether <paramref name="type"/> is one of these rows.</summary>
    public static bool Handles(Type type) =>
        type == typeof(Guid) || type == typeof(TimeSpan) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(Uri) || type == typeof(Half);

    /// <summary>The engine value of <paramref name="value"/> if it is one of these rows.</summary>
    public static bool TryToEngine(object value, out object? engineValue)
    {
        engineValue = value switch
        {
            Guid guid => guid.ToString("D"),
            TimeSpan span => span.Ticks / (double)TimeSpan.TicksPerMillisecond,
            DateOnly date => date.ToString(DateFormat, CultureInfo.InvariantCulture),
            TimeOnly time => time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH':'mm':'ss" : "HH':'mm':'ss'.'FFFFFFF", CultureInfo.InvariantCulture),
            Uri uri => uri.OriginalString,
            Half half => (double)half,
            _ => null,
        };
        return engineValue is not null;
    }

    /// <summary>
    /// Converts an engine value (not null or undefined) to <paramref name="type"/>, one of these rows.
    /// A wrong JS type or an unparsable string is a TypeError, a number out of range a RangeError.
    /// </summary>
    public static object ToClr(object value, Type type, string what, double? number)
    {
        if (type == typeof(Half))
            return (Half)(number ?? throw Mismatch(value, what, "a number"));
        if (type == typeof(TimeSpan))
            return ToTimeSpan(number ?? throw Mismatch(value, what, "a number of milliseconds"), what);
        if (value is not string text)
            throw Mismatch(value, what, Describe(type));

        if (type == typeof(Guid))
            return Guid.TryParseExact(text, "D", out var guid) ? guid : throw Mismatch(value, what, Describe(type));
        if (type == typeof(DateOnly))
            return DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : throw Mismatch(value, what, Describe(type));
        if (type == typeof(TimeOnly))
            return TimeOnly.TryParseExact(text, s_timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : throw Mismatch(value, what, Describe(type));
        return Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var uri) ? uri : throw Mismatch(value, what, Describe(type));
    }

    /// <summary>How these rows read from the JavaScript side, for error messages.</summary>
    public static string Describe(Type type) =>
        type == typeof(Guid) ? "a Guid string (\"D\" format: 00000000-0000-0000-0000-000000000000)"
        : type == typeof(TimeSpan) ? "a number of milliseconds"
        : type == typeof(DateOnly) ? "a date string (yyyy-MM-dd)"
        : type == typeof(TimeOnly) ? "a time string (HH:mm:ss[.fffffff])"
        : type == typeof(Uri) ? "a URI string"
        : "a number";

    // Milliseconds to whole ticks: integral microseconds (and ticks) stay exact.
    private static TimeSpan ToTimeSpan(double milliseconds, string what)
    {
        var ticks = Math.Round(milliseconds * TimeSpan.TicksPerMillisecond);
        if (!double.IsFinite(ticks) || ticks < TimeSpan.MinValue.Ticks || ticks >= TimeSpan.MaxValue.Ticks)
            throw new ConversionException(JsErrorKind.RangeError, $"{what}: {milliseconds.ToString("R", CultureInfo.InvariantCulture)} milliseconds is out of range for TimeSpan.");
        return new TimeSpan((long)ticks);
    }

    private static ConversionException Mismatch(object value, string what, string expected) =>
        new(JsErrorKind.TypeError, $"{what} expects {expected}; got {Marshaller.DescribeValue(value)}.");
}
