namespace V8Host.Tests.Hosting;

public class Point
{
    public Point(double x, double y)
    {
        X = x;
        Y = y;
    }

    public double X { get; set; }

    public double Y { get; }

    public string Label = "p";

    public static int Created { get; set; }

    public double Length() => Math.Sqrt(X * X + Y * Y);

    public double DistanceTo(Point other) => Math.Sqrt(Math.Pow(X - other.X, 2) + Math.Pow(Y - other.Y, 2));

    public Point Scale(double factor) => new(X * factor, Y * factor);

    public Point Self() => this;

    public static Point Origin() => new(0, 0);

    [HostIgnore]
    public string Secret() => "hidden";

    [HostName("norm")]
    public double Magnitude() => Length();
}

public class HostClassTests
{
    private static Context CreateContext() => new Isolate().CreateContextBuilder().AddHostClass<Point>().Build();

    [Fact]
    public void Constructor_methods_and_accessors_work_from_javascript()
    {
        using var context = CreateContext();

        Assert.Equal(5.0, context.Eval<double>("new Point(3, 4).length()"));
        Assert.Equal(5.0, context.Eval<double>("new Point(0, 0).distanceTo(new Point(3, 4))"));
        Assert.Equal(10.0, context.Eval<double>("new Point(3, 4).scale(2).y / 0.8"));
        Assert.Equal(5.0, context.Eval<double>("new Point(3, 4).norm()"));
        Assert.Equal(7.0, context.Eval<double>("const p = new Point(1, 2); p.x = 7; p.x"));
        Assert.Equal("p", context.Eval<string>("new Point(1, 2).label"));
    }

    [Fact]
    public void Instances_are_real_class_instances_without_a_reflection_surface()
    {
        using var context = CreateContext();

        Assert.True(context.Eval<bool>("new Point(1, 2) instanceof Point"));
        Assert.Equal("function", context.Eval<string>("typeof Point"));
        Assert.Equal("undefined", context.Eval<string>("typeof new Point(1, 2).GetType"));
        Assert.Equal("undefined", context.Eval<string>("typeof new Point(1, 2).secret"));
        Assert.Equal("undefined", context.Eval<string>("typeof new Point(1, 2).getHashCode"));
        Assert.Equal("x,y,label", context.Eval<string>("Object.keys(Object.getOwnPropertyDescriptors(Point.prototype)).filter(k => Object.getOwnPropertyDescriptor(Point.prototype, k).get).join()"));
    }

    [Fact]
    public void Read_only_properties_reject_writes_in_strict_code()
    {
        using var context = CreateContext();

        var error = Assert.Throws<JavaScriptException>(() => context.Eval("'use strict'; new Point(1, 2).y = 5"));
        Assert.Equal("TypeError", error.ErrorName);
    }

    [Fact]
    public void Statics_live_on_the_constructor()
    {
        using var context = CreateContext();

        Assert.True(context.Eval<bool>("Point.origin() instanceof Point"));
        context.Eval("Point.created = 42");
        Assert.Equal(42, Point.Created);
    }

    [Fact]
    public void Same_dotnet_instance_maps_to_the_same_js_object()
    {
        using var context = CreateContext();
        var point = new Point(1, 2);
        context.SetGlobal("a", point);
        context.SetGlobal("b", point);

        Assert.True(context.Eval<bool>("a === b && a.self() === a && a instanceof Point"));
        Assert.Same(point, context.Eval("a"));
        Assert.Same(point, context.Eval<Point>("a.self()"));
        var created = context.Eval<Point>("new Point(5, 6)");
        Assert.Equal(5, created.X);
    }

    [Fact]
    public void Wrong_arguments_raise_type_errors_naming_member_and_parameter()
    {
        using var context = CreateContext();

        Assert.Equal("TypeError: Point.distanceTo: parameter 'other' expects a Point; got a number (5).", context.Eval<string>("try { new Point(1, 2).distanceTo(5) } catch (e) { `${e.name}: ${e.message}` }"));
        // One constructor: like generated code, a missing argument is named (arity errors are for overload sets).
        Assert.Equal("TypeError: new Point: missing argument 'y' (a number).", context.Eval<string>("try { new Point(1) } catch (e) { `${e.name}: ${e.message}` }"));
        Assert.Contains("not a Point", context.Eval<string>("try { Point.prototype.length.call({}) } catch (e) { e.message }"));
    }
}
