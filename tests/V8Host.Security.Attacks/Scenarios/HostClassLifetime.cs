namespace V8Host.Security.Attacks.Scenarios;

/// <summary>A host class that counts its finalized instances.</summary>
[HostClass]
public partial class Tracked
{
    private static int s_created;
    private static int s_finalized;

    public Tracked() => Interlocked.Increment(ref s_created);

    ~Tracked() => Interlocked.Increment(ref s_finalized);

    public int Value { get; set; }

    internal static int Created => Volatile.Read(ref s_created);

    internal static int Finalized => Volatile.Read(ref s_finalized);
}

/// <summary>`hostclass release|identity`: dropped host-class instances are released; live ones keep their identity.</summary>
internal static class HostClassLifetime
{
    public static void Run(string[] args)
    {
        using var context = new Isolate().CreateContextBuilder().AddHostClass<Tracked>().Build();
        switch (args[0])
        {
            case "release":
            {
                const string name = "hostclass.release";
                Report.Bounded(name, TimeSpan.FromSeconds(90), () =>
                {
                    context.Eval("for (let i = 0; i < 1e6; i++) new Tracked();", TimeSpan.FromSeconds(60));
                    context.CollectGarbage();
                    context.RunUntilIdle();
                    context.Eval("1");
                    context.Eval("1");
                    for (var i = 0; i < 3; i++)
                    {
                        GC.Collect();
                        GC.WaitForPendingFinalizers();
                        GC.Collect();
                        context.CollectGarbage();
                        context.Eval("1");
                    }
                });
                Report.Detail(name, $"created {Tracked.Created}, finalized {Tracked.Finalized}");
                Report.Result(name + ".finalized-90pct", Tracked.Finalized >= Tracked.Created * 0.9 && Tracked.Created >= 1_000_000);
                break;
            }

            case "identity":
            {
                context.Eval("globalThis.t = new Tracked()");
                var first = context.GetGlobal("t");
                var second = context.GetGlobal("t");
                Report.Result("hostclass.identity.js-held", first is Tracked && ReferenceEquals(first, second));
                var mine = new Tracked();
                context.SetGlobal("a", mine);
                context.SetGlobal("b", mine);
                Report.Result("hostclass.identity.passed-twice", context.Eval<bool>("a === b"));
                Report.Result("hostclass.identity.round-trip", ReferenceEquals(context.GetGlobal("a"), mine));
                break;
            }

            default:
                throw new ArgumentException("unknown case " + args[0]);
        }
    }
}
