// Fetch's Request: the constructor's algorithm (input Request or URL, RequestInit read in WebIDL's
// lexicographic order, method normalization, the GET/HEAD-with-body and used-body checks, a signal
// that follows the input's), its attributes, clone() and the Body mixin. Outside a browser there is
// no document: relative URLs resolve against the host's FetchApi.BaseUrl (a TypeError without one),
// the referrer is data, and mode, credentials and cache are recorded but change nothing. Adds
// `web.Request` and `web.requestSupport` (state(request) -> the internal record fetch() sends).
(function (primordials, web) {
    'use strict';

    const { ArrayPrototypeIndexOf, FunctionPrototypeCall, ObjectFreeze, StringPrototypeSlice, SymbolIterator, defineData } = primordials;
    const { idl, AbortSignal, Headers, headerSupport, bodySupport, fetchUrl, abortSupport } = web;

    // Each enum member: its WebIDL type (for messages) and its values.
    const enums = ObjectFreeze({
        __proto__: null,
        cache: ['RequestCache', 'default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
        credentials: ['RequestCredentials', 'omit', 'same-origin', 'include'],
        duplex: ['RequestDuplex', 'half'],
        mode: ['RequestMode', 'navigate', 'same-origin', 'no-cors', 'cors'],
        priority: ['RequestPriority', 'high', 'low', 'auto'],
        redirect: ['RequestRedirect', 'follow', 'error', 'manual'],
        referrerPolicy: ['ReferrerPolicy', '', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin',
            'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url'],
    });

    const normalizedMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
    const forbiddenMethods = ['CONNECT', 'TRACE', 'TRACK'];

    function quote(string) {
        return string.length <= 256 ? `'${string}'` : `'${StringPrototypeSlice(string, 0, 256)}…' (${string.length} characters)`;
    }

    function toEnum(value, member, context) {
        const string = idl.toDOMString(value, context);
        const allowed = enums[member];
        if (ArrayPrototypeIndexOf(allowed, string, 1) === -1)
            throw idl.typeError(context, `The provided value ${quote(string)} of RequestInit.${member} is not a valid enum value of type ${allowed[0]}.`);
        return string;
    }

    function toMethod(value, context) {
        const method = idl.toByteString(value, context);
        if (!headerSupport.isToken(method))
            throw idl.typeError(context, `${quote(method)} is not a valid HTTP method.`);
        const upper = headerSupport.asciiUpper(method);
        if (ArrayPrototypeIndexOf(forbiddenMethods, upper) !== -1)
            throw idl.typeError(context, `'${method}' HTTP method is unsupported.`);
        return ArrayPrototypeIndexOf(normalizedMethods, upper) !== -1 ? upper : method;
    }

    function parseUrl(input, context) {
        const url = fetchUrl.parseApi(input);
        if (url === null)
            throw idl.typeError(context, `Invalid URL ${quote(input)}.`);
        if (url.credentials)
            throw idl.typeError(context, `Request cannot be constructed from a URL that includes credentials: ${quote(input)}.`);
        return url;
    }

    // "Create a dependent abort signal" from « parent » (AbortSignal.any's algorithm), so that a
    // long-lived signal shared by many requests holds each one only while something observes it.
    // The sequence is an iterable of the glue's own, which no change to Array.prototype can reach.
    const signalAny = AbortSignal.any;

    function followingSignal(parent) {
        if (parent === null)
            return abortSupport.createSignal();
        let given = false;
        const iterator = {
            __proto__: null,
            next() {
                const done = given;
                given = true;
                return { __proto__: null, done, value: done ? undefined : parent };
            },
        };
        return FunctionPrototypeCall(signalAny, AbortSignal, { __proto__: null, [SymbolIterator]: () => iterator });
    }

    let stateOf;

    function checked(receiver, attribute) {
        const state = stateOf(receiver);
        if (state === undefined)
            throw idl.illegalInvocation(idl.getting('Request', attribute));
        return state;
    }

    class Request {
        #state;

        constructor(input, init = undefined) {
            const context = idl.constructing('Request');
            idl.requireArguments(arguments.length, 1, context);
            // WebIDL converts both arguments before the constructor's steps parse the URL.
            const source = stateOf(input);
            const href = source !== undefined ? undefined : idl.toUSVString(input, context);
            const options = idl.toDictionary(init, context);

            // RequestInit, member by member in lexicographic order (each read may run a getter).
            let body, cache, credentials, headersInit, integrity, keepalive, method, mode, redirect, referrer, referrerPolicy, signal;
            let hasSignal = false;
            if (options !== undefined) {
                body = options.body;
                const cacheValue = options.cache;
                if (cacheValue !== undefined)
                    cache = toEnum(cacheValue, 'cache', context);
                const credentialsValue = options.credentials;
                if (credentialsValue !== undefined)
                    credentials = toEnum(credentialsValue, 'credentials', context);
                const duplexValue = options.duplex;
                if (duplexValue !== undefined)
                    toEnum(duplexValue, 'duplex', context);
                headersInit = options.headers;
                const integrityValue = options.integrity;
                if (integrityValue !== undefined)
                    integrity = idl.toDOMString(integrityValue, context);
                const keepaliveValue = options.keepalive;
                if (keepaliveValue !== undefined)
                    keepalive = idl.toBoolean(keepaliveValue);
                const methodValue = options.method;
                if (methodValue !== undefined)
                    method = toMethod(methodValue, context);
                const modeValue = options.mode;
                if (modeValue !== undefined)
                    mode = toEnum(modeValue, 'mode', context);
                const priorityValue = options.priority;
                if (priorityValue !== undefined)
                    toEnum(priorityValue, 'priority', context);
                const redirectValue = options.redirect;
                if (redirectValue !== undefined)
                    redirect = toEnum(redirectValue, 'redirect', context);
                const referrerValue = options.referrer;
                if (referrerValue !== undefined)
                    referrer = idl.toUSVString(referrerValue, context);
                const referrerPolicyValue = options.referrerPolicy;
                if (referrerPolicyValue !== undefined)
                    referrerPolicy = toEnum(referrerPolicyValue, 'referrerPolicy', context);
                const signalValue = options.signal;
                if (signalValue !== undefined) {
                    hasSignal = true;
                    if (signalValue !== null && !abortSupport.isAbortSignal(signalValue))
                        throw idl.typeError(context, 'Member RequestInit.signal is not of type AbortSignal.');
                    signal = signalValue;
                }
                const windowValue = options.window;
                if (windowValue !== undefined && windowValue !== null)
                    throw idl.typeError(context, 'RequestInit.window can only be null.');
            }

            const parsed = source !== undefined ? source.parsed : parseUrl(href, context);
            if (mode === 'navigate')
                throw idl.typeError(context, 'Cannot construct a Request with a RequestInit whose mode member is set as \'navigate\'.');
            if (referrer !== undefined && referrer !== '') {
                const referrerUrl = fetchUrl.parseApi(referrer);
                if (referrerUrl === null)
                    throw idl.typeError(context, `The referrer ${quote(referrer)} is not a valid URL.`);
                referrer = referrerUrl.href;
            }

            const state = {
                __proto__: null,
                url: parsed.href,
                // The parsed URL (href, protocol, origin), which fetch() reads.
                parsed,
                method: method ?? (source !== undefined ? source.method : 'GET'),
                headers: null,
                body: null,
                signal: null,
                cache: cache ?? (source !== undefined ? source.cache : 'default'),
                credentials: credentials ?? (source !== undefined ? source.credentials : 'same-origin'),
                integrity: integrity ?? (source !== undefined ? source.integrity : ''),
                keepalive: keepalive ?? (source !== undefined ? source.keepalive : false),
                mode: mode ?? (source !== undefined ? source.mode : 'cors'),
                redirect: redirect ?? (source !== undefined ? source.redirect : 'follow'),
                referrer: referrer ?? (source !== undefined ? source.referrer : 'about:client'),
                referrerPolicy: referrerPolicy ?? (source !== undefined ? source.referrerPolicy : ''),
            };
            if (state.cache === 'only-if-cached' && state.mode !== 'same-origin')
                throw idl.typeError(context, '\'only-if-cached\' can be set only with \'same-origin\' mode.');

            // A Headers object is copied through its list (not its iterator), as the standard says.
            let headers;
            if (headerSupport.isHeaders(headersInit)) {
                headers = headerSupport.create(headerSupport.list(headersInit), false);
            } else if (headersInit !== undefined) {
                headers = new Headers();
                headerSupport.fill(headers, headersInit, context);
            } else {
                headers = headerSupport.create(source !== undefined ? headerSupport.list(source.headers) : [], false);
            }
            state.headers = headers;

            const inputBody = source !== undefined ? source.body : null;
            if (((body !== undefined && body !== null) || inputBody !== null) && (state.method === 'GET' || state.method === 'HEAD'))
                throw idl.typeError(context, 'Request with GET/HEAD method cannot have body.');
            if (body !== undefined && body !== null) {
                const extracted = bodySupport.extract(body, context);
                state.body = extracted.body;
                if (extracted.type !== null && headerSupport.get(headers, 'content-type') === null)
                    headerSupport.append(headers, 'content-type', extracted.type, context);
            } else if (inputBody !== null) {
                if (inputBody.used)
                    throw idl.typeError(context, 'Cannot construct a Request with a Request object that has already been used.');
                // The new Request takes the body over: the input's counts as read from now on.
                state.body = bodySupport.share(inputBody);
                inputBody.used = true;
            }

            state.signal = followingSignal(hasSignal ? signal : source !== undefined ? source.signal : null);
            this.#state = state;
        }

        get method() {
            return checked(this, 'method').method;
        }

        get url() {
            return checked(this, 'url').url;
        }

        get headers() {
            return checked(this, 'headers').headers;
        }

        get destination() {
            checked(this, 'destination');
            return '';
        }

        // '' is "no-referrer", 'about:client' the default; otherwise a serialized URL.
        get referrer() {
            return checked(this, 'referrer').referrer;
        }

        get referrerPolicy() {
            return checked(this, 'referrerPolicy').referrerPolicy;
        }

        get mode() {
            return checked(this, 'mode').mode;
        }

        get credentials() {
            return checked(this, 'credentials').credentials;
        }

        get cache() {
            return checked(this, 'cache').cache;
        }

        get redirect() {
            return checked(this, 'redirect').redirect;
        }

        get integrity() {
            return checked(this, 'integrity').integrity;
        }

        get keepalive() {
            return checked(this, 'keepalive').keepalive;
        }

        get isReloadNavigation() {
            checked(this, 'isReloadNavigation');
            return false;
        }

        get isHistoryNavigation() {
            checked(this, 'isHistoryNavigation');
            return false;
        }

        get signal() {
            return checked(this, 'signal').signal;
        }

        get duplex() {
            checked(this, 'duplex');
            return 'half';
        }

        clone() {
            const context = idl.method('Request', 'clone');
            const state = stateOf(this);
            if (state === undefined)
                throw idl.illegalInvocation(context);
            if (bodySupport.isUsed(state.body))
                throw idl.typeError(context, 'Request body is already used.');
            return createRequest(state, headerSupport.immutable(state.headers));
        }

        static {
            stateOf = (value) => (idl.isObject(value) && #state in value ? value.#state : undefined);
        }
    }

    // A Request with a copy of `state` (its own headers, the same bytes, a signal following the original's).
    function createRequest(state, immutable) {
        const request = new Request(state.url);
        const copy = stateOf(request);
        copy.parsed = state.parsed;
        copy.method = state.method;
        copy.headers = headerSupport.create(headerSupport.list(state.headers), immutable);
        copy.body = bodySupport.share(state.body);
        copy.cache = state.cache;
        copy.credentials = state.credentials;
        copy.integrity = state.integrity;
        copy.keepalive = state.keepalive;
        copy.mode = state.mode;
        copy.redirect = state.redirect;
        copy.referrer = state.referrer;
        copy.referrerPolicy = state.referrerPolicy;
        copy.signal = followingSignal(state.signal);
        return request;
    }

    bodySupport.defineMembers(Request.prototype, 'Request', stateOf);
    idl.defineInterface(Request, 'Request');
    idl.exposeInterface('Request', Request);
    web.markNotSerializable('Request', Request);

    defineData(web, 'Request', Request);
    defineData(web, 'requestSupport', ObjectFreeze({
        __proto__: null,
        state: (request) => stateOf(request),
    }));
})
