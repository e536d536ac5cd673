using V8Host.Binding;

namespace V8Host.Generators.Tests.Parity;

/// <summary>The bindings themselves, before V8 sees them: the same names, kinds, lengths and setters on both paths.</summary>
public class BindingParityTests
{
    public static TheoryData<Type> Classes => new(ParityContexts.Classes);

    // The generated binding's own property, which the reflection path binds as well (a divergence recorded in ShapeParityTests).
    private const string GeneratedMember = "v8HostBinding";

    [Theory]
    [MemberData(nameof(Classes))]
    public void Class_bindings_describe_the_same_class(Type type)
    {
        var generated = BindingPaths.Generated(type);
        var reflected = BindingPaths.Reflected(type);

        Assert.Equal(generated.Name, reflected.Name);
        Assert.Same(generated.Type, reflected.Type);
        Assert.Equal(generated.ConstructorLength, reflected.ConstructorLength);
        Assert.Equal(generated.Constructor is null, reflected.Constructor is null);
        Assert.Equal(Members(generated), Members(reflected).Where(m => !m.StartsWith(GeneratedMember + " ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Function_bindings_have_the_same_names()
    {
        var generated = BindingPaths.GeneratedFunctions(typeof(ParityFunctions)).Select(f => f.Name);
        var reflected = BindingPaths.FunctionDelegates(typeof(ParityFunctions)).Select(f => f.Name);

        Assert.Equal(generated.Order(StringComparer.Ordinal), reflected.Order(StringComparer.Ordinal));
    }

    /// <summary>Member order is compared in the behaviour table (where it diverges); here, the set of members.</summary>
    private static IEnumerable<string> Members(HostClassBinding binding) =>
        binding.Members
            .Select(m => $"{m.Name} {(m.IsStatic ? "static" : "instance")} {(m.IsMethod ? $"method/{m.Length}" : m.Setter is null ? "get" : "get+set")}")
            .Order(StringComparer.Ordinal);
}
