using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace V8Host.Analyzers.Tests.Harness;

/// <summary>An expected diagnostic parsed from markup: its rule and the exact span of the offending use.</summary>
public sealed record ExpectedSpan(string? Id, TextSpan Span, string Text);

/// <summary>
/// Test sources with markup: <c>[|code|]</c> marks a span where the rule under test must report,
/// <c>{|V8H1004:code|}</c> marks a span for a specific rule. The markup is removed before compiling.
/// </summary>
public sealed class TestSource
{
    public const string DefaultUsings = "using System;\nusing System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing V8Host;\n";

    private static readonly Regex s_open = new(@"\[\||\{\|(?<id>[A-Z0-9]+):", RegexOptions.Compiled);

    private TestSource(string code, IReadOnlyList<ExpectedSpan> expected)
    {
        Code = code;
        Expected = expected;
    }

    public string Code { get; }

    public IReadOnlyList<ExpectedSpan> Expected { get; }

    public static TestSource Parse(string markup, bool addUsings = true)
    {
        var input = addUsings ? DefaultUsings + markup : markup;
        var output = new StringBuilder();
        var expected = new List<ExpectedSpan>();
        var stack = new Stack<(string? Id, int Start, char Close)>();
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == '[' && i + 1 < input.Length && input[i + 1] == '|')
            {
                stack.Push((null, output.Length, ']'));
                i++;
                continue;
            }

            if (input[i] == '{' && i + 1 < input.Length && input[i + 1] == '|')
            {
                var match = s_open.Match(input, i);
                if (match.Success && match.Index == i)
                {
                    stack.Push((match.Groups["id"].Value, output.Length, '}'));
                    i += match.Length - 1;
                    continue;
                }
            }

            if (input[i] == '|' && i + 1 < input.Length && (input[i + 1] == ']' || input[i + 1] == '}') && stack.Count > 0 && stack.Peek().Close == input[i + 1])
            {
                var (id, start, _) = stack.Pop();
                var span = TextSpan.FromBounds(start, output.Length);
                expected.Add(new ExpectedSpan(id, span, output.ToString(start, span.Length)));
                i++;
                continue;
            }

            output.Append(input[i]);
        }

        if (stack.Count != 0)
            throw new ArgumentException("Unbalanced markup in test source.");
        return new TestSource(output.ToString(), expected);
    }
}
