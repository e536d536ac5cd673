using System.Globalization;
using System.Text;

namespace V8Host.Hosting.Web;

/// <summary>
/// UTS #46 ToASCII with the URL Standard's flags (CheckHyphens=false, CheckBidi=true,
/// CheckJoiners=true, UseSTD3ASCIIRules=false, Transitional_Processing=false,
/// VerifyDnsLength=false), over <see cref="IdnMapping"/>.
/// </summary>
/// <remarks>
/// IdnMapping maps, normalizes, checks joiners and encodes as UTS #46 says, but it always checks
/// hyphens and DNS lengths, which the URL Standard turns off. A domain it refuses is tried again
/// label by label: empty labels are kept, and a label is split at its hyphens, each piece mapped on
/// its own and the joined result Punycode-encoded here.
/// </remarks>
internal static class UrlIdna
{
    private static readonly IdnMapping s_mapping = new() { UseStd3AsciiRules = false, AllowUnassigned = false };

    /// <summary>The ASCII form of <paramref name="domain"/>, or null when UTS #46 processing fails.</summary>
    public static string? ToAscii(string domain)
    {
        domain = LowerAscii(domain);
        if (TryGetAscii(domain) is { } whole)
            return whole;
        var labels = domain.Split(['.', '\u3002', '\uFF0E', '\uFF61']);
        var result = new StringBuilder(domain.Length + 16);
        for (var i = 0; i < labels.Length; i++)
        {
            if (i > 0)
                result.Append('.');
            if (Label(labels[i]) is not { } label)
                return null;
            result.Append(label);
        }
        return result.ToString();
    }

    private static string? Label(string label)
    {
        if (label.Length == 0)
            return label;
        if (TryGetAscii(label) is { } ascii)
            return ascii;
        // A Punycode label that IdnMapping refuses is invalid; hyphens are only worked around in
        // labels that still need encoding.
        if (!label.Contains('-') || label.StartsWith("xn--", StringComparison.Ordinal))
            return null;
        var mapped = new StringBuilder(label.Length);
        var pieces = label.Split('-');
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
                mapped.Append('-');
            if (pieces[i].Length == 0)
                continue;
            if (TryGetAscii(pieces[i]) is not { } piece)
                return null;
            mapped.Append(piece.StartsWith("xn--", StringComparison.Ordinal) ? s_mapping.GetUnicode(piece) : piece);
        }
        return Punycode.ToAscii(mapped.ToString());
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
