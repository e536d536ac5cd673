namespace V8Host.Generators.Tests.Parity;

/// <summary>
/// What JS can see without calling anything: own property names of constructor and prototype, each
/// descriptor (data or accessor, writable, enumerable, configurable), function names and lengths.
/// </summary>
public class ShapeParityTests(ParityContexts contexts) : IClassFixture<ParityContexts>
{
    // One line per own property (symbols included): "key: fn name/length w e c" or "key: get(name) set(name) e c".
    private const string ShapeOf = """
        ((target, hidden) => {
          const show = (o) => Reflect.ownKeys(o).map(String).filter((k) => !hidden.includes(k)).sort().map((k) => {
            const key = Reflect.ownKeys(o).find((x) => String(x) === k);
            const p = Object.getOwnPropertyDescriptor(o, key);
            const flags = `${p.enumerable ? 'e' : '-'}${p.configurable ? 'c' : '-'}`;
            if ('value' in p) {
              const v = typeof p.value === 'function' ? `fn ${p.value.name}/${p.value.length}` : typeof p.value;
              return `${k}: ${v} ${p.writable ? 'w' : '-'}${flags}`;
            }
            return `${k}: ${p.get ? `get(${p.get.name}/${p.get.length})` : '-'} ${p.set ? `set(${p.set.name}/${p.set.length})` : '-'} ${flags}`;
          }).join('\n');
          return typeof target === 'function' && target.prototype
            ? `${target.name}/${target.length}\n[static]\n${show(target)}\n[prototype]\n${show(target.prototype)}`
            : typeof target === 'function' ? `${target.name}/${target.length}\n${show(target)}` : show(target);
        })(__TARGET__, __HIDDEN__)
        """;

    public static TheoryData<string> Classes => new(ParityContexts.Classes.Select(t => t.Name));

    /// <summary>Every global function of the fixture set, and the namespace object holding the dotted one.</summary>
    public static TheoryData<string> Functions => new("add", "describe", "count", "live", "paint", "narrow", "wide", "name", "nothing", "apply", "math", "math.twice");

    /// <summary>
    /// The shape of <paramref name="target"/> on each path. <paramref name="hidden"/> keys are left out: reflecting
    /// a generated type also sees the generated <c>V8HostBinding</c> property (see the skipped test below), which
    /// would otherwise mask every other difference of the class.
    /// </summary>
    private (string Generated, string Reflected) Shape(string target, params string[] hidden)
    {
        var code = ShapeOf.Replace("__TARGET__", target, StringComparison.Ordinal)
            .Replace("__HIDDEN__", "[" + string.Join(", ", hidden.Select(h => $"'{h}'")) + "]", StringComparison.Ordinal);
        return (contexts.Generated.Eval<string>(code), contexts.Reflected.Eval<string>(code));
    }

    private const string GeneratedMember = "v8HostBinding";

    [Theory]
    [MemberData(nameof(Classes))]
    public void Class_shape_is_the_same(string name)
    {
        var (generated, reflected) = Shape(name, GeneratedMember);

        ParityAssert.Same(generated, reflected, name);
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public void Function_shape_is_the_same(string name)
    {
        var (generated, reflected) = Shape(name);

        ParityAssert.Same(generated, reflected, name);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public void Reflection_does_not_bind_the_generated_member(string name)
    {
        var (generated, reflected) = Shape(name);

        ParityAssert.Same(generated, reflected, name);
        Assert.DoesNotContain(GeneratedMember, reflected);
    }

    [Fact]
    public void Shapes_show_the_planned_members()
    {
        var (bag, _) = Shape("ParityBag");
        var (derived, _) = Shape("ParityDerived");
        var (record, _) = Shape("ParityRecord");

        Assert.StartsWith("ParityBag/0\n", bag);
        Assert.Contains("\ngreet: fn greet/1 ", bag);
        Assert.Contains("\nkind: fn kind/1 ", bag);
        Assert.Contains("\nrenamedByFunction: fn renamedByFunction/0 ", bag);
        Assert.Matches(@"\nreadOnlyCount: get\([^)]*\) - ", bag);
        Assert.Matches(@"\nname: get\([^)]*\) set\([^)]*\) ", bag);
        Assert.DoesNotContain("hidden", bag, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("equals", bag);
        Assert.Contains("\ninherited: fn inherited/0 ", derived);
        Assert.DoesNotContain("baseStatic", derived);
        Assert.StartsWith("ParityRecord/2\n", record);
        Assert.DoesNotContain("deconstruct", record);
    }
}
