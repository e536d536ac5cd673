namespace V8Host.Generators.Tests.Parity;

/// <summary>Equality with both texts in full in the failure (Assert.Equal truncates long strings).</summary>
public static class ParityAssert
{
    public static void Same(string generated, string reflected, string? what = null)
    {
        if (!string.Equals(generated, reflected, StringComparison.Ordinal))
            Assert.Fail($"The paths differ{(what is null ? string.Empty : " for " + what)}:\n  generated: {generated}\n  reflected: {reflected}");
    }
}
