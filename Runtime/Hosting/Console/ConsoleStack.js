// V8Host console: stack traces without running script code. V8 formats a stack lazily, the first
// time `stack` is read, by calling whatever `Error.prepareStackTrace` holds then; a script may put
// its own function there. While the console reads a stack (an error it prints, console.trace, the
// caller's frame for ILogger entries) the runtime's own formatter (installed by Bootstrap.js
// before any user code, captured here) or a frame collector is put in place and the script's
// value restored afterwards. A script that made the property non-configurable keeps its
// formatter: that stack is then read as the script formats it, inside a try.
// displayName is Bootstrap.js's: the user's name of a resource ("v8host:<escaped name>#<n>" → name).
(function (primordials, displayName) {
    'use strict';

    const {
        Error: ErrorCtor,
        ErrorCaptureStackTrace,
        FunctionPrototypeCall,
        ObjectGetPrototypeOf,
        ObjectPrototypeHasOwnProperty,
        ReflectDefineProperty,
        ReflectDeleteProperty,
        ReflectGetOwnPropertyDescriptor,
        StringPrototypeStartsWith,
        uncurryThis,
    } = primordials;

    const documentScheme = 'v8host:';
    const runtimeFormatter = ReflectGetOwnPropertyDescriptor(ErrorCtor, 'prepareStackTrace').value;

    // The accessor V8 gives every error's `stack` (undefined when V8 makes it a data property).
    const nativeStackGetter = (() => {
        const descriptor = ReflectGetOwnPropertyDescriptor(new ErrorCtor(), 'stack');
        return descriptor !== undefined && !ObjectPrototypeHasOwnProperty(descriptor, 'value') ? descriptor.get : undefined;
    })();

    // CallSite methods from a pristine call site (scripts may reach CallSite.prototype later).
    let collected = null;
    const collect = (_, sites) => {
        collected = sites;
        return '';
    };
    const callSite = (() => {
        const holder = { __proto__: null };
        withFormatter(collect, () => {
            ErrorCaptureStackTrace(holder);
            return holder.stack;
        });
        const prototype = ObjectGetPrototypeOf(collected[0]);
        collected = null;
        return {
            __proto__: null,
            getFileName: uncurryThis(prototype.getFileName),
            getLineNumber: uncurryThis(prototype.getLineNumber),
            getColumnNumber: uncurryThis(prototype.getColumnNumber),
        };
    })();

    // Runs `action` with Error.prepareStackTrace set to `formatter`, then puts the script's value back.
    function withFormatter(formatter, action) {
        const previous = ReflectGetOwnPropertyDescriptor(ErrorCtor, 'prepareStackTrace');
        if (previous !== undefined && previous.configurable !== true) return action();
        ReflectDefineProperty(ErrorCtor, 'prepareStackTrace', { __proto__: null, value: formatter, writable: true, configurable: true });
        // The descriptor to restore, copied into a null-prototype object: one from
        // getOwnPropertyDescriptor inherits from Object.prototype, where a script may have put
        // `get` or `value` accessors that defineProperty would read.
        const restore = previous === undefined ? undefined : ObjectPrototypeHasOwnProperty(previous, 'value')
            ? { __proto__: null, value: previous.value, writable: previous.writable, enumerable: previous.enumerable, configurable: true }
            : { __proto__: null, get: previous.get, set: previous.set, enumerable: previous.enumerable, configurable: true };
        try {
            return action();
        } finally {
            if (restore === undefined) ReflectDeleteProperty(ErrorCtor, 'prepareStackTrace');
            else ReflectDefineProperty(ErrorCtor, 'prepareStackTrace', restore);
        }
    }

    return {
        __proto__: null,

        // The call sites below `callee` (V8 leaves out callee and the frames above it), or null
        // when a script's formatter that could not be set aside threw instead.
        sitesAbove(callee) {
            const holder = { __proto__: null };
            collected = null;
            try {
                withFormatter(collect, () => {
                    ErrorCaptureStackTrace(holder, callee);
                    return holder.stack;
                });
            } catch {
                collected = null;
            }
            const sites = collected;
            collected = null;
            return sites;
        },

        // [script name, line, column] of the first user frame among `sites`, or null.
        location(sites) {
            if (sites === null || sites === undefined) return null;
            for (let i = 0; i < sites.length; i++) {
                const name = displayName(callSite.getFileName(sites[i]));
                if (typeof name === 'string' && StringPrototypeStartsWith(name, documentScheme)) continue;
                return [name ?? null, callSite.getLineNumber(sites[i]) ?? null, callSite.getColumnNumber(sites[i]) ?? null];
            }
            return null;
        },

        // "<header>\n    at …" for `sites`, as the runtime formats every stack.
        format(header, sites) {
            const error = { __proto__: null, toString: () => header };
            return sites === null || sites === undefined ? header : FunctionPrototypeCall(runtimeFormatter, undefined, error, sites);
        },

        // An error's `stack` as V8 holds it, formatted by the runtime; undefined when the error has
        // no stack of its own or its `stack` is a script's accessor (it is not run).
        stackOf(error) {
            const descriptor = ReflectGetOwnPropertyDescriptor(error, 'stack');
            if (descriptor === undefined) return undefined;
            if (ObjectPrototypeHasOwnProperty(descriptor, 'value')) return descriptor.value;
            if (nativeStackGetter === undefined || descriptor.get !== nativeStackGetter) return undefined;
            return withFormatter(runtimeFormatter, () => FunctionPrototypeCall(nativeStackGetter, error));
        },
    };
});
