namespace V8Host.Security.Attacks.Scenarios;

/// <summary>A host object whose secret scripts must never read through a forged wrapper.</summary>
[HostClass]
public partial class Vault
{
    public Vault()
    {
    }

    public string Secret { get; set; } = "decoy";
}

/// <summary>
/// `glue forge`: steal the host-object construction token through a replaced [[Prototype]] and forge
/// wrappers over other objects' ids. `glue forged-id`: forged ids out of range. Expected: the secret
/// never reaches the script; only JavaScriptException leaves Eval.
/// </summary>
internal static class GlueForgery
{
    private const string SecretValue = "TOP-SECRET-4242";

    private const string Steal = """
        const Base = Object.getPrototypeOf(Vault);
        Object.setPrototypeOf(Vault, function (t, i) { globalThis.stolen = [t, i]; });
        try { new Vault() } catch {}
        Object.setPrototypeOf(Vault, Base);
        globalThis.Base = Base;
        """;

    public static void Run(string[] args)
    {
        using var context = new Isolate().CreateContextBuilder()
            .AddHostClass<Vault>()
            .SetGlobal("vault", new Vault { Secret = SecretValue })
            .Build();
        // The host keeps its vault out of the script's reach; it stays in the context's instance table.
        context.Eval("delete globalThis.vault");
        context.Eval(Steal);

        switch (args[0])
        {
            case "forge":
            {
                const string name = "glue.forge";
                var leaked = false;
                var nonJs = new List<string>();
                // As the brief writes it (prototype still replaced), then with the real base, over many ids.
                var attempts = new List<string>
                {
                    "Object.setPrototypeOf(Vault, function (t, i) { globalThis.stolen = [t, i]; }); try { new Vault() } catch {}; const f = Reflect.construct(Object.getPrototypeOf(Vault), [globalThis.stolen?.[0], 0], Vault); f.secret",
                };
                for (var id = 0; id < 8; id++)
                    attempts.Add($"Object.setPrototypeOf(Vault, Base); Reflect.construct(Base, [globalThis.stolen?.[0], {id}], Vault).secret");
                attempts.Add("Object.setPrototypeOf(Vault, Base); Reflect.construct(Base, [globalThis.stolen?.[0], globalThis.stolen?.[1] - 1], Vault).secret");
                foreach (var attempt in attempts)
                {
                    try
                    {
                        var value = context.Eval(attempt);
                        if (value is string s && s.Contains(SecretValue))
                            leaked = true;
                    }
                    catch (JavaScriptException)
                    {
                    }
                    catch (Exception exception)
                    {
                        nonJs.Add(exception.GetType().Name);
                        Report.Detail(name, exception);
                    }
                }

                Report.Detail(name, "token stolen: " + context.Eval<bool>("typeof globalThis.stolen?.[0] === 'symbol'"));
                Report.Result(name + ".leaked", leaked);
                Report.Result(name + ".non-js-exceptions", nonJs.Count == 0 ? "none" : string.Join(",", nonJs.Distinct()));
                Report.Result(name + ".after", Report.StillWorks(context));
                break;
            }

            case "forged-id":
                foreach (var (label, id) in new[] { ("huge", "1e9"), ("negative", "-1"), ("fraction", "1.5"), ("string", "'abc'"), ("beyond-2-53", "2**53 + 2"), ("object", "({})") })
                {
                    var name = $"glue.forged-id.{label}";
                    var outcome = Report.ValueOutcome(name, () => context.Eval($"Object.setPrototypeOf(Vault, Base); Reflect.construct(Base, [globalThis.stolen?.[0], {id}], Vault).secret"));
                    Report.Result(name, outcome.StartsWith("JavaScriptException", StringComparison.Ordinal) ? "JavaScriptException" : outcome);
                }

                Report.Result("glue.forged-id.after", Report.StillWorks(context));
                break;

            default:
                throw new ArgumentException("unknown case " + args[0]);
        }
    }
}
