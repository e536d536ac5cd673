// V8Host's CommonJS runtime for modules from a ModuleLoader: Node's wrapper semantics, in glue.
// ClearScript has CommonJS modules of its own (ModuleCategory.CommonJS), but its wrapper passes only
// (module, exports, require): no __filename, __dirname or require.resolve, `this` is not
// module.exports, and its module cache is bounded (past 1024 entries a module would load twice).
// So the runtime keeps its own cache, one record per resolved URL, and .NET only resolves, reads
// and compiles: a record is cached before its body runs, so a cycle sees the partial exports, as
// in Node. Uses only the primordials table (see Primordials.js for the rules).
(function (primordials, kindOf, compile, readJson, resolve, filenameOf, dirnameOf) {
    'use strict';

    const {
        Error,
        FunctionPrototypeCall,
        Map,
        MapPrototypeDelete,
        MapPrototypeGet,
        MapPrototypeSet,
        ObjectFreeze,
        ReflectSet,
        TypeError,
        defineData,
    } = primordials;

    const cache = new Map();

    function checkId(value, name) {
        if (typeof value !== 'string')
            throw new TypeError(`The "${name}" argument must be of type string. Received ${value === null ? 'null' : typeof value}`);
        if (value === '')
            throw new TypeError(`The argument '${name}' must be a non-empty string. Received ''`);
    }

    function notFound(error) {
        if (typeof error === 'object' && error !== null)
            defineData(error, 'code', 'MODULE_NOT_FOUND');
        return error;
    }

    function resolveFrom(specifier, referrerUrl, isRequire) {
        try {
            return resolve(specifier, referrerUrl, isRequire);
        } catch (error) {
            throw notFound(error);
        }
    }

    function makeRequire(url) {
        function require(id) {
            checkId(id, 'id');
            return load(resolveFrom(id, url, true));
        }
        defineData(require, 'resolve', function resolve(request) {
            checkId(request, 'request');
            return filenameOf(resolveFrom(request, url, true));
        });
        return require;
    }

    // module.exports of the module at `url`, running it on first use.
    function load(url) {
        const cached = MapPrototypeGet(cache, url);
        if (cached !== undefined)
            return cached.exports;
        const kind = kindOf(url);
        const filename = filenameOf(url);
        if (kind === 'module') {
            const error = new Error(`require() of ES module ${filename} is not supported (V8Host follows Node 20): load it with import() or Context.ImportAsync instead.`);
            defineData(error, 'code', 'ERR_REQUIRE_ESM');
            throw error;
        }
        if (kind === 'host') {
            const error = new Error(`require() of host module '${url}' is not supported: import it (import or import()) instead.`);
            defineData(error, 'code', 'ERR_REQUIRE_HOST_MODULE');
            throw error;
        }

        const dirname = dirnameOf(url);
        const module = { id: filename, path: dirname, filename, loaded: false, exports: {}, children: [], paths: [] };
        MapPrototypeSet(cache, url, module);
        try {
            if (kind === 'json') {
                module.exports = readJson(url);
            } else {
                const wrapper = compile(url);
                const require = makeRequire(url);
                defineData(module, 'require', require);
                FunctionPrototypeCall(wrapper, module.exports, module.exports, require, module, filename, dirname);
            }
        } catch (error) {
            // A module that threw is not cached: requiring it again runs it again, as in Node.
            MapPrototypeDelete(cache, url);
            throw error;
        }

        ReflectSet(module, 'loaded', true);
        return module.exports;
    }

    return ObjectFreeze({
        __proto__: null,
        load,
        // Context.Require: a specifier resolved from the loader's base URL.
        requireTop(specifier) {
            checkId(specifier, 'specifier');
            return load(resolveFrom(specifier, null, true));
        },
        // import.meta.resolve of the ES module at `url`.
        metaResolve(url) {
            return function resolve(specifier) {
                if (typeof specifier !== 'string')
                    throw new TypeError(`import.meta.resolve: the specifier must be a string, not ${specifier === null ? 'null' : typeof specifier}.`);
                return resolveFrom(specifier, url, false);
            };
        },
    });
})
