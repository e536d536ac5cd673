using System.Text;

namespace V8Host.Hosting.Web;

/// <summary>RFC 3492 Punycode for one label, already mapped and validated by IdnMapping.</summary>
internal static class Punycode
{
    private const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    /// <summary>The label itself when it is ASCII, else "xn--" and its Punycode.</summary>
    public static string ToAscii(string label)
    {
        var codePoints = new List<int>(label.Length);
        for (var i = 0; i < label.Length; i++)
        {
            var cp = char.ConvertToUtf32(label, i);
            if (cp > 0xFFFF)
                i++;
            codePoints.Add(cp);
        }
        var output = new StringBuilder("xn--", label.Length * 2 + 4);
        var basic = 0;
        foreach (var cp in codePoints)
        {
            if (cp < 0x80)
            {
                output.Append((char)cp);
                basic++;
            }
        }
        if (basic == codePoints.Count)
            return label;
        var handled = basic;
        if (basic > 0)
            output.Append('-');

        // RFC 3492 handles the code points in rounds, one value per round, and scans the whole label
        // in each (quadratic in a long label of many distinct characters, and .NET code no timeout
        // can stop). Here the non-basic positions are sorted by code point, then position, and a
        // Fenwick tree over positions counts the code points already handled (the smaller ones)
        // between two occurrences: the same deltas in O(n log n).
        var order = new int[codePoints.Count - basic];
        var smaller = new int[codePoints.Count + 1];
        for (int position = 0, next = 0; position < codePoints.Count; position++)
        {
            if (codePoints[position] < 0x80)
                Add(smaller, position);
            else
                order[next++] = position;
        }
        Array.Sort(order, (a, b) => codePoints[a] != codePoints[b] ? codePoints[a].CompareTo(codePoints[b]) : a.CompareTo(b));
        int n = InitialN, bias = InitialBias;
        long delta = 0;
        for (var start = 0; start < order.Length;)
        {
            var m = codePoints[order[start]];
            var end = start;
            while (end < order.Length && codePoints[order[end]] == m)
                end++;
            delta += (long)(m - n) * (handled + 1);
            n = m;
            var previous = -1;
            for (var j = start; j < end; j++)
            {
                delta += CountBefore(smaller, order[j]) - CountBefore(smaller, previous + 1);
                previous = order[j];
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t)
                        break;
                    output.Append(Digit((int)(t + (q - t) % (Base - t))));
                    q = (q - t) / (Base - t);
                }
                output.Append(Digit((int)q));
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }
            delta += CountBefore(smaller, codePoints.Count) - CountBefore(smaller, previous + 1);
            for (var j = start; j < end; j++)
                Add(smaller, order[j]);
            delta++;
            n++;
            start = end;
        }
        return output.ToString();
    }

    // Fenwick tree over label positions (1-based inside): marks a position handled.
    private static void Add(int[] tree, int position)
    {
        for (var i = position + 1; i < tree.Length; i += i & -i)
            tree[i]++;
    }

    // How many handled positions lie before `position`.
    private static int CountBefore(int[] tree, int position)
    {
        var count = 0;
        for (var i = position; i > 0; i -= i & -i)
            count += tree[i];
        return count;
    }

    /// <summary>
    /// The Unicode form of an ACE label ("xn--" and Punycode) that IdnMapping has already accepted,
    /// or null when it does not decode. Unlike IdnMapping.GetUnicode it validates nothing.
    /// </summary>
    public static string? Decode(string label)
    {
        var input = label.AsSpan(4);
        var delimiter = input.LastIndexOf('-');
        var output = new List<int>(input.Length);
        for (var j = 0; j < Math.Max(delimiter, 0); j++)
            output.Add(input[j]);
        int n = InitialN, bias = InitialBias;
        long i = 0;
        for (var pos = delimiter > 0 ? delimiter + 1 : 0; pos < input.Length;)
        {
            var oldi = i;
            long w = 1;
            for (var k = Base; ; k += Base)
            {
                if (pos >= input.Length)
                    return null;
                var digit = DigitValue(input[pos++]);
                if (digit < 0)
                    return null;
                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t)
                    break;
                w *= Base - t;
                if (i > int.MaxValue || w > int.MaxValue)
                    return null;
            }
            bias = Adapt(i - oldi, output.Count + 1, oldi == 0);
            n += (int)(i / (output.Count + 1));
            i %= output.Count + 1;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF)
                return null;
            output.Insert((int)i, n);
            i++;
        }
        var text = new StringBuilder(output.Count);
        foreach (var cp in output)
            text.Append(char.ConvertFromUtf32(cp));
        return text.ToString();
    }

    private static int DigitValue(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + d - 26);

    private static int Adapt(long delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }
        return (int)(k + (Base - TMin + 1) * delta / (delta + Skew));
    }
}
