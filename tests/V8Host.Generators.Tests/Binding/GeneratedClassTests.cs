using V8Host.Binding;
using V8Host.Generators.Tests.Fixtures;

namespace V8Host.Generators.Tests.Binding;

public class GeneratedClassTests
{
    private static Context CreateContext() => new Isolate().CreateContextBuilder().UseProfile(GeometryProfile.Instance).Build();

    private static string ErrorOf(Context context, string code) => context.Eval<string>($"try {{ {code}; 'no error' }} catch (e) {{ `${{e.name}}: ${{e.message}}` }}");

    [Fact]
    public void Generated_binding_is_used_instead_of_reflection()
    {
        var binding = HostClassBinding.For(typeof(Point));

        Assert.Same(Point.V8HostBinding, binding);
        Assert.Equal("Point", binding.Name);
        Assert.Contains("declare class Point", binding.TypeScript);
    }

    [Fact]
    public void Constructor_methods_accessors_and_statics_work()
    {
        using var context = CreateContext();

        Assert.Equal(5.0, context.Eval<double>("new Point(3, 4).length()"));
        Assert.Equal(5.0, context.Eval<double>("new Point(0, 0).distanceTo(new Point(3, 4))"));
        Assert.Equal(5.0, context.Eval<double>("new Point(3, 4).norm()"));
        Assert.Equal(7.0, context.Eval<double>("const p = new Point(1, 2); p.x = 7; p.x"));
        Assert.Equal("p", context.Eval<string>("new Point(1, 2).label"));
        Assert.True(context.Eval<bool>("Point.origin() instanceof Point"));
        context.Eval("Point.created = 42");
        Assert.Equal(42, Point.Created);
    }

    [Fact]
    public void Overloads_dispatch_by_arity()
    {
        using var context = CreateContext();

        Assert.Equal("6,8", context.Eval<string>("const s = new Point(3, 4).scale(2); `${s.x},${s.y}`"));
        Assert.Equal("6,12", context.Eval<string>("const t = new Point(3, 4).scale(2, 3); `${t.x},${t.y}`"));
        Assert.Equal("TypeError: Point.scale takes 1 or 2 argument(s); got 0.", ErrorOf(context, "new Point(1, 1).scale()"));
    }

    [Fact]
    public void Only_the_types_own_members_are_visible()
    {
        using var context = CreateContext();

        foreach (var member in new[] { "GetType", "getType", "toString", "ToString", "equals", "getHashCode", "secret", "v8HostBinding", "V8HostBinding" })
            Assert.Equal("undefined", context.Eval<string>($"typeof Object.getOwnPropertyDescriptor(Point.prototype, '{member}')"));
        Assert.Equal("[object Object]", context.Eval<string>("String(new Point(1, 2))"));
        Assert.Equal("created,length,name,origin,prototype", context.Eval<string>("Object.getOwnPropertyNames(Point).sort().join()"));
    }

    [Fact]
    public void Identity_is_kept_and_dotnet_instances_get_the_class()
    {
        using var context = CreateContext();
        var point = new Point(1, 2);
        context.SetGlobal("a", point);
        context.SetGlobal("b", point);

        Assert.True(context.Eval<bool>("a === b && a.self() === a && a instanceof Point"));
        Assert.Same(point, context.Eval("a"));
        Assert.Same(point, context.Eval<Point>("a.self()"));
    }

    [Fact]
    public void Read_only_accessors_reject_writes()
    {
        using var context = CreateContext();

        Assert.StartsWith("TypeError", ErrorOf(context, "(function () { 'use strict'; new Point(1, 2).y = 5; })()"));
    }

    [Fact]
    public void Wrong_arguments_name_member_and_parameter()
    {
        using var context = CreateContext();

        Assert.Equal("TypeError: Point.distanceTo: parameter 'other' expects a Point; got a number (5).", ErrorOf(context, "new Point(1, 2).distanceTo(5)"));
        Assert.Equal("TypeError: new Point: parameter 'x' expects a number; got a string (\"a\").", ErrorOf(context, "new Point('a', 2)"));
        Assert.Equal("TypeError: new Point: missing argument 'y' (a number).", ErrorOf(context, "new Point(1)"));
        Assert.Equal("TypeError: Point.length was called on an object that is not a Point.", ErrorOf(context, "Point.prototype.length.call({})"));
    }

    [Fact]
    public void Struct_instances_are_mutated_in_place()
    {
        using var context = CreateContext();

        Assert.Equal("4,6", context.Eval<string>("const v = new Vec2(1, 2); v.move(3, 4); `${v.x},${v.y}`"));
        Assert.True(context.Eval<bool>("new Vec2(0, 0) instanceof Vec2"));
        Assert.StartsWith("RangeError", ErrorOf(context, "new Vec2(1.5, 2)"));
    }

    [Fact]
    public void Inherited_public_members_are_bound_and_overrides_win()
    {
        using var context = CreateContext();

        Assert.Equal(4.0, context.Eval<double>("new Square(2).area()"));
        Assert.Equal("shape", context.Eval<string>("new Square(2).kind"));
        Assert.Equal("shape of area 9", context.Eval<string>("new Square(3).describe()"));
        Assert.Contains("area(): number;", Square.V8HostBinding.TypeScript);
    }
}
