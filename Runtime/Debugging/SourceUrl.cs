using System.Text;
using System.Text.RegularExpressions;

namespace V8Host.Debugging;

/// <summary>
/// Gives a script the name the host compiled it with, in the debugger. V8Host registers user code
/// under resource names of its own (<c>v8host:&lt;name&gt;#&lt;n&gt;</c>, see
/// <see cref="Engine.EngineCore.TransientDocument"/>), which tie an error's frames to their source;
/// a debugger would show those and match breakpoints against them. A <c>//# sourceURL=</c> comment
/// changes what the inspector reports (the url of <c>Debugger.scriptParsed</c>, which breakpoints
/// by url and url regex match) without changing the resource name that errors read.
/// </summary>
internal static partial class SourceUrl
{
    /// <summary>
    /// <paramref name="source"/> with a trailing <c>//# sourceURL=</c> naming it
    /// <paramref name="name"/>, unless it names itself already. Appended after the last line, so
    /// line and column numbers are unchanged.
    /// </summary>
    public static string Append(string source, string name) =>
        OwnSourceUrl().IsMatch(source) ? source : source + "\n//# sourceURL=" + Encode(name);

    /// <summary>
    /// V8 ends a magic comment's value at whitespace and drops a value with a quote in it; a line
    /// break in a name would even end the comment and make the rest code. Those characters, and
    /// '%' so that the encoding can be undone, are percent-encoded (UTF-8).
    /// </summary>
    internal static string Encode(string name)
    {
        StringBuilder? encoded = null;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c > ' ' && c != '"' && c != '\'' && c != '%' && !char.IsWhiteSpace(c) && !char.IsControl(c))
            {
                encoded?.Append(c);
                continue;
            }

            encoded ??= new StringBuilder(name, 0, i, name.Length + 16);
            foreach (var b in Encoding.UTF8.GetBytes(name.Substring(i, 1)))
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return encoded?.ToString() ?? name;
    }

    [GeneratedRegex(@"//[#@][ \t]*sourceURL=")]
    private static partial Regex OwnSourceUrl();
}
