using System.Linq.Expressions;
using System.Reflection;
using V8Host.Binding;

namespace V8Host.Generators.Tests.Parity;

/// <summary>
/// The two ways a type or static method becomes JS: the generated binding and the run-time reflection
/// binding of the very same type or method.
/// </summary>
public static class BindingPaths
{
    // ReflectionHostClass is internal to V8Host.Runtime. InternalsVisibleTo would also expose Runtime's
    // copy of the Shared/ rulebook, which this project already sees from the generator assembly, and the
    // duplicate internal types would make existing references to them ambiguous (CS0433). So the one
    // entry point is looked up by name; the test fails loudly if it moves.
    private static readonly Func<Type, HostClassBinding> s_reflectionCreate = typeof(HostClassBinding).Assembly
        .GetType("V8Host.Engine.Reflection.ReflectionHostClass", throwOnError: true)!
        .GetMethod("Create", BindingFlags.Public | BindingFlags.Static, new[] { typeof(Type) })!
        .CreateDelegate<Func<Type, HostClassBinding>>();

    /// <summary>The binding the generator emitted for <paramref name="type"/> (a [HostClass] partial type).</summary>
    public static HostClassBinding Generated(Type type)
    {
        var binding = HostClassBinding.For(type);
        var emitted = type.GetProperty(HostClassBinding.GeneratedPropertyName, BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        if (!ReferenceEquals(binding, emitted))
            throw new InvalidOperationException($"{type} has no generated binding; HostClassBinding.For fell back to reflection.");
        return binding;
    }

    /// <summary>The binding the reflection path builds for <paramref name="type"/>; registration problems surface as its ArgumentException.</summary>
    public static HostClassBinding Reflected(Type type)
    {
        try
        {
            return s_reflectionCreate(type);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
            throw;
        }
    }

    /// <summary>The generated [HostFunction] bindings of <paramref name="type"/>, by JS name.</summary>
    public static IReadOnlyList<HostFunctionBinding> GeneratedFunctions(Type type) =>
        (IReadOnlyList<HostFunctionBinding>)type.GetProperty("V8HostFunctions", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>
    /// Each [HostFunction] method of <paramref name="type"/> as the JS name and the delegate a user would pass to
    /// <c>AddHostFunction</c>: a Func/Action over the method itself (so the delegate's Method is the declared one).
    /// </summary>
    public static IReadOnlyList<(string Name, Delegate Function)> FunctionDelegates(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.IsDefined(typeof(HostFunctionAttribute)))
            .Select(m => (m.GetCustomAttribute<HostFunctionAttribute>()!.Name ?? char.ToLowerInvariant(m.Name[0]) + m.Name[1..], m.CreateDelegate(DelegateTypeOf(m))))
            .ToList();

    private static Type DelegateTypeOf(MethodInfo method) =>
        Expression.GetDelegateType(method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).ToArray());
}

/// <summary>A profile filled with bindings directly (AddBinding is what generated profiles call).</summary>
public sealed class BindingProfile : HostProfile
{
    public BindingProfile Add(HostClassBinding binding)
    {
        AddBinding(binding);
        return this;
    }

    public BindingProfile Add(HostFunctionBinding binding)
    {
        AddBinding(binding);
        return this;
    }
}
