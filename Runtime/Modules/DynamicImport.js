// Context.ImportAsync's entry: a dynamic import() made from V8Host's own document, so the module
// registry sees no importing module and resolves the specifier from the loader's base URL.
(function (primordials) {
    'use strict';
    return primordials.ObjectFreeze({
        __proto__: null,
        importModule(specifier) {
            return import(specifier);
        },
    });
})
