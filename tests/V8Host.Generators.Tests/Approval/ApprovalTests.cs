using V8Host.Generators.Tests.Infrastructure;

namespace V8Host.Generators.Tests.Approval;

/// <summary>
/// Snapshots of the generated source (see <see cref="Approvals"/>): a representative class, a function
/// set with a dotted name and type-dispatched overloads, and a profile. Every snapshot must also compile.
/// </summary>
public class ApprovalTests
{
    private const string ClassSource = """
        namespace Shop;

        [HostClass("Item")]
        public partial class InventoryItem
        {
            public InventoryItem(string name) : this(name, 1) { }

            public InventoryItem(string name, int quantity)
            {
                Name = name;
                Quantity = quantity;
            }

            public string Name { get; }

            public int Quantity { get; set; }

            public string? Note { get; set; }

            public double Price = 1.5;

            public static int Created { get; set; }

            public const string Currency = "EUR";

            public void Restock(int amount) => Quantity += amount;

            public void Restock(int amount, string reason)
            {
                Quantity += amount;
                Note = reason;
            }

            public string Describe(string format) => string.Format(format, Name);

            public string Describe(bool verbose) => verbose ? Name + " x" + Quantity : Name;

            public static InventoryItem Parse(string text) => new(text);

            [HostName("total")]
            public double TotalPrice() => Price * Quantity;

            public int Checksum(byte[] data, int seed, ReadOnlyMemory<byte> more) => seed + data.Length + more.Length;

            [HostIgnore]
            public string Secret() => "hidden";
        }
        """;

    private const string FunctionSource = """
        namespace Tools;

        public static partial class TextFunctions
        {
            [HostFunction("text.pad")]
            public static string Pad(string value, int width, char fill = ' ') => value.PadLeft(width, fill);

            [HostFunction("text.repeat")]
            public static string Repeat(string value, int count) => string.Concat(Enumerable.Repeat(value, count));

            [HostFunction]
            public static string Format(int value) => "int:" + value;

            [HostFunction]
            public static string Format(string value) => "string:" + value;

            [HostFunction]
            public static string Format(double[] values) => "array:" + values.Length;

            [HostFunction]
            public static string Concat(string separator, params string[] parts) => string.Join(separator, parts);

            [HostFunction]
            public static int Measure(string label, byte[] data) => label.Length + data.Length;

            [HostFunction]
            public static async Task<int> LengthLater(string? value, CancellationToken token)
            {
                await Task.Delay(1, token);
                return value?.Length ?? 0;
            }
        }
        """;

    private const string ProfileSource = """
        namespace App;

        [HostClass]
        public partial class Clock
        {
            public long Ticks { get; set; }
        }

        public static partial class MathFunctions
        {
            [HostFunction("math.clamp")]
            public static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);
        }

        [HostProfile(typeof(Clock))]
        public partial class CoreProfile
        {
        }

        [HostProfile(typeof(CoreProfile), typeof(MathFunctions))]
        public partial class AppProfile
        {
            [HostFunction]
            public static string Version(Context context) => "1.0";
        }
        """;

    /// <summary>The generator's assembly version is stamped into [GeneratedCode]; keep snapshots stable across version bumps.</summary>
    private static string Scrub(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"GeneratedCode\(""V8Host.Generators"", ""[^""]*""\)", "GeneratedCode(\"V8Host.Generators\", \"{version}\")");

    private static GeneratorRun RunClean(string source)
    {
        var run = GeneratorHarness.Run(source);
        Assert.True(run.GeneratorDiagnostics.IsEmpty, string.Join("\n", run.GeneratorDiagnostics));
        Assert.True(run.OutputErrors.Count == 0, string.Join("\n", run.OutputErrors));
        return run;
    }

    [Fact]
    public void Host_class()
    {
        var run = RunClean(ClassSource);
        Assert.Equal(new[] { "Shop.InventoryItem.V8HostClass.g.cs", "V8Host.TypeScript.g.cs" }, run.Sources.Keys);
        Approvals.Verify("HostClass", Scrub(run.Source("InventoryItem.V8HostClass")));
    }

    [Fact]
    public void Function_set()
    {
        var run = RunClean(FunctionSource);
        Assert.Equal(new[] { "Tools.TextFunctions.V8HostFunctions.g.cs", "V8Host.TypeScript.g.cs" }, run.Sources.Keys);
        Approvals.Verify("FunctionSet", Scrub(run.Source("TextFunctions.V8HostFunctions")));
    }

    [Fact]
    public void Profiles()
    {
        var run = RunClean(ProfileSource);
        Assert.Equal(
            new[] { "App.AppProfile.V8HostFunctions.g.cs", "App.AppProfile.V8HostProfile.g.cs", "App.Clock.V8HostClass.g.cs", "App.CoreProfile.V8HostProfile.g.cs", "App.MathFunctions.V8HostFunctions.g.cs", "V8Host.TypeScript.g.cs" },
            run.Sources.Keys);
        Approvals.Verify("Profile", Scrub(run.Source("App.AppProfile.V8HostProfile") + "\n// ---- App.CoreProfile.V8HostProfile.g.cs\n" + run.Source("App.CoreProfile.V8HostProfile")));
        Approvals.Verify("TypeScript", run.Source("V8Host.TypeScript"));
    }

    [Fact]
    public void Approval_mismatch_writes_received_file_and_explains_how_to_accept()
    {
        var name = "SelfTest_" + Guid.NewGuid().ToString("N");
        var approved = Path.Combine(Approvals.Directory(), name + ".approved.cs");
        var received = Path.Combine(Approvals.Directory(), name + ".received.cs");
        try
        {
            var missing = Assert.ThrowsAny<Exception>(() => Approvals.Verify(name, "line 1\r\nline 2"));
            Assert.Contains("no approved file", missing.Message);
            Assert.Contains($"cp \"{received}\" \"{approved}\"", missing.Message);
            Assert.Equal("line 1\nline 2\n", File.ReadAllText(received));

            File.Move(received, approved);
            Approvals.Verify(name, "line 1\nline 2\n"); // line endings are normalized
            Assert.False(File.Exists(received));

            var differs = Assert.ThrowsAny<Exception>(() => Approvals.Verify(name, "line 1\nline two"));
            Assert.Contains("differs", differs.Message);
            Assert.Contains("line 2", differs.Message);
            Assert.True(File.Exists(received));
        }
        finally
        {
            File.Delete(approved);
            File.Delete(received);
        }
    }

    [Fact]
    public void Output_is_deterministic()
    {
        foreach (var source in new[] { ClassSource, FunctionSource, ProfileSource })
            Assert.Equal(GeneratorHarness.Run(source).Sources, GeneratorHarness.Run(source).Sources);
    }
}
