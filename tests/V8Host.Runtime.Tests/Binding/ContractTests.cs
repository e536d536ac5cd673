using V8Host.Binding;
using V8Host.Shared.Binding;

namespace V8Host.Tests.Binding;

/// <summary>
/// Where the shared rulebook meets the runtime's public binding surface: generated code names
/// <see cref="JsValueKind"/> members by the rulebook's <see cref="JsCategory"/>, and the reflection path
/// casts one to the other, so the two must agree name for name and value for value.
/// </summary>
public class ContractTests
{
    [Fact]
    public void Js_value_kinds_match_the_rulebooks_categories() =>
        Assert.Equal(
            Enum.GetValues<JsCategory>().Select(c => (c.ToString(), (int)c)),
            Enum.GetValues<JsValueKind>().Select(k => (k.ToString(), (int)k)));

    [Fact]
    public void Error_kinds_are_the_numbers_the_glue_reads() =>
        Assert.Equal(new[] { 0, 1, 2 }, new[] { (int)JsErrorKind.Error, (int)JsErrorKind.TypeError, (int)JsErrorKind.RangeError });
}
