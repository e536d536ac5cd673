namespace V8Host.Tests.Servers;

/// <summary>
/// The names a rent's sources could have declared (RentSources), at the name-length limit: a name
/// longer than it refuses the rent (its context is recycled) however the name is spelled.
/// </summary>
public class RentSourcesTests
{
    private static string? CandidatesOf(string source)
    {
        var sources = new RentSources();
        sources.Record(source);
        return sources.CandidateLines();
    }

    [Fact]
    public void A_name_at_the_limit_is_a_candidate()
    {
        var name = new string('a', RentSources.MaxNameChars);
        Assert.Equal([name, "x"], CandidatesOf($"let x = {name};")!.Split('\n').Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(RentSources.MaxNameChars + 1)]
    [InlineData(4_000_000)]
    public void A_longer_name_refuses_the_rent(int length) =>
        Assert.Null(CandidatesOf($"let x = 1; globalThis.{new string('z', length)} = 1;"));

    // Spelled with escapes, a name at the limit is longer in the source: it is counted as V8 reads it.
    [Fact]
    public void Escapes_count_as_the_characters_they_stand_for()
    {
        var source = @"let \u0061" + new string('b', RentSources.MaxNameChars - 1) + " = 1;";
        Assert.Equal("a" + new string('b', RentSources.MaxNameChars - 1), CandidatesOf(source));
        Assert.Null(CandidatesOf(@"let \u{61}" + new string('b', RentSources.MaxNameChars) + " = 1;"));
    }
}
