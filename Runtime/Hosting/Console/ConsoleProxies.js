// V8Host console: remembers every Proxy scripts create, so that the formatter can show a proxy's
// target without running a single trap. JavaScript cannot tell a Proxy from its target (that is
// the point of proxies) and V8's own check is not reachable from script, so the global `Proxy`
// is replaced, before any user code runs, by a proxy whose `construct` trap makes each new proxy
// with the real constructor and records it with its target and handler; `Proxy.revocable` is
// wrapped the same way and its `revoke` marks the proxy revoked. The replacement behaves like the
// original for scripts (typeof, name, length, no prototype, `new` only). Its target is a stand-in
// (the real constructor, bound: a constructor with no prototype) that holds the wrapped
// `revocable` as an ordinary property, so that no trap has to report what the target does not
// hold, and freezing it (a pooled context freezes its built-ins) keeps every invariant. Other glue keeps the real constructor
// from the primordials, so proxies made by the runtime itself (live collection views) are not
// recorded: they are the runtime's own and their traps are safe to run.
(function (primordials) {
    'use strict';

    const {
        FunctionPrototypeCall,
        ObjectDefineProperty,
        ObjectFreeze,
        Proxy,
        ProxyRevocable,
        ReflectConstruct,
        FunctionPrototypeBind,
        ReflectGetOwnPropertyDescriptor,
        WeakMap,
        WeakMapPrototypeGet,
        WeakMapPrototypeSet,
        defineData,
        globalThis,
    } = primordials;

    // proxy -> [target, handler]; a revoked proxy maps to null.
    const records = new WeakMap();

    function record(proxy, target, handler) {
        const entry = [];
        defineData(entry, 0, target);
        defineData(entry, 1, handler);
        WeakMapPrototypeSet(records, proxy, entry);
        return proxy;
    }

    const revocable = function revocable(target, handler) {
        const pair = ProxyRevocable(target, handler);
        const proxy = pair.proxy;
        const revoke = pair.revoke;
        record(proxy, target, handler);
        return {
            proxy,
            revoke: function () {
                WeakMapPrototypeSet(records, proxy, null);
                FunctionPrototypeCall(revoke, undefined);
            },
        };
    };
    ObjectDefineProperty(revocable, 'name', { __proto__: null, value: 'revocable' });
    ObjectDefineProperty(revocable, 'length', { __proto__: null, value: 2 });

    const standIn = FunctionPrototypeBind(Proxy, undefined);
    ObjectDefineProperty(standIn, 'name', { __proto__: null, value: 'Proxy' });
    ObjectDefineProperty(standIn, 'length', { __proto__: null, value: 2 });
    ObjectDefineProperty(standIn, 'revocable', { __proto__: null, ...ReflectGetOwnPropertyDescriptor(Proxy, 'revocable'), value: revocable });

    const handler = ObjectFreeze({
        __proto__: null,
        construct(_, args, newTarget) {
            // The real constructor validates the arguments (and throws V8's own errors) first.
            const proxy = ReflectConstruct(Proxy, args, newTarget);
            return record(proxy, args[0], args[1]);
        },
    });
    const globalProxy = new Proxy(standIn, handler);

    ObjectDefineProperty(globalThis, 'Proxy', {
        __proto__: null,
        value: globalProxy,
        writable: true,
        enumerable: false,
        configurable: true,
    });

    return {
        __proto__: null,

        // undefined: not a recorded proxy; null: a revoked proxy; else [target, handler].
        details: value => WeakMapPrototypeGet(records, value),
    };
});
