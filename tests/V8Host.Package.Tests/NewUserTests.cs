namespace V8Host.Package.Tests;

/// <summary>
/// Does what a new user does: pack V8Host, create a console project outside the repository, add the
/// package from a local feed, write an annotated class and profile, build (the package's generator and
/// analyzers run), run, and check the output and the generated TypeScript declarations.
/// </summary>
public sealed class NewUserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("v8host-newuser-").FullName;

    [Fact]
    public void A_fresh_console_project_uses_the_package()
    {
        var app = Directory.CreateDirectory(Path.Combine(_root, "Hello")).FullName;
        var cli = new DotNetCli(Path.Combine(_root, "packages"));
        LocalFeed.CreateConsoleApp(cli, app, "Hello", offline: false);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using V8Host;

            using var context = new Isolate(new IsolateOptions { MaxHeapBytes = 64 * 1024 * 1024 })
                .CreateContextBuilder()
                .UseProfile(Shapes.Instance)
                .Build();
            Console.WriteLine(context.Eval<string>("`area=${new Circle(2).area().toFixed(2)} sum=${add(2, 3)} ${new Circle(1) instanceof Circle}`"));
            try
            {
                context.Eval("add('two', 3)");
            }
            catch (JavaScriptException error)
            {
                Console.WriteLine($"{error.ErrorName}: {error.JsMessage}");
            }

            static string Leaky()
            {
                var leaked = new Isolate().CreateContext();
                return leaked.Eval<string>("'leaked'");
            }

            [HostClass]
            public partial class Circle
            {
                public Circle(double radius) => Radius = radius;
                public double Radius { get; }
                public double Area() => Math.PI * Radius * Radius;
            }

            public static partial class Functions
            {
                [HostFunction] public static int Add(int a, int b) => a + b;
            }

            [HostProfile(typeof(Circle), typeof(Functions))]
            public partial class Shapes { }
            """);

        var build = cli.Run(app, "build", "-nodeReuse:false");
        Assert.Contains("Build succeeded", build);
        // The package's analyzers run: the leaked context is flagged, on its own line.
        Assert.Contains("warning V8H1005", build);
        Assert.Contains("Program.cs(19,", build);
        var declarations = File.ReadAllText(Path.Combine(app, "bin", "Debug", "net10.0", "Hello.d.ts"));
        Assert.Contains("declare class Circle {", declarations);
        Assert.Contains("declare function add(a: number, b: number): number;", declarations);

        var output = cli.Run(app, "run", "--no-build");
        Assert.Contains("area=12.57 sum=5 true", output);
        Assert.Contains("TypeError: add: parameter 'a' expects an integer (Int32); got a string (\"two\").", output);
    }

    public void Dispose() => LocalFeed.TryDelete(_root);

}
