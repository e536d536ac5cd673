namespace V8Host.Generators.Tests.Infrastructure;

/// <summary>
/// A canonical rendering of a JS value (<c>show(v)</c>), so a test compares one string: bigints as
/// <c>1n</c>, Dates as ISO text, typed arrays, Sets and Maps by content, plain objects by keys.
/// </summary>
public static class JsShow
{
    public const string Function = """
        globalThis.show = function show(v) {
            if (v === null) return 'null';
            switch (typeof v) {
                case 'undefined': return 'undefined';
                case 'bigint': return v + 'n';
                case 'string': return JSON.stringify(v);
                case 'number': return Object.is(v, -0) ? '-0' : String(v);
                case 'boolean': return String(v);
                case 'function': return 'function';
            }
            if (v instanceof Date) return 'Date(' + v.toISOString() + ')';
            if (v instanceof Promise) return 'Promise';
            if (v instanceof ArrayBuffer) return 'ArrayBuffer[' + Array.from(new Uint8Array(v)).join(',') + ']';
            if (ArrayBuffer.isView(v)) return v.constructor.name + '[' + Array.from(v).join(',') + ']';
            if (v instanceof Set) return 'Set{' + Array.from(v, show).join(',') + '}';
            if (v instanceof Map) return 'Map{' + Array.from(v, ([k, x]) => show(k) + '=>' + show(x)).join(',') + '}';
            if (Array.isArray(v)) return '[' + v.map(show).join(',') + ']';
            if (Object.getPrototypeOf(v) === Object.prototype) return '{' + Object.keys(v).map(k => k + ':' + show(v[k])).join(',') + '}';
            return (v.constructor && v.constructor.name || 'object') + '{}';
        };
        """;
}
