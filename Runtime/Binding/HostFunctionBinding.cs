using System.ComponentModel;

namespace V8Host.Binding;

/// <summary>Reads the arguments of a host call and writes its result.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void HostFunctionInvoker(in HostArgs args, in HostResult result);

/// <summary>Calls a host-class member on <paramref name="instance"/> (<see langword="null"/> for statics).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void HostMemberInvoker(object? instance, in HostArgs args, in HostResult result);

/// <summary>Creates a host-class instance from constructor arguments.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate object HostConstructorInvoker(in HostArgs args);

/// <summary>A global JS function bound to .NET: its (possibly dotted) name, <c>length</c> and invoker.</summary>
/// <remarks>Generated bindings create these; <see cref="HostProfile.AddFunction"/> creates them over the reflection path.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HostFunctionBinding
{
    /// <summary>Describes a function.</summary>
    public HostFunctionBinding(string name, int length, HostFunctionInvoker invoke, string? typeScript = null)
    {
        HostNames.ThrowIfInvalidPath(name, nameof(name));
        Name = name;
        Length = length;
        Invoke = invoke ?? throw new ArgumentNullException(nameof(invoke));
        TypeScript = typeScript;
    }

    /// <summary>The JS name; dots create namespace objects.</summary>
    public string Name { get; }

    /// <summary>The function's <c>length</c> (required arguments).</summary>
    public int Length { get; }

    /// <summary>The call.</summary>
    public HostFunctionInvoker Invoke { get; }

    /// <summary>The TypeScript declaration of the function, when known.</summary>
    public string? TypeScript { get; }

    /// <summary>
    /// The arguments (bit i: argument i) the invoker always reads as bytes (<c>byte[]</c>,
    /// <c>Memory&lt;byte&gt;</c>, <c>ReadOnlyMemory&lt;byte&gt;</c>): a Uint8Array passed there crosses
    /// through the context's transfer buffer. Set only when no overload dispatch reads those arguments' types.
    /// </summary>
    public int ByteArguments { get; init; }

    /// <summary>The delegate behind a reflection-path binding (null for generated ones): wasm imports check its types.</summary>
    internal Delegate? Source { get; init; }
}
