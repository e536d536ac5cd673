using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using V8Host.Generators.Tests.Infrastructure;

namespace V8Host.Generators.Tests.Binding;

/// <summary>
/// docs/types.md is checked row by row (deno_core's valid_args.md idea): every .NET type a row lists
/// becomes a <c>T echo(T value)</c> host function, once generated and once registered at run time. Both
/// must declare the row's TypeScript, and the row's example must come back from both unchanged.
/// </summary>
public sealed class TypeTableTests
{
    private const string Declarations = """
        using System.Numerics;

        namespace Rows;

        public enum Color { Red, Green, Blue }

        [HostEnumAsString]
        public enum Level { Low, High }

        public sealed record Line(string Sku, int Quantity);

        [HostClass]
        public partial class Counter { public int Value { get; set; } }
        """;

    private static readonly Lazy<Table> s_table = new(Table.Build);

    public static TheoryData<string> Types()
    {
        var data = new TheoryData<string>();
        foreach (var row in Row.Parse())
        {
            foreach (var type in row.Types)
                data.Add(type);
        }

        return data;
    }

    [Fact]
    public void The_table_is_found_and_lists_every_row_of_the_type_rules()
    {
        var rows = Row.Parse();
        Assert.True(rows.Count >= 30, $"only {rows.Count} rows parsed from docs/types.md");
        var rowsByRule = s_table.Value.Cases.Values.Select(c => c.GeneratedTypeScript).ToList();
        Assert.Equal(rows.Sum(r => r.Types.Count), s_table.Value.Cases.Count);
        Assert.DoesNotContain(rowsByRule, string.IsNullOrEmpty);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void Both_paths_declare_the_rows_typescript(string type)
    {
        var (row, item) = s_table.Value.Find(type);
        Assert.Equal(row.TypeScript, item.GeneratedTypeScript);
        Assert.Equal(row.TypeScript, item.ReflectedTypeScript);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void The_example_round_trips_through_both_paths(string type)
    {
        var (row, item) = s_table.Value.Find(type);
        if (row.Example is null)
            return; // supplied by the runtime, or a result only: nothing to send
        var table = s_table.Value;
        var original = table.Generated.Eval<string>($"show({row.Example})");
        Assert.Equal(original, table.Generated.Eval<string>($"show({item.Function}({row.Example}))"));
        Assert.Equal(original, table.Reflected.Eval<string>($"show({item.Function}({row.Example}))"));
    }

    /// <summary>One row of the table: its .NET types, the TypeScript a parameter declares, and an example JS value.</summary>
    private sealed record Row(IReadOnlyList<string> Types, string? TypeScript, string? Example)
    {
        private static readonly Regex s_code = new("`([^`]+)`", RegexOptions.CultureInvariant);

        public static IReadOnlyList<Row> Parse()
        {
            var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "types.md"));
            var start = Array.FindIndex(lines, l => l.StartsWith("| .NET type |", StringComparison.Ordinal));
            Assert.True(start >= 0, "docs/types.md has no table starting with '| .NET type |'");
            var rows = new List<Row>();
            foreach (var line in lines.Skip(start + 2).TakeWhile(l => l.StartsWith('|')))
            {
                var cells = SplitCells(line);
                var types = s_code.Matches(cells[0]).Select(m => m.Groups[1].Value).ToList();
                rows.Add(new Row(types, Code(cells[3]) ?? cells[3], Code(cells[4])));
            }

            return rows;
        }

        private static string? Code(string cell) => s_code.Match(cell) is { Success: true } match ? match.Groups[1].Value.Replace("\\|", "|") : null;

        // Cells are separated by '|' outside backticks and not escaped as '\|'.
        private static List<string> SplitCells(string line)
        {
            var cells = new List<string>();
            var cell = new StringBuilder();
            var inCode = false;
            for (var i = 1; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '`')
                    inCode = !inCode;
                if (c == '|' && !inCode && line[i - 1] != '\\')
                {
                    cells.Add(cell.ToString().Trim());
                    cell.Clear();
                    continue;
                }

                cell.Append(c);
            }

            return cells;
        }
    }

    private sealed record Case(string Function, string GeneratedTypeScript, string ReflectedTypeScript);

    /// <summary>Every listed type compiled into one assembly, and a context per path.</summary>
    private sealed class Table
    {
        private Table(Dictionary<string, Case> cases, Dictionary<string, Row> rows, Context generated, Context reflected)
        {
            Cases = cases;
            Rows = rows;
            Generated = generated;
            Reflected = reflected;
        }

        public Dictionary<string, Case> Cases { get; }

        public Dictionary<string, Row> Rows { get; }

        public Context Generated { get; }

        public Context Reflected { get; }

        public (Row Row, Case Case) Find(string type) => (Rows[type], Cases[type]);

        public static Table Build()
        {
            var rows = new Dictionary<string, Row>();
            var source = new StringBuilder(Declarations);
            var index = 0;
            var functions = new Dictionary<string, string>();
            foreach (var row in Row.Parse())
            {
                foreach (var type in row.Types)
                {
                    var name = "echo" + index;
                    rows[type] = row;
                    functions[type] = name;
                    source.Append($$"""

                        public static partial class Row{{index}}
                        {
                            {{Member(type, name)}}
                        }
                        """);
                    index++;
                }
            }

            source.Append("\n[HostProfile(typeof(Counter), " + string.Join(", ", Enumerable.Range(0, index).Select(i => $"typeof(Row{i})")) + ")] public partial class TableProfile { }\n");
            var run = GeneratorHarness.Run(source.ToString());
            Assert.True(run.GeneratorDiagnostics.IsEmpty, "generator diagnostics: " + string.Join("\n", run.GeneratorDiagnostics));
            var assembly = GeneratorHarness.Load(run);
            var generatedTypeScript = run.Source("V8Host.TypeScript");

            var cases = new Dictionary<string, Case>();
            var reflectedBuilder = new Isolate().CreateContextBuilder();
            typeof(ContextBuilder).GetMethod(nameof(ContextBuilder.AddHostClass))!.MakeGenericMethod(assembly.TypeNamed("Rows.Counter")).Invoke(reflectedBuilder, null);
            foreach (var (type, name) in functions)
            {
                var method = assembly.TypeNamed("Rows.Row" + name[4..]).GetMethod("Echo", BindingFlags.Public | BindingFlags.Static)!;
                var function = method.CreateDelegate(System.Linq.Expressions.Expression.GetDelegateType(method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).ToArray()));
                reflectedBuilder.AddHostFunction(name, function);
                var reflected = new HostProfile().AddFunction(name, function).TypeScriptDeclarations;
                cases[type] = new Case(name, ParameterType(generatedTypeScript, name), ParameterType(reflected, name));
            }

            var generated = assembly.CreateContext("Rows.TableProfile");
            generated.Eval(JsShow.Function);
            var reflectedContext = reflectedBuilder.Build();
            reflectedContext.Eval(JsShow.Function);
            return new Table(cases, rows, generated, reflectedContext);
        }

        /// <summary>The echo for one type: a round trip, a result only (tasks), or a supplied parameter.</summary>
        private static string Member(string type, string name)
        {
            var clr = type.Contains(" (", StringComparison.Ordinal) ? type[..type.IndexOf(" (", StringComparison.Ordinal)] : type;
            if (clr.StartsWith("Task", StringComparison.Ordinal) || clr.StartsWith("ValueTask", StringComparison.Ordinal))
                return $"[HostFunction(\"{name}\")] public static {clr} Echo(int value) => default!;";
            if (clr is "Context" or "CancellationToken")
                return $"[HostFunction(\"{name}\")] public static int Echo({clr} supplied) => 1;";
            return $"[HostFunction(\"{name}\")] public static {clr} Echo({clr} value) => value;";
        }

        /// <summary>What a declaration says the function takes ("—" when it takes no JS argument) or, for results only, returns.</summary>
        private static string ParameterType(string typeScript, string name)
        {
            var match = Regex.Match(typeScript, "declare function " + name + @"\((?<parameters>[^\n]*)\): (?<result>[^\n]*);");
            Assert.True(match.Success, $"no declaration of {name} in:\n{typeScript}");
            var parameters = match.Groups["parameters"].Value;
            if (parameters.Length == 0)
                return "—";
            return parameters == "value: number" && match.Groups["result"].Value.StartsWith("Promise", StringComparison.Ordinal)
                ? match.Groups["result"].Value
                : parameters["value: ".Length..];
        }
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
