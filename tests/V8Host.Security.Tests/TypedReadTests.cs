namespace V8Host.Security.Tests;

/// <summary>Typed reads of huge values are bounded in time and memory.</summary>
[Collection(MemoryHungry.Name)]
public class TypedReadTests
{
    [Fact]
    public void Sparse_array_read_is_stopped_by_the_timeout()
    {
        ChildProcess.Completed("typed", "sparse")
            .AssertResult("typed.sparse", "ScriptTerminatedException", "ScriptResourceException")
            .AssertResult("typed.sparse.after", "2");
    }

    [Fact]
    public void Array_of_length_2_pow_32_minus_1_is_a_ScriptResourceException()
    {
        ChildProcess.Completed("typed", "length")
            .AssertResult("typed.length", "ScriptResourceException")
            .AssertResult("typed.length.after", "2");
    }

    [Fact]
    public void Array_of_huge_strings_is_a_ScriptResourceException_under_2_GiB()
    {
        ChildProcess.Completed("typed", "strings")
            .AssertResult("typed.strings", "ScriptResourceException")
            .AssertResult("typed.strings.peak-under-2GiB", "true")
            .AssertResult("typed.strings.after", "2");
    }
}
