using System.Globalization;

namespace V8Host.Hosting.Web;

/// <summary>
/// The Bidi Rule of RFC 5893 §2, which UTS #46 applies (CheckBidi) to every label of a domain
/// that has a right-to-left character. IdnMapping does not check it on Linux (ICU is called
/// without UIDNA_CHECK_BIDI), so it is checked here.
/// </summary>
/// <remarks>
/// .NET exposes no Bidi_Class, so <see cref="ClassOf"/> derives it from the general category and
/// the blocks of the right-to-left scripts. It is exact for the code points UTS #46 lets into a
/// label in those scripts (letters, marks and digits) and for ASCII; docs/web-apis/url.md lists
/// where it may differ.
/// </remarks>
internal static class UrlBidi
{
    private enum BidiClass { L, R, AL, EN, AN, ES, CS, ET, ON, BN, NSM }

    /// <summary>Whether the labels (mapped, in Unicode form) pass the Bidi Rule.</summary>
    public static bool Check(IReadOnlyList<string> labels)
    {
        if (!labels.Any(HasRightToLeft))
            return true;
        foreach (var label in labels)
        {
            if (label.Length > 0 && !CheckLabel(label))
                return false;
        }
        return true;
    }

    private static bool HasRightToLeft(string label)
    {
        foreach (var rune in label.EnumerateRunes())
        {
            if (ClassOf(rune.Value) is BidiClass.R or BidiClass.AL or BidiClass.AN)
                return true;
        }
        return false;
    }

    private static bool CheckLabel(string label)
    {
        var classes = label.EnumerateRunes().Select(rune => ClassOf(rune.Value)).ToList();
        var first = classes[0];
        if (first is not (BidiClass.L or BidiClass.R or BidiClass.AL))
            return false; // rule 1
        var last = classes.FindLastIndex(c => c != BidiClass.NSM);
        if (last < 0)
            return false;
        if (first == BidiClass.L)
        {
            // Rules 5 and 6.
            return classes.All(c => c is BidiClass.L or BidiClass.EN or BidiClass.ES or BidiClass.CS or BidiClass.ET or BidiClass.ON or BidiClass.BN or BidiClass.NSM)
                && classes[last] is BidiClass.L or BidiClass.EN;
        }
        // Rules 2, 3 and 4.
        return classes.All(c => c is not BidiClass.L)
            && classes[last] is BidiClass.R or BidiClass.AL or BidiClass.EN or BidiClass.AN
            && !(classes.Contains(BidiClass.EN) && classes.Contains(BidiClass.AN));
    }

    private static BidiClass ClassOf(int cp)
    {
        if (cp < 0x80)
        {
            return cp switch
            {
                >= '0' and <= '9' => BidiClass.EN,
                '+' or '-' => BidiClass.ES,
                ',' or '.' or '/' or ':' => BidiClass.CS,
                '#' or '$' or '%' => BidiClass.ET,
                >= 'a' and <= 'z' or >= 'A' and <= 'Z' => BidiClass.L,
                < 0x20 or 0x7F => BidiClass.BN,
                _ => BidiClass.ON,
            };
        }
        if (cp is (>= 0x0600 and <= 0x0605) or (>= 0x0660 and <= 0x0669) or 0x066B or 0x066C or 0x06DD or 0x0890 or 0x0891 or 0x08E2
            or (>= 0x10D30 and <= 0x10D39) or (>= 0x10E60 and <= 0x10E7E))
            return BidiClass.AN;
        if (cp is (>= 0x06F0 and <= 0x06F9) or 0x00B2 or 0x00B3 or 0x00B9 or (>= 0x2070 and <= 0x2079) or (>= 0x2080 and <= 0x2089)
            or (>= 0x1D7CE and <= 0x1D7FF) or (>= 0x1F100 and <= 0x1F10A))
            return BidiClass.EN;
        if (cp is 0x207A or 0x207B or 0x208A or 0x208B or 0xFB29 or 0xFE62 or 0xFE63)
            return BidiClass.ES;
        if (cp is 0x00A0 or 0x060C or 0x202F or 0x2044 or 0xFE50 or 0xFE52 or 0xFE55)
            return BidiClass.CS;
        if (cp is (>= 0x00A2 and <= 0x00A5) or 0x00B0 or 0x00B1 or 0x0609 or 0x060A or 0x066A or 0x09F2 or 0x09F3 or 0x09FB
            or 0x0AF1 or 0x0BF9 or 0x0E3F or 0x17DB or (>= 0x2030 and <= 0x2034) or (>= 0x20A0 and <= 0x20CF) or 0x212E or 0x2213
            or 0xFE5F or 0xFE69 or 0xFE6A)
            return BidiClass.ET;
        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            return BidiClass.NSM;
        if (category is UnicodeCategory.Format)
            return BidiClass.BN;
        if (cp is (>= 0x0600 and <= 0x07BF) or (>= 0x0860 and <= 0x08FF) or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF)
            or (>= 0x10D00 and <= 0x10D3F) or (>= 0x10EC0 and <= 0x10EFF) or (>= 0x10F30 and <= 0x10F6F) or (>= 0x1EC70 and <= 0x1ECBF)
            or (>= 0x1ED00 and <= 0x1ED4F) or (>= 0x1EE00 and <= 0x1EEFF))
            return BidiClass.AL;
        if (cp is (>= 0x0590 and <= 0x05FF) or (>= 0x07C0 and <= 0x085F) or (>= 0xFB1D and <= 0xFB4F) or (>= 0x10800 and <= 0x10CFF)
            or (>= 0x10D40 and <= 0x10EBF) or (>= 0x10F00 and <= 0x10F2F) or (>= 0x10F70 and <= 0x10FFF) or (>= 0x1E800 and <= 0x1EC6F)
            or (>= 0x1ECC0 and <= 0x1ECFF) or (>= 0x1ED50 and <= 0x1EDFF) or (>= 0x1EF00 and <= 0x1EFFF))
            return BidiClass.R;
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
                or UnicodeCategory.PrivateUse => BidiClass.L,
            _ => BidiClass.ON,
        };
    }
}
