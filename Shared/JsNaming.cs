// Compiled into the runtime (net8.0) and the generator and analyzers (netstandard2.0): one definition
// of JS names, so run-time registration and generated bindings agree.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace V8Host.Shared
{
    /// <summary>JavaScript naming rules: identifiers, reserved words and the camelCase policy.</summary>
    internal static class JsNaming
    {
        private static readonly HashSet<string> s_reserved = new(StringComparer.Ordinal)
        {
            "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
            "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
            "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static",
            "implements", "interface", "package", "private", "protected", "public", "await",
        };

        /// <summary>A binding identifier: a name scripts can use bare (globals, classes, module exports).</summary>
        public static bool IsIdentifier(string name) => IsPropertyName(name) && !s_reserved.Contains(name);

        /// <summary>A name usable after a dot (<c>obj.delete()</c>): identifier syntax, reserved words allowed.</summary>
        public static bool IsPropertyName(string name) => name.Length > 0 && IsStart(name[0]) && name.Skip(1).All(IsPart);

        /// <summary>A dotted global name: the first part a binding identifier, the rest property names.</summary>
        public static bool IsPath(string path)
        {
            var parts = path.Split('.');
            return IsIdentifier(parts[0]) && parts.Skip(1).All(IsPropertyName);
        }

        /// <summary>The default naming policy: <c>DistanceTo</c> → <c>distanceTo</c>, <c>URL</c> → <c>url</c>, <c>URLPath</c> → <c>urlPath</c>.</summary>
        public static string CamelCase(string name)
        {
            if (name.Length == 0 || char.IsLower(name[0]))
                return name;
            var upper = 0;
            while (upper < name.Length && char.IsUpper(name[upper]))
                upper++;
            var lowered = upper == name.Length ? name.Length : Math.Max(1, upper - 1);
            return name.Substring(0, lowered).ToLowerInvariant() + name.Substring(lowered);
        }

        private static bool IsStart(char c) => c == '$' || c == '_' || char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber;

        private static bool IsPart(char c) => IsStart(c) || char.IsDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation;
    }
}
