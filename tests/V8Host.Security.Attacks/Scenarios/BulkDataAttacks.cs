namespace V8Host.Security.Attacks.Scenarios;

public sealed record BulkAttackLine(string Sku, int Qty);

public sealed record BulkAttackOrder(string Id, List<BulkAttackLine> Lines);

public sealed record BulkAttackNode(string Name, List<BulkAttackNode> Children);

public sealed class BulkAttackChain
{
    public string Name { get; set; } = "";

    public BulkAttackChain? Next { get; set; }
}

/// <summary>
/// `bulk reenter|mutate|proxy|length|cycle|deep|terminate|strings|tamper`: hostile scripts against the
/// bulk plain-data paths (Runtime/Engine/Bulk, BulkData.js). Each case prints its outcome, the
/// message where it must be precise, and whether the context still works afterwards.
/// </summary>
internal static class BulkDataAttacks
{
    private const string Orders = "Array.from({ length: 300 }, (_, i) => ({ id: 'o' + i, lines: [{ sku: 's', qty: i }] }))";

    public static void Run(string[] args)
    {
        var name = $"bulk.{args[0]}";
        var options = args[0] == "strings" ? new IsolateOptions { MaxConversionBytes = 16L * 1024 * 1024 } : new IsolateOptions();
        Context context = null!;
        context = new Isolate(options).CreateContextBuilder()
            // Re-enters conversion from inside a getter of the value being converted.
            .AddHostFunction("inner", new Func<int, int>(depth => depth == 0
                ? 1
                : context.Eval<List<BulkAttackOrder>>($"[{{ id: 'x', lines: [{{ sku: 's', get qty() {{ return inner({depth - 1}); }} }}] }}]")[0].Lines[0].Qty + 1))
            .AddHostFunction("orders", new Func<int, List<BulkAttackOrder>>(n => Enumerable.Range(0, n).Select(i => new BulkAttackOrder("o" + i, new List<BulkAttackLine> { new("s", i) })).ToList()))
            .AddHostFunction("chain", new Func<int, BulkAttackChain>(n =>
            {
                var head = new BulkAttackChain { Name = "0" };
                var current = head;
                for (var i = 1; i < n; i++)
                    current = current.Next = new BulkAttackChain { Name = i.ToString() };
                return head;
            }))
            .AddHostFunction("cycle", new Func<BulkAttackChain>(() =>
            {
                var a = new BulkAttackChain { Name = "a" };
                a.Next = new BulkAttackChain { Name = "b", Next = a };
                return a;
            }))
            .Build();

        string outcome = args[0] switch
        {
            "reenter" => Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.ValueOutcome(name, () =>
                context.Eval<List<BulkAttackOrder>>("[{ id: 'a', lines: [{ sku: 's', get qty() { return inner(40); } }] }, { id: 'b', lines: [{ sku: 't', qty: 2 }] }]")
                    .Select(o => o.Lines[0].Qty).Sum())),
            "mutate" => Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.ValueOutcome(name, () =>
            {
                // Getters grow, shrink and re-prototype the arrays being read; index setters on Array.prototype
                // and Object.prototype watch for values the glue writes.
                var read = context.Eval<List<BulkAttackOrder?>>("""
                    let seen = 0;
                    Object.defineProperty(Array.prototype, '0', { set() { seen++; }, configurable: true });
                    Object.defineProperty(Object.prototype, 'sku', { set() { seen++; }, configurable: true });
                    const a = [];
                    for (let i = 0; i < 600; i++) a.push({ id: 'o' + i, lines: [{ sku: 's', get qty() { if (i === 3) { a.length = 10; } if (i === 5) { for (let k = 0; k < 1000; k++) a.push(null); Object.setPrototypeOf(a, null); } return i; } }] });
                    a
                    """);
                var writes = context.Eval<int>("orders(10).length + seen");
                return $"{read.Count}/{read.Count(o => o is not null)}/{writes}";
            })),
            "proxy" => Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.ValueOutcome(name, () =>
            {
                var results = new List<string>();
                foreach (var lines in new[]
                {
                    "new Proxy([{ sku: 's', qty: 1 }], {})",
                    "new Proxy([], { get: (t, k) => k === 'length' ? 2 ** 32 - 1 : { sku: 'p', qty: 1 } })",
                    "new Proxy([], { get: (t, k) => k === 'length' ? 'x' : undefined })",
                    "new Proxy([], { get() { throw new Error('trap'); } })",
                    "(() => { const r = Proxy.revocable([], {}); r.revoke(); return r.proxy; })()",
                    "[new Proxy({}, { getPrototypeOf() { throw new Error('proto'); } })]",
                    "[(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()]",
                })
                {
                    results.Add(Report.Outcome(name, () => context.Eval<List<BulkAttackOrder>>($"[{{ id: 'a', lines: {lines} }}]", TimeSpan.FromSeconds(5))));
                }

                return string.Join(",", results);
            })),
            "length" => Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.Outcome(name, () =>
                context.Eval<List<BulkAttackOrder>>("const l = []; l.length = 2 ** 32 - 1; [{ id: 'a', lines: l }]", TimeSpan.FromSeconds(30)))),
            "cycle" => Report.Bounded(name, TimeSpan.FromSeconds(30), () =>
            {
                var jsCycle = Report.Outcome(name, () => context.Eval<BulkAttackNode>("const n = { name: 'a', children: [] }; n.children.push(n, n); n"));
                var dag = Report.Outcome(name, () => context.Eval<List<BulkAttackNode>>("let d = { name: 'leaf', children: [] }; for (let i = 0; i < 60; i++) d = { name: 'n' + i, children: [d, d] }; [d]"));
                var netCycle = Report.Outcome(name, () => context.Eval("cycle()"));
                return $"{jsCycle},{dag},{netCycle}";
            }),
            "deep" => Report.Bounded(name, TimeSpan.FromSeconds(30), () =>
            {
                var into = Report.ValueOutcome(name, () => context.Eval<int>("let c = chain(100), n = 0; while (c) { n++; c = c.next; } n"));
                var tooDeep = Report.Outcome(name, () => context.Eval("chain(200)"));
                var back = Report.Outcome(name, () => context.Eval<BulkAttackNode>("let t = { name: 'x', children: [] }; for (let i = 0; i < 1000; i++) t = { name: 'x', children: [t] }; t"));
                return $"{into},{tooDeep},{back}";
            }),
            "terminate" => Report.Bounded(name, TimeSpan.FromSeconds(60), () =>
            {
                var into = Report.Outcome(name, () => context.Eval("orders(3000000).length", TimeSpan.FromMilliseconds(200)));
                context.Eval("globalThis.big = Array.from({ length: 2000000 }, (_, i) => ({ id: 'o' + i, lines: [{ sku: 's', qty: i }] })); undefined", TimeSpan.FromSeconds(30));
                var back = Report.Outcome(name, () => context.Eval<List<BulkAttackOrder>>("big", TimeSpan.FromMilliseconds(200)));
                return $"{into},{back}";
            }),
            "strings" => Report.Bounded(name, TimeSpan.FromSeconds(60), () => Report.Outcome(name, () =>
                context.Eval<List<BulkAttackOrder>>("const s = 'x'.repeat(4 * 1024 * 1024); Array.from({ length: 64 }, () => ({ id: s, lines: [{ sku: s, qty: 1 }] }))", TimeSpan.FromSeconds(30)))),
            "tamper" => Report.Bounded(name, TimeSpan.FromSeconds(30), () => Report.ValueOutcome(name, () =>
            {
                context.Eval("""
                    JSON.parse = () => ({ hacked: true });
                    JSON.stringify = () => '[[],[]]';
                    Array.prototype.toJSON = () => 'hacked';
                    Array.prototype[Symbol.iterator] = function* () { yield 'hacked'; };
                    Object.defineProperty(Object.prototype, 'length', { get() { return 7; }, configurable: true });
                    Object.setPrototypeOf = () => { throw new Error('hacked'); };
                    undefined
                    """);
                var intoJs = context.Eval<string>("const o = orders(300); o.length + ':' + o[299].lines[0].qty + ':' + o[0].id");
                var back = context.Eval<List<BulkAttackOrder>>(Orders);
                return $"{intoJs}/{back.Count}:{back[299].Lines[0].Qty}";
            })),
            _ => throw new ArgumentException("unknown case " + args[0]),
        };

        Report.Result(name, outcome);
        Report.Result(name + ".peak-under-2GiB", Report.PeakWorkingSetMiB() < 2048);
        Report.Result(name + ".after", Report.Bounded(name + ".after", TimeSpan.FromSeconds(10), () => Report.StillWorks(context)));
    }
}
