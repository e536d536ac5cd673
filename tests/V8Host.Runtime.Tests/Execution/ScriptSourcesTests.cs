namespace V8Host.Tests.Execution;

/// <summary>The bounded source registry behind <see cref="JavaScriptException.SourceLine"/>.</summary>
public class ScriptSourcesTests
{
    [Fact]
    public void Lines_are_found_by_number_and_missing_ones_are_null()
    {
        var sources = new ScriptSources();
        sources.Remember("a", "one\r\ntwo\n\nfour");

        Assert.Equal("one", sources.LineOf("a", 1));
        Assert.Equal("two", sources.LineOf("a", 2));
        Assert.Equal(string.Empty, sources.LineOf("a", 3));
        Assert.Equal("four", sources.LineOf("a", 4));
        Assert.Null(sources.LineOf("a", 5));
        Assert.Null(sources.LineOf("a", 0));
        Assert.Null(sources.LineOf("a", null));
        Assert.Null(sources.LineOf("b", 1));
        Assert.Null(sources.LineOf(null, 1));
    }

    [Fact]
    public void A_module_name_remembered_with_other_text_becomes_ambiguous_for_good()
    {
        var sources = new ScriptSources();
        sources.RememberModule("m", "first");
        sources.RememberModule("m", new string("first".ToCharArray()));
        Assert.Equal("first", sources.LineOf("m", 1));

        sources.RememberModule("m", "second");
        Assert.Null(sources.LineOf("m", 1));
        sources.RememberModule("m", "first");
        Assert.Null(sources.LineOf("m", 1));
    }

    [Fact]
    public void Module_sources_are_not_forgotten_with_classic_ones()
    {
        var sources = new ScriptSources();
        sources.RememberModule("m", "module line");
        for (var i = 0; i <= ScriptSources.MaxEntries; i++)
            sources.Remember($"s{i}", "x");

        Assert.Equal("module line", sources.LineOf("m", 1));
    }

    [Fact]
    public void The_oldest_sources_are_forgotten_past_the_count_bound()
    {
        var sources = new ScriptSources();
        for (var i = 0; i <= ScriptSources.MaxEntries; i++)
            sources.Remember($"s{i}", $"line {i}");

        Assert.Null(sources.LineOf("s0", 1));
        Assert.Equal("line 1", sources.LineOf("s1", 1));
        Assert.Equal($"line {ScriptSources.MaxEntries}", sources.LineOf($"s{ScriptSources.MaxEntries}", 1));
    }

    [Fact]
    public void The_oldest_sources_are_forgotten_past_the_size_bound_but_the_newest_is_kept()
    {
        var sources = new ScriptSources();
        var half = new string('a', (int)(ScriptSources.MaxChars / 2));
        sources.Remember("first", half);
        sources.Remember("second", half + "b");
        Assert.Null(sources.LineOf("first", 1));

        var huge = new string('c', (int)ScriptSources.MaxChars + 1);
        sources.Remember("huge", huge);
        Assert.Null(sources.LineOf("second", 1));
        Assert.Equal(huge.Length, sources.LineOf("huge", 1)?.Length);
    }

    [Fact]
    public void A_compiled_script_brings_its_source_back_when_it_runs()
    {
        using var context = new Isolate().CreateContext();
        using var script = context.Compile("function f() {\n  throw new Error('s');\n}\nf();", "s.js");
        context.Eval("function old() {\n  throw new Error('old');\n}");
        for (var i = 0; i < ScriptSources.MaxEntries; i++)
            context.Eval("1");

        Assert.Equal("  throw new Error('s');", Assert.Throws<JavaScriptException>(() => script.Run()).SourceLine);
        var forgotten = Assert.Throws<JavaScriptException>(() => context.Eval("old()"));
        Assert.Null(forgotten.SourceLine);
        Assert.Equal(2, forgotten.LineNumber);
    }
}
