namespace V8Host.Generators.Tests.Parity;

/// <summary>
/// Two contexts over the same fixtures: one from generated bindings, one from reflection bindings.
/// Shared by the parity tests of a class, so each snippet costs two evaluations, not two isolates.
/// </summary>
public sealed class ParityContexts : IDisposable
{
    /// <summary>Every host class of the fixture set.</summary>
    public static readonly Type[] Classes =
    {
        typeof(ParityBuilt), typeof(ParitySingle), typeof(ParitySealedOff), typeof(ParityBag), typeof(ParityInjected),
        typeof(ParityObjectMembers), typeof(ParityDerived), typeof(ParityRecord), typeof(ParityStruct), typeof(ParityBareStruct),
        typeof(ParityRequired),
    };

    // Turns a snippet's outcome into text: the value with its JS type, or the error's name and message.
    private const string Describe = """
        (() => {
          const show = (r) => typeof r === 'bigint' ? `bigint ${r}n`
            : typeof r === 'function' ? `function ${r.name}/${r.length}`
            : typeof r === 'object' && r !== null ? `object ${Object.getPrototypeOf(r)?.constructor?.name}`
            : `${typeof r} ${String(r)}`;
          try { return show((() => { return (__SNIPPET__); })()); }
          catch (e) { return `${e?.name}: ${e?.message}`; }
        })()
        """;

    private readonly Isolate _generatedIsolate = new();
    private readonly Isolate _reflectedIsolate = new();

    public ParityContexts()
    {
        var generated = new BindingProfile();
        var reflected = new BindingProfile();
        foreach (var type in Classes)
        {
            generated.Add(BindingPaths.Generated(type));
            reflected.Add(BindingPaths.Reflected(type));
        }

        foreach (var function in BindingPaths.GeneratedFunctions(typeof(ParityFunctions)))
            generated.Add(function);
        foreach (var (name, function) in BindingPaths.FunctionDelegates(typeof(ParityFunctions)))
            reflected.AddFunction(name, function);

        Generated = _generatedIsolate.CreateContextBuilder().UseProfile(generated).Build();
        Reflected = _reflectedIsolate.CreateContextBuilder().UseProfile(reflected).Build();
    }

    public Context Generated { get; }

    public Context Reflected { get; }

    /// <summary>The outcome of <paramref name="snippet"/> (a JS expression) on each path.</summary>
    public (string Generated, string Reflected) Run(string snippet)
    {
        var code = Describe.Replace("__SNIPPET__", snippet, StringComparison.Ordinal);
        return (Generated.Eval<string>(code), Reflected.Eval<string>(code));
    }

    public void Dispose()
    {
        Generated.Dispose();
        Reflected.Dispose();
        _generatedIsolate.Dispose();
        _reflectedIsolate.Dispose();
    }
}
