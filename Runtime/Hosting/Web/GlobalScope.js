// The global scope's own attributes: navigator and self (WinterTC), where navigator.userAgent names the
// runtime, "V8Host/<version>", so that code can tell it apart from a browser, Node or Deno without
// guessing from other globals; and crossOriginIsolated, false: as in a page that is not cross-origin
// isolated, a SharedArrayBuffer cannot be shared (structuredClone refuses it).
(function (primordials, web, userAgent) {
    'use strict';

    const { TypeError, globalThis } = primordials;
    const { idl } = web;

    let isNavigator;
    let constructing = false;

    class Navigator {
        #userAgent;

        constructor() {
            if (!constructing)
                throw new TypeError(`${idl.constructing('Navigator')}: Illegal constructor`);
            this.#userAgent = userAgent;
        }

        get userAgent() {
            if (!isNavigator(this))
                throw idl.illegalInvocation(idl.getting('Navigator', 'userAgent'));
            return this.#userAgent;
        }

        static {
            isNavigator = (value) => idl.isObject(value) && #userAgent in value;
        }
    }

    idl.defineInterface(Navigator, 'Navigator');
    constructing = true;
    const navigator = new Navigator();
    constructing = false;
    idl.exposeInterface('Navigator', Navigator);
    idl.exposeAttribute('navigator', navigator);
    // WinterTC's `self`: the global itself, [Replaceable] as in workers.
    idl.exposeAttribute('self', globalThis);
    idl.exposeAttribute('crossOriginIsolated', false);
})
