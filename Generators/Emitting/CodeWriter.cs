using System.Text;

namespace V8Host.Generators.Emitting
{
    /// <summary>Indented text output for emitters.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _text = new();
        private int _indent;

        public CodeWriter Line(string line = "")
        {
            if (line.Length > 0)
                _text.Append(' ', _indent * 4);
            _text.Append(line).Append('\n');
            return this;
        }

        /// <summary>A line without indentation (continuation lines of verbatim strings).</summary>
        public CodeWriter Raw(string line)
        {
            _text.Append(line).Append('\n');
            return this;
        }

        public CodeWriter Open(string line)
        {
            Line(line);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        public override string ToString() => _text.ToString();

        /// <summary>A C# string literal.</summary>
        public static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
    }
}
