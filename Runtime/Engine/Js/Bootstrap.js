// V8Host bootstrap: evaluated once per context. Its completion value is the helper table the .NET
// side keeps a handle to; nothing is added to the global object except Error.prepareStackTrace,
// which records structured frames (ClearScript only hands back formatted stack strings).
(function () {
    'use strict';

    const framesKey = Symbol('v8host.frames');
    const hostErrorKey = Symbol('v8host.hostError');
    const documentScheme = 'v8host:';

    // Scripts are registered with ClearScript under "v8host:<escaped name>" so that V8 reports the
    // exact name the user gave; undo that here for display.
    function displayName(fileName) {
        if (typeof fileName !== 'string') return fileName ?? null;
        if (!fileName.startsWith(documentScheme)) return fileName;
        // ClearScript appends " [n]" / " [temp]" to document names; escaped names contain no spaces.
        const escaped = fileName.slice(documentScheme.length);
        const space = escaped.indexOf(' ');
        try {
            return decodeURIComponent(space < 0 ? escaped : escaped.slice(0, space));
        } catch {
            return fileName;
        }
    }

    function isInternal(fileName) {
        return typeof fileName === 'string' && (displayName(fileName).startsWith(documentScheme) || fileName.endsWith('[internal]'));
    }

    function formatCallSite(callSite) {
        const raw = callSite.getFileName();
        const text = String(callSite);
        return typeof raw === 'string' ? text.split(raw).join(displayName(raw)) : text;
    }

    function errorHeader(error) {
        try {
            return String(error);
        } catch {
            return '<error>';
        }
    }

    Object.defineProperty(Error, 'prepareStackTrace', {
        configurable: true,
        writable: true,
        value: function prepareStackTrace(error, allCallSites) {
            // V8Host's own glue (host-function wrappers, class shims) is not the user's code.
            const callSites = allCallSites.filter(callSite => !isInternal(callSite.getFileName()));
            const frames = callSites.map(callSite => [
                callSite.getFunctionName() ?? null,
                displayName(callSite.getFileName()),
                callSite.getLineNumber() ?? null,
                callSite.getColumnNumber() ?? null,
                callSite.isEval(),
                callSite.isConstructor(),
                typeof callSite.isWasm === 'function' ? callSite.isWasm() : false,
            ]);
            if (error !== null && typeof error === 'object') {
                try {
                    Object.defineProperty(error, framesKey, { value: frames, configurable: true });
                } catch {
                    // Frozen error objects keep their string stack only.
                }
            }
            return errorHeader(error) + callSites.map(callSite => '\n    at ' + formatCallSite(callSite)).join('');
        },
    });

    const adoptToken = Symbol('v8host.adopt');
    const hostToken = Symbol('v8host.hostObject');

    // Base of every host class. An instance carries the id of its .NET object (an index into the
    // context's instance table) in a private field: unforgeable and invisible to scripts, and cheap
    // to pass to .NET as a number. Only V8Host's own constructors hold the token.
    let hostIdOf;
    const hostObjects = [];
    class HostObject {
        #id;

        constructor(token, id) {
            if (token !== hostToken) throw new TypeError('Illegal constructor');
            this.#id = id;
        }

        static {
            hostIdOf = value => (value !== null && typeof value === 'object' && #id in value ? value.#id : undefined);
        }
    }

    // The error for a failed host call, with its stack starting at the caller of the host function.
    // A JS error that only passed through .NET keeps its own stack.
    function hostFailure(takeError, callee) {
        const error = takeError();
        if (error !== null && typeof error === 'object' && error[hostErrorKey] !== undefined)
            Error.captureStackTrace(error, callee);
        return error;
    }

    function named(name, length, fn) {
        Object.defineProperty(fn, 'name', { value: name });
        Object.defineProperty(fn, 'length', { value: length });
        return fn;
    }

    return {
        // [name, message, stack, frames, hostErrorId] for anything a script threw.
        describeError(value) {
            if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
                let stack = null;
                let name = null;
                let message = null;
                try { stack = value.stack; } catch { }
                try { name = value.name; } catch { }
                try { message = value.message; } catch { }
                return [
                    typeof name === 'string' ? name : null,
                    message === undefined || message === null ? errorHeader(value) : String(message),
                    typeof stack === 'string' ? stack : null,
                    value[framesKey] ?? null,
                    value[hostErrorKey] ?? null,
                ];
            }
            return [null, typeof value === 'symbol' ? value.toString() : String(value), null, null, null];
        },

        // Builds the JS error for a failed host call; the id lets the original .NET exception come back out.
        hostError(kind, message, id) {
            const ctor = kind === 1 ? TypeError : kind === 2 ? RangeError : Error;
            const error = new ctor(message);
            Object.defineProperty(error, hostErrorKey, { value: id, configurable: true });
            return error;
        },

        // Wraps a ClearScript fast host function in a real JS function (typeof, instanceof, name,
        // length) that costs one boundary crossing per call.
        wrapHostFunction(host, name, length, errorMarker, takeError) {
            const fn = {
                [name](...args) {
                    const result = host(...args);
                    if (result === errorMarker) throw hostFailure(takeError, fn);
                    return result;
                },
            }[name];
            Object.defineProperty(fn, 'length', { value: length });
            return fn;
        },

        // A JS class over a .NET type. Each member calls one fast host function (one boundary crossing);
        // instances keep their .NET object in an opaque box under a private symbol.
        // members: [jsName, isStatic, isMethod, fn, setter, length]
        defineClass(name, length, construct, members, errorMarker, takeError) {
            const check = (result, member) => {
                if (result === errorMarker) throw hostFailure(takeError, member);
                return result;
            };
            const idOf = (self, member) => {
                const id = hostIdOf(self);
                if (id === undefined) throw new TypeError(`${name}.${member} was called on an object that is not a ${name}.`);
                return id;
            };
            const cls = {
                [name]: class extends HostObject {
                    constructor(...args) {
                        const id = args[0] === adoptToken ? args[1] : check(construct(...args), new.target);
                        super(hostToken, id);
                        hostObjects[id] = this;
                    }
                },
            }[name];
            for (const [jsName, isStatic, isMethod, fn, setter, length] of members) {
                const target = isStatic ? cls : cls.prototype;
                if (isMethod) {
                    const method = isStatic
                        ? function (...args) { return check(fn(...args), method); }
                        : function (...args) { return check(fn(idOf(this, jsName), ...args), method); };
                    Object.defineProperty(target, jsName, { value: named(jsName, length, method), writable: true, configurable: true });
                } else {
                    const get = isStatic
                        ? function () { return check(fn(), get); }
                        : function () { return check(fn(idOf(this, jsName)), get); };
                    const set = setter === null ? undefined : isStatic
                        ? function (value) { check(setter(value), set); }
                        : function (value) { check(setter(idOf(this, jsName), value), set); };
                    Object.defineProperty(target, jsName, { get, set, configurable: true, enumerable: !isStatic });
                }
            }
            Object.defineProperty(cls, 'length', { value: length });
            const adopt = id => new cls(adoptToken, id);
            return [cls, adopt];
        },

        // The host-object id of a JS object, or undefined; and the JS object of an id.
        hostIdOf: value => hostIdOf(value),
        hostObjectOf: id => hostObjects[id],

        // Host modules: the synthetic module source of `host:<name>` reads its exports from here. The
        // registry is reachable through a registered symbol, which only exposes what scripts may
        // import anyway.
        registerHostModule(name, exports) {
            const registryKey = Symbol.for('v8host.hostModules');
            if (!Object.prototype.hasOwnProperty.call(globalThis, registryKey)) {
                const modules = new Map();
                Object.defineProperty(globalThis, registryKey, { value: name => modules.get(name) });
                Object.defineProperty(globalThis[registryKey], 'register', { value: (key, value) => modules.set(key, Object.freeze(value)) });
            }
            globalThis[registryKey].register(name, exports);
        },

        // Defines a (possibly dotted) global name, creating namespace objects on the way.
        defineGlobal(path, value) {
            const parts = path.split('.');
            let target = globalThis;
            for (let i = 0; i < parts.length - 1; i++) {
                const part = parts[i];
                if (target[part] === undefined || target[part] === null) target[part] = {};
                target = target[part];
            }
            target[parts[parts.length - 1]] = value;
        },

        keys: value => Object.keys(value),
        hasOwn: (value, key) => Object.prototype.hasOwnProperty.call(value, key),
        has: (value, key) => key in Object(value),
        remove: (value, key) => delete value[key],
        get: (value, key) => value[key],
        set: (value, key, item) => { value[key] = item; },
        newObject: () => ({}),
        newArray: () => [],
        splice: (array, start, deleteCount, ...items) => { array.splice(start, deleteCount, ...items); },
        apply: (fn, thisArg, args) => Reflect.apply(fn, thisArg, args),
        // A plain call from strict code: `this` is undefined.
        call: (fn, ...args) => fn(...args),
        newUint8Array: length => new Uint8Array(length),
        typedArrayName: value => value[Symbol.toStringTag] ?? 'DataView',
        displayString(value) {
            try {
                if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
                if (Array.isArray(value)) return `Array(${value.length})`;
                return Object.prototype.toString.call(value);
            } catch {
                return '[object]';
            }
        },
        watchPromise(promise, onSettled) {
            Promise.resolve(promise).then(value => onSettled(true, value), reason => onSettled(false, reason));
        },
        parseJson: text => JSON.parse(text),
        newPromise() {
            let resolve;
            let reject;
            const promise = new Promise((onResolve, onReject) => {
                resolve = onResolve;
                reject = onReject;
            });
            return [promise, resolve, reject];
        },
    };
})();
