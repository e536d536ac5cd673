namespace V8Host.Security.Attacks.Scenarios;

/// <summary>
/// `tamper &lt;target&gt;`: the script replaces one intrinsic (or plants setters on prototypes) before
/// .NET calls in, in two modes: `spy` records every argument and forwards to the original, `junk`
/// records and returns junk. Each check prints `RESULT tamper.&lt;target&gt;.&lt;mode&gt;.&lt;check&gt; ok`
/// when the runtime's result is right and the tampering saw none of the marked values
/// ("S3CR3T", "secret", 4242).
/// </summary>
internal static class TamperedIntrinsics
{
    public static readonly string[] Targets =
    [
        "array-map", "reflect-apply", "array-iterator", "array-push", "array-splice", "object-keys", "json-parse",
        "promise-resolve", "promise-then", "symbol-for", "map-get", "object-define-property", "error-capture-stack-trace",
        "prototype-setters",
    ];

    public static readonly string[] Checks = ["js-args", "host-args", "js-array", "js-object", "parse-json", "promise", "serialize", "error"];

    private const string Install = """
        (function (target, mode) {
          'use strict';
          const apply = Reflect.apply, ownKeys = Reflect.ownKeys, getDesc = Object.getOwnPropertyDescriptor, defineProperty = Object.defineProperty;
          const lower = String.prototype.toLowerCase, includes = String.prototype.includes;
          const seen = Object.create(null); let n = 0;
          const record = v => { seen[n++] = v; };
          function mentions(v, depth) {
            if (typeof v === 'string') { const l = apply(lower, v, []); return apply(includes, l, ['secret']) || apply(includes, l, ['s3cr3t']); }
            if (v === 4242) return true;
            if (depth > 3 || v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
            let keys; try { keys = ownKeys(v); } catch { return false; }
            for (let i = 0; i < keys.length && i < 1000; i++) {
              const k = keys[i];
              if (typeof k === 'string' && mentions(k, 9)) return true;
              let d; try { d = getDesc(v, k); } catch { continue; }
              if (d && 'value' in d && mentions(d.value, depth + 1)) return true;
            }
            return false;
          }
          const state = Object.create(null);
          state.leaked = () => { for (let i = 0; i < n; i++) if (mentions(seen[i], 0)) return true; return false; };
          state.count = () => n;
          state.reset = () => { n = 0; };
          defineProperty(globalThis, '__tamper', { value: state });
          defineProperty(globalThis, '__probe', { value: function (a, b, c, d) {
            return typeof a + '|' + a + '|' + b + '|' + c.length + ':' + c[0] + ',' + c[1] + ',' + c[2] + '|' + d.k;
          } });
          const wrap = (obj, key, junk) => {
            const orig = obj[key];
            const fake = function (...args) {
              record(this);
              for (let i = 0; i < args.length; i++) record(args[i]);
              return mode === 'spy' ? apply(orig, this, args) : apply(junk, this, [args, orig]);
            };
            defineProperty(obj, key, { value: fake, writable: true, configurable: true });
          };
          const setter = (obj, key, junkGet) => defineProperty(obj, key, {
            configurable: true,
            get() { return mode === 'spy' ? undefined : junkGet; },
            set(v) { record(v); if (mode === 'spy') defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true }); },
          });
          switch (target) {
            case 'array-map': wrap(Array.prototype, 'map', () => ['junk']); break;
            case 'reflect-apply': wrap(Reflect, 'apply', () => 'junk'); break;
            case 'array-iterator': wrap(Array.prototype, Symbol.iterator, (a, orig) => apply(orig, ['junk'], [])); break;
            case 'array-push': wrap(Array.prototype, 'push', () => 0); break;
            case 'array-splice': wrap(Array.prototype, 'splice', () => []); break;
            case 'object-keys': wrap(Object, 'keys', () => ['junk']); break;
            case 'json-parse': wrap(JSON, 'parse', () => ({ junk: 1 })); break;
            case 'promise-resolve': wrap(Promise, 'resolve', () => new Promise(r => r('junk'))); break;
            case 'promise-then': wrap(Promise.prototype, 'then', function (args, orig) {
              const f = args[0];
              return apply(orig, this, [typeof f === 'function' ? () => f('junk') : f, args[1]]);
            }); break;
            case 'symbol-for': wrap(Symbol, 'for', () => Symbol('junk')); break;
            case 'map-get': wrap(Map.prototype, 'get', () => 'junk'); break;
            case 'object-define-property': wrap(Object, 'defineProperty', args => args[0]); break;
            case 'error-capture-stack-trace': wrap(Error, 'captureStackTrace', () => undefined); break;
            case 'prototype-setters':
              for (const proto of [Object.prototype, Array.prototype])
                for (const key of ['0', '1', 'length', 'then'])
                  if (!(proto === Array.prototype && key === 'length')) // non-configurable
                    setter(proto, key, key === 'then' ? function (resolve) { record(this); resolve('junk'); } : 'junk');
              break;
            default: throw new Error('unknown target ' + target);
          }
          return true;
        })
        """;

    public static void Run(string[] args)
    {
        var target = args[0];
        foreach (var mode in new[] { "spy", "junk" })
            RunMode(target, mode);
    }

    private static void RunMode(string target, string mode)
    {
        var prefix = $"tamper.{target}.{mode}";
        string? hostSeen = null;
        using var context = new Isolate().CreateContextBuilder()
            .AddHostFunction("hostEcho", (int[] xs, string s, Dictionary<string, int> d) =>
            {
                hostSeen = $"{string.Join(",", xs)}|{s}|{string.Join(",", d.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";
                return new List<string> { "S3CR3T", "x" };
            })
            .Build();

        var install = context.Eval<JsFunction>(Install);
        var installed = Report.Outcome(prefix + ".install", () => install.Invoke(target, mode));
        Report.Result(prefix + ".install", installed);

        Check(context, prefix, "js-args", () =>
        {
            var probe = (JsFunction)context.GetGlobal("__probe")!;
            var got = probe.Invoke(4242, "S3CR3T", new[] { 1, 2, 3 }, new Dictionary<string, object?> { ["k"] = "S3CR3T" });
            return Expect(got, "number|4242|S3CR3T|3:1,2,3|S3CR3T");
        });
        Check(context, prefix, "host-args", () =>
        {
            hostSeen = null;
            var got = context.Eval("(() => { const r = hostEcho([1, 2, 3], 'S3CR3T', { a: 1, b: 2 }); return r.length + ':' + r[0] + ',' + r[1]; })()");
            return Expect(got, "2:S3CR3T,x") ?? Expect(hostSeen, "1,2,3|S3CR3T|a=1,b=2");
        });
        Check(context, prefix, "js-array", () =>
        {
            var array = context.NewArray();
            array.Add(1);
            array.Add("S3CR3T");
            array.Insert(0, 0);
            array.RemoveAt(1);
            context.SetGlobal("__arr", array);
            return Expect(array.Count, 2) ?? Expect(array[0], 0) ?? Expect(array[1], "S3CR3T")
                ?? Expect(context.Eval("__arr.length + ':' + __arr[0] + ',' + __arr[1]"), "2:0,S3CR3T");
        });
        Check(context, prefix, "js-object", () =>
        {
            var o = context.NewObject();
            o.Set("a", 1);
            o.Set("secretKey", "S3CR3T");
            var keys = string.Join(",", o.Keys);
            var removed = o.Remove("a");
            context.SetGlobal("__obj", o);
            return Expect(keys, "a,secretKey") ?? Expect(removed, true) ?? Expect(string.Join(",", o.Keys), "secretKey")
                ?? Expect(context.Eval("Object.getOwnPropertyNames(__obj).join()"), "secretKey");
        });
        Check(context, prefix, "parse-json", () =>
        {
            var parsed = context.ParseJson("{\"secret\":1}");
            return parsed is JsObject o ? Expect(string.Join(",", o.Keys), "secret") ?? Expect(o["secret"], 1) : "not an object: " + Report.Format(parsed);
        });
        Check(context, prefix, "promise", () =>
        {
            var waited = context.Eval<JsPromise>("new Promise(r => r(4242))").Wait(TimeSpan.FromSeconds(5));
            var task = context.Eval<JsPromise>("new Promise(r => r(4243))").AsTask();
            var awaited = task.Wait(TimeSpan.FromSeconds(5)) ? task.Result : "pending";
            return Expect(waited, 4242) ?? Expect(awaited, 4243);
        });
        Check(context, prefix, "serialize", () =>
        {
            var bytes = context.Serialize(new Dictionary<string, object?> { ["secret"] = "s", ["b"] = 2 });
            var back = context.Deserialize(bytes);
            return back is JsObject o ? Expect(string.Join(",", o.Keys), "secret,b") ?? Expect(o["secret"], "s") ?? Expect(o["b"], 2) : "not an object: " + Report.Format(back);
        });
        Check(context, prefix, "error", () =>
        {
            try
            {
                context.Eval("throw new TypeError('S3CR3T in a message')");
                return "no exception";
            }
            catch (JavaScriptException exception)
            {
                return Expect(exception.ErrorName, "TypeError") ?? Expect(exception.JsMessage, "S3CR3T in a message");
            }
        });
    }

    private static void Check(Context context, string prefix, string check, Func<string?> run)
    {
        var name = $"{prefix}.{check}";
        var problems = new List<string>();
        try
        {
            context.Eval("__tamper.reset()");
        }
        catch (Exception exception)
        {
            problems.Add("reset failed: " + Report.Kind(exception));
        }

        try
        {
            if (Report.Bounded(name, TimeSpan.FromSeconds(20), run) is { } problem)
                problems.Add(problem);
        }
        catch (Exception exception)
        {
            Report.Detail(name, exception);
            problems.Add("threw " + Report.Kind(exception));
        }

        try
        {
            if (context.Eval<bool>("__tamper.leaked()"))
                problems.Add("leaked to the tampered intrinsic");
        }
        catch (Exception exception)
        {
            problems.Add("leak check failed: " + Report.Kind(exception));
        }

        Report.Result(name, problems.Count == 0 ? "ok" : string.Join("; ", problems));
    }

    private static string? Expect(object? got, object? expected) =>
        Equals(got, expected) ? null : $"expected {Report.Format(expected)}, got {Report.Format(got)}";
}
