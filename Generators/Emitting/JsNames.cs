using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace V8Host.Generators.Emitting
{
    /// <summary>JavaScript identifier rules (the runtime enforces the same for run-time registration).</summary>
    internal static class JsNames
    {
        private static readonly HashSet<string> s_reserved = new()
        {
            "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
            "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
            "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
            "implements", "interface", "package", "private", "protected", "public", "await",
        };

        /// <summary>A binding identifier: a name scripts can use bare (globals, classes).</summary>
        public static bool IsIdentifier(string name) => IsPropertyName(name) && !s_reserved.Contains(name);

        /// <summary>A name usable after a dot (<c>obj.delete()</c>): identifier syntax, reserved words allowed.</summary>
        public static bool IsPropertyName(string name) => name.Length > 0 && IsStart(name[0]) && name.Skip(1).All(IsPart);

        /// <summary>A dotted global name: the first part a binding identifier, the rest property names.</summary>
        public static bool IsPath(string path)
        {
            var parts = path.Split('.');
            return IsIdentifier(parts[0]) && parts.Skip(1).All(IsPropertyName);
        }

        /// <summary>A C# identifier fragment derived from a JS name, for generated member names.</summary>
        public static string Mangle(string name) => new(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

        private static bool IsStart(char c) => c == '$' || c == '_' || char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber;

        private static bool IsPart(char c) => IsStart(c) || char.IsDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
    }
}
