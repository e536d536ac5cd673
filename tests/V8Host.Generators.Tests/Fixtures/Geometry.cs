namespace V8Host.Generators.Tests.Fixtures;

[HostClass]
public partial class Point
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

    public Point Scale(double fx, double fy) => new(X * fx, Y * fy);

    public Point Self() => this;

    public static Point Origin() => new(0, 0);

    [HostIgnore]
    public string Secret() => "hidden";

    [HostName("norm")]
    public double Magnitude() => Length();

    public override string ToString() => $"({X}, {Y})";
}

[HostClass("Vec2")]
public partial struct Vector
{
    public Vector(int x, int y)
    {
        X = x;
        Y = y;
    }

    public int X { get; set; }

    public int Y { get; set; }

    public void Move(int dx, int dy)
    {
        X += dx;
        Y += dy;
    }
}

public static partial class MathFunctions
{
    [HostFunction("math.clamp")]
    public static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);

    [HostFunction]
    public static int Add(int a, int b) => a + b;

    [HostFunction]
    public static string Describe(int value) => $"int {value}";

    [HostFunction]
    public static string Describe(string value) => $"string {value}";

    [HostFunction]
    public static string Join(string separator, params string[] parts) => string.Join(separator, parts);

    [HostFunction]
    public static string Greet(string name, string greeting = "Hello") => $"{greeting}, {name}";

    [HostFunction]
    public static int Count(Context context) => context.Eval<int>("globalThis.items?.length ?? 0");

    [HostFunction]
    public static async Task<int> SlowDouble(int value)
    {
        await Task.Yield();
        return value * 2;
    }
}

[HostModule("units")]
public static partial class Units
{
    public static double ToRadians(double degrees) => degrees * Math.PI / 180;

    [HostName("cm")]
    public static double Centimetres(double inches) => inches * 2.54;

    [HostIgnore]
    public static double Hidden() => 0;
}

[HostProfile(typeof(Point), typeof(Vector), typeof(MathFunctions), typeof(Units), typeof(Square))]
public partial class GeometryProfile
{
    [HostFunction]
    public static string Version() => "1.0";
}

public abstract class Shape
{
    public string Kind => "shape";

    public virtual double Area() => 0;

    public string Describe() => $"{Kind} of area {Area()}";
}

[HostClass]
public partial class Square : Shape
{
    public Square(double side) => Side = side;

    public double Side { get; }

    public override double Area() => Side * Side;
}
