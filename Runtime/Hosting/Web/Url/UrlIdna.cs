using System.Globalization;
using System.Text;

namespace V8Host.Hosting.Web;

/// <summary>
/// UTS #46 ToASCII with the URL Standard's flags (CheckHyphens=false, CheckBidi=true,
/// CheckJoiners=true, UseSTD3ASCIIRules=false, Transitional_Processing=false,
/// VerifyDnsLength=false), over <see cref="IdnMapping"/> and <see cref="UrlBidi"/>.
/// </summary>
/// <remarks>
/// IdnMapping maps, normalizes, checks joiners and encodes as UTS #46 says, but it always checks
/// hyphens and DNS lengths, which the URL Standard turns off. A domain it refuses is tried again
/// label by label: empty labels are kept, and a refused label is split at its hyphens and before
/// its ASCII letters and digits, each piece mapped on its own, and the joined result checked and
/// Punycode-encoded here. IdnMapping on ICU does not apply the Bidi Rule; <see cref="UrlBidi"/>
/// does.
/// </remarks>
internal static class UrlIdna
{
    private static readonly IdnMapping s_mapping = new() { UseStd3AsciiRules = false, AllowUnassigned = false };

    /// <summary>The ASCII form of <paramref name="domain"/>, or null when UTS #46 processing fails.</summary>
    public static string? ToAscii(string domain)
    {
        domain = LowerAscii(domain);
        string[] ascii, unicode;
        if (TryGetAscii(domain) is { } whole)
        {
            ascii = whole.Split('.');
            unicode = new string[ascii.Length];
            for (var i = 0; i < ascii.Length; i++)
            {
                if (!ascii[i].StartsWith("xn--", StringComparison.Ordinal))
                    unicode[i] = ascii[i];
                else if (Punycode.Decode(ascii[i]) is { } decoded)
                    unicode[i] = decoded;
                else
                    return null;
            }
        }
        else
        {
            ascii = domain.Split(['.', '\u3002', '\uFF0E', '\uFF61']);
            unicode = new string[ascii.Length];
            for (var i = 0; i < ascii.Length; i++)
            {
                if (Label(ascii[i], out unicode[i]) is not { } label)
                    return null;
                ascii[i] = label;
            }
        }
        return UrlBidi.Check(unicode) ? string.Join('.', ascii) : null;
    }

    // One label IdnMapping refused as part of the domain: its ASCII form and its mapped Unicode
    // form (for the Bidi Rule), or null.
    private static string? Label(string label, out string unicode)
    {
        unicode = label;
        if (label.Length == 0)
            return label;
        if (TryGetAscii(label) is { } ascii)
        {
            if (ascii.StartsWith("xn--", StringComparison.Ordinal))
                unicode = Punycode.Decode(ascii) ?? label;
            return ascii;
        }
        // A Punycode label that IdnMapping refuses is invalid.
        if (label.StartsWith("xn--", StringComparison.Ordinal))
            return null;
        // The label may be refused only for its hyphens, its length, or a piece that maps to
        // nothing (U+00AD). It is mapped again in pieces, split at each hyphen and before each
        // ASCII letter or digit: UTS #46 maps code points one by one, NFC never composes an ASCII
        // character with the one before it, and an ASCII character ends any joiner context, so
        // the pieces map to what the whole label would.
        var mapped = new StringBuilder(label.Length);
        var start = 0;
        for (var i = 0; i <= label.Length; i++)
        {
            var end = i == label.Length || label[i] == '-' || (i > start && char.IsAsciiLetterOrDigit(label[i]));
            if (!end)
                continue;
            if (i > start)
            {
                if (Piece(label[start..i]) is not { } piece)
                    return null;
                mapped.Append(piece);
            }
            if (i < label.Length && label[i] == '-')
            {
                mapped.Append('-');
                start = i + 1;
            }
            else
            {
                start = i;
            }
        }
        unicode = mapped.ToString();
        // What the pieces could not check on their own: a label must not start with a combining
        // mark, and a label that maps to "xn--…" must be valid Punycode.
        if (unicode.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(unicode, 0) is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            return null;
        if (unicode.StartsWith("xn--", StringComparison.Ordinal))
            return TryGetAscii(unicode);
        return Punycode.ToAscii(unicode);
    }

    // One piece of a label in its mapped Unicode form, or null. It is mapped after a 'q', which
    // composes with no combining mark, so that IdnMapping neither refuses a piece that starts with
    // a mark (allowed after a hyphen) or maps to nothing, nor changes what the piece maps to.
    private static string? Piece(string piece)
    {
        if (piece.All(char.IsAscii))
            return piece;
        if (TryGetAscii("q" + piece) is not { } ascii)
            return null;
        var decoded = ascii.StartsWith("xn--", StringComparison.Ordinal) ? Punycode.Decode(ascii) : ascii;
        return decoded is { Length: > 0 } && decoded[0] == 'q' ? decoded[1..] : null;
    }

    private static string? TryGetAscii(string value)
    {
        try
        {
            return s_mapping.GetAscii(value);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    // UTS #46 maps A-Z to a-z; IdnMapping leaves all-ASCII labels as they are.
    private static string LowerAscii(string value)
    {
        var i = 0;
        while (i < value.Length && !char.IsAsciiLetterUpper(value[i]))
            i++;
        if (i == value.Length)
            return value;
        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var j = 0; j < source.Length; j++)
                span[j] = char.IsAsciiLetterUpper(source[j]) ? (char)(source[j] | 0x20) : source[j];
        });
    }
}
