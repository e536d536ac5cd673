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

        public static bool IsIdentifier(string name)
        {
            if (name.Length == 0 || s_reserved.Contains(name) || !IsStart(name[0]))
                return false;
            return name.Skip(1).All(IsPart);
        }

        public static bool IsPath(string path) => path.Split('.').All(IsIdentifier);

        /// <summary>A C# identifier fragment derived from a JS name, for generated member names.</summary>
        public static string Mangle(string name) => new(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

        private static bool IsStart(char c) => c == '$' || c == '_' || char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber;

        private static bool IsPart(char c) => IsStart(c) || char.IsDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
    }
}
